/// Escaping for text placed in HTML and SVG, in element content and in quoted attributes.
/// Everything from a report passes through here (templates' `{{ }}` included). It works on
/// code units, so a combining mark after `<` cannot hide it.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    /// Appends `text` escaped: the common case (nothing to escape) is one append.
    public static func append(_ text: String, to out: inout String) {
        var copy = text
        let clean = copy.withUTF8 { bytes in
            !bytes.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        }
        if clean {
            out += text
            return
        }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 32)
        for b in text.utf8 {
            switch b {
            case 0x26: escaped += "&amp;".utf8
            case 0x3C: escaped += "&lt;".utf8
            case 0x3E: escaped += "&gt;".utf8
            case 0x22: escaped += "&quot;".utf8
            case 0x27: escaped += "&#39;".utf8
            default: escaped.append(b)
            }
        }
        out += String(decoding: escaped, as: UTF8.self)
    }

    /// Appends `text` escaped, as UTF-8 bytes: runs with nothing to escape are copied whole.
    static func append(_ text: String, to out: PageBytes) {
        func escape(_ bytes: UnsafeBufferPointer<UInt8>) {
            var start = 0
            for i in bytes.indices {
                let entity: StaticString
                switch bytes[i] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default: continue
                }
                out.append(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out.append(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = i + 1
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        if text.utf8.withContiguousStorageIfAvailable(escape) == nil {
            var copy = text
            copy.withUTF8(escape)
        }
    }
}
