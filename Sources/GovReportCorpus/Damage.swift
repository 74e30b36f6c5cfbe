/// Damage seen in real reports, applied to a document at a controlled rate. Each kind keeps
/// the ground truth exact: what the text no longer states is removed from it.
enum Damage: String, CaseIterable {
    /// One character of some long labels replaced by a look-alike (OCR).
    case ocrLabels = "ocr-labels"
    /// Spaces inside labels ("法律服 务机构").
    case spacesInLabels = "spaces-in-labels"
    /// Full-width digits in some cells.
    case fullWidthDigits = "full-width-digits"
    /// Debris before values ("†", "费").
    case strayCharacters = "stray-characters"
    /// The 自然人 column lost from the first rows and from the header (sample 000).
    case droppedColumn = "dropped-column"
    /// The header of the review table garbled (its 15 numbers survive).
    case garbledHeaders = "garbled-headers"

    static let lookAlikes: [Character: Character] = [
        "第": "笫", "申": "甲", "请": "清", "处": "外", "理": "埋", "息": "忌", "政": "玫", "信": "倍", "数": "效",
        "量": "最", "护": "沪", "权": "杈", "益": "盖", "秘": "祕", "密": "蜜", "确": "碓", "获": "荻", "掌": "堂",
    ]

    static func ocr(_ label: String, random: inout SeededRandom) -> String {
        let chars = Array(label)
        let core = chars.filter { $0.unicodeScalars.first!.value >= 0x4E00 }
        guard core.count >= 8 else { return label }
        let candidates = chars.indices.filter { lookAlikes[chars[$0]] != nil }
        guard !candidates.isEmpty else { return label }
        var out = chars
        let i = random.pick(candidates)
        out[i] = lookAlikes[chars[i]]!
        return String(out)
    }

    static func space(_ label: String, random: inout SeededRandom) -> String {
        let chars = Array(label)
        guard chars.count >= 4 else { return label }
        let i = random.int(1...(chars.count - 2))
        return String(chars[..<i]) + " " + String(chars[i...])
    }

    static func fullWidth(_ value: String) -> String {
        String(value.unicodeScalars.map { u -> Character in
            if u.value >= 0x30 && u.value <= 0x39 { return Character(Unicode.Scalar(u.value + 0xFEE0)!) }
            return Character(u)
        })
    }
}
