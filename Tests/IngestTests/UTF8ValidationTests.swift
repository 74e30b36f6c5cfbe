import GovReportIngest
import Testing

/// `UTF8Validation` accepts exactly what the standard library's validator accepts: every
/// sequence of one to three bytes, every four-byte sequence whose lead can start one, each at
/// every offset of an eight-byte word (the ASCII and three-byte steps look a word ahead), and
/// random texts of Chinese, ASCII and damage.
@Suite struct UTF8ValidationTests {
    static func standard(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
    }

    static func fast(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
    }

    /// Every short sequence, alone and behind ASCII of every length up to a word, with ASCII
    /// or a Chinese character after it.
    @Test func everyShortSequenceAsTheStandardLibrarySays() {
        var mismatches: [[UInt8]] = []
        var accepted = 0
        let chinese = Array("中文文本".utf8), ascii = Array("abcdefghij".utf8)
        func compare(_ bytes: [UInt8]) { if Self.fast(bytes) != Self.standard(bytes) { mismatches.append(bytes) } }
        /// The sequence alone, and inside a word after five ASCII bytes with Chinese after it;
        /// with `everywhere`, after 0, 1, 5 and 7 ASCII bytes with nothing, ASCII or Chinese after.
        func check(_ core: [UInt8], everywhere: Bool) {
            if Self.standard(core) { accepted += 1 }
            compare(core)
            compare([0x41, 0x41, 0x41, 0x41, 0x41] + core + chinese)
            guard everywhere else { return }
            for lead in [0, 1, 5, 7] {
                for tail in [[], ascii, chinese] { compare(Array(repeating: 0x41, count: lead) + core + tail) }
            }
        }
        for a in 0...255 {
            check([UInt8(a)], everywhere: true)
            for b in 0...255 {
                check([UInt8(a), UInt8(b)], everywhere: true)
                if a >= 0xE0 && a <= 0xEF || a >= 0xC0 && a <= 0xDF && b % 16 == 0 {
                    // Every third byte where the lead limits the second (E0, ED) or next to it.
                    let leadLimits = [0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF].contains(a)
                    for c in stride(from: 0, through: 255, by: leadLimits ? 1 : 5) {
                        check([UInt8(a), UInt8(b), UInt8(c)], everywhere: b % 32 == 0 && c % 32 == 0)
                    }
                }
                if a >= 0xF0 && a <= 0xF7 && b % 8 == 0 {
                    for c in stride(from: 0, through: 255, by: 8) {
                        for d in stride(from: 0, through: 255, by: 16) { check([UInt8(a), UInt8(b), UInt8(c), UInt8(d)], everywhere: false) }
                    }
                }
            }
        }
        let mismatched = mismatches.count
        #expect(mismatched == 0, "the first: \(mismatches.prefix(3))")
        #expect(accepted > 25_000)  // the three-byte scalars among them
    }

    /// Runs of Chinese text (read twelve bytes at a time) behind every count of ASCII bytes up to
    /// a step, with each byte in turn replaced by bytes that break a sequence or make it one that
    /// the fast step leaves to the others (leads E0 and ED with seconds either side of their
    /// limits, four-byte leads, a lone continuation, ASCII, the end of the text).
    @Test func chineseRunsWithEachByteReplacedAsTheStandardLibrarySays() {
        let run = Array("政府信息公开工作年度报告".utf8)
        let replacements: [UInt8] = [0x00, 0x0A, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        var mismatches: [[UInt8]] = []
        var valid = 0, invalid = 0
        for lead in 0...12 {
            let text = Array(repeating: 0x41, count: lead) + run
            for k in text.indices {
                for r in replacements {
                    var damaged = text
                    damaged[k] = r
                    for bytes in [damaged, Array(damaged[..<k]), damaged + [0x41]] {
                        let expected = Self.standard(bytes)
                        if expected { valid += 1 } else { invalid += 1 }
                        if Self.fast(bytes) != expected { mismatches.append(bytes) }
                    }
                }
                // A valid E0 or ED sequence in the run (the fast step leaves them to the others).
                for sequence: [UInt8] in [[0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xE0, 0x9F, 0x80], [0xED, 0xA0, 0x80]] where k + 3 <= text.count {
                    var changed = text
                    changed.replaceSubrange(k..<(k + 3), with: sequence)
                    if Self.fast(changed) != Self.standard(changed) { mismatches.append(changed) }
                }
            }
        }
        #expect(mismatches.isEmpty, "the first: \(mismatches.prefix(3))")
        #expect(valid > 1_000 && invalid > 10_000)
    }

    /// Random texts: Chinese, ASCII, astral scalars, then a byte changed, dropped or cut.
    @Test func randomTextsAndTheirDamageAsTheStandardLibrarySays() {
        var random = SystemRandomNumberGenerator()
        let pieces: [String] = ["政府信息公开", "2023", "\t", "\n", "、", "（一）", "𠀀", "é", "abc  ", "ÿ", "\u{FEFF}", "一二三四五六七八"]
        var mismatches = 0, damagedValid = 0, damagedInvalid = 0
        for _ in 0..<4_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &random) { bytes += Array(pieces.randomElement(using: &random)!.utf8) }
            if Self.fast(bytes) != true { mismatches += 1 }
            guard !bytes.isEmpty else { continue }
            var damaged = bytes
            switch Int.random(in: 0..<3, using: &random) {
            case 0: damaged[Int.random(in: 0..<damaged.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            case 1: damaged.remove(at: Int.random(in: 0..<damaged.count, using: &random))
            default: damaged.removeLast(Int.random(in: 1...min(3, damaged.count), using: &random))
            }
            let expected = Self.standard(damaged)
            if expected { damagedValid += 1 } else { damagedInvalid += 1 }
            if Self.fast(damaged) != expected { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(damagedValid > 100 && damagedInvalid > 100)
    }
}
