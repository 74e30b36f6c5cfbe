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
    /// (Most values a page writes are short and need nothing — a cell's number, class, key
    /// and note: the text is tested a word at a time, its tail by an overlapping word, and
    /// copied in one piece; going run by run cost some 150 instructions a value.)
    static func append(_ text: String, to out: PageBytes) {
        func write(_ b: UnsafeBufferPointer<UInt8>) {
            if needsEscaping(b) { escapedRuns(b) { out.append($0) } } else { out.append(b) }
        }
        text.withUTF8Bytes(write)
    }

    /// Whether any byte of `b` is one of the five escaped.
    @inline(__always)
    static func needsEscaping(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard n >= 8 else {
            for c in b where c < 0x40 && escapedBits >> UInt64(c) & 1 != 0 { return true }
            return false
        }
        var i = 0
        while i + 8 <= n {
            if wordNeedsEscaping(WordBytes.load(b, at: i)) { return true }
            i += 8
        }
        return i < n && wordNeedsEscaping(WordBytes.load(b, at: n - 8))
    }

    /// The five bytes escaped, as bits of a word (all are below 0x40).
    static let escapedBits: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    /// Whether a word holds one of the five: `"` (22), `&` or `'` (26, 27: 27 with the low
    /// bit set), `<` or `>` (3C, 3E: 3E with the second bit set).
    @inline(__always)
    static func wordNeedsEscaping(_ w: UInt64) -> Bool {
        guard WordBytes.hasBelow(w, 0x3F) else { return false }
        return WordBytes.has(w | 0x0101_0101_0101_0101, 0x27) || WordBytes.has(w | 0x0202_0202_0202_0202, 0x3E)
            || WordBytes.has(w, 0x22)
    }

    /// `append(_:to:)` for an array of bytes (charts).
    static func append(_ text: String, to bytes: inout [UInt8]) {
        escapedRuns(text) { bytes.append(contentsOf: $0) }
    }

    /// The escaped text's bytes, in runs given to `emit`: the stretches with nothing to escape
    /// as they are, each escaped character as its entity. The one byte escaper.
    @inline(__always)
    static func escapedRuns(_ text: String, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        text.withUTF8Bytes { escapedRuns($0, emit) }
    }

    /// `escapedRuns` of a text's bytes.
    @inline(__always)
    static func escapedRuns(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
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
}
