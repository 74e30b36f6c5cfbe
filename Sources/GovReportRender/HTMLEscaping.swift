import GovReportIngest

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
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            out += text
            return
        }
        var escaped: [UInt8] = []
        append(text, to: &escaped)
        out += String(decoding: escaped, as: UTF8.self)
    }

    /// Appends `text` escaped, as UTF-8 bytes: runs with nothing to escape are copied whole.
    static func append(_ text: String, to out: PageBytes) {
        escapedRuns(text) { out.append($0) }
    }

    /// `append(_:to:)` for an array of bytes (charts).
    static func append(_ text: String, to bytes: inout [UInt8]) {
        escapedRuns(text) { bytes.append(contentsOf: $0) }
    }

    /// The escaped text's bytes, in runs given to `emit`: the stretches with nothing to escape
    /// as they are, each escaped character as its entity. The one byte escaper.
    @inline(__always)
    static func escapedRuns(_ text: String, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        func escape(_ bytes: UnsafeBufferPointer<UInt8>) {
            var start = 0
            var i = 0
            let n = bytes.count
            while i < n {
                // Eight bytes at a time past words holding none of the five (all below 0x3F:
                // Chinese text, whose bytes are all above, is passed a word at a time).
                if i + 8 <= n {
                    let word = WordBytes.load(bytes, at: i)
                    if !WordBytes.hasBelow(word, 0x3F) || !(WordBytes.has(word, 0x26) || WordBytes.has(word, 0x3C)
                        || WordBytes.has(word, 0x3E) || WordBytes.has(word, 0x22) || WordBytes.has(word, 0x27)) {
                        i += 8
                        continue
                    }
                }
                let entity: StaticString
                switch bytes[i] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default:
                    i += 1
                    continue
                }
                if start < i { emit(UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                emit(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                i += 1
                start = i
            }
            if start < n { emit(UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
        if text.utf8.withContiguousStorageIfAvailable(escape) == nil {
            var copy = text
            copy.withUTF8(escape)
        }
    }
}
