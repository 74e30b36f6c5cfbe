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

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte (no locale, no NSString).
    public func includes(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        let hay = Array(utf8)
        guard hay.count >= n.count else { return false }
        var i = 0
        let last = hay.count - n.count
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < n.count && hay[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }
}
