extension StringProtocol {
    /// The text without leading and trailing spaces (Unicode category Zs, which includes the
    /// ideographic space, and tabs) — what Foundation's `trimmingCharacters(in: .whitespaces)`
    /// does, without its trip through NSString, which was a fifth of the time spent reading.
    public var trimmedSpaces: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, Self.isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex, let s = self as? String { return s }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[start..<end])
        return String(out)
    }

    @inline(__always)
    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return u.value == 0x20 || u.value == 0x09 }
        return u.properties.generalCategory == .spaceSeparator
    }
}

/// Substring search on UTF-8 bytes: no locale, no NSString, no copy of the text.
public enum ByteSearch {
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte.
    public func includes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            utf8.withContiguousStorageIfAvailable { ByteSearch.contains($0, n) }
                ?? Array(utf8).withUnsafeBufferPointer { ByteSearch.contains($0, n) }
        }
    }
}
