import GovReportIngest

/// Two of `MetadataExtractor`'s expressions — the title's and the date's — matched scalar by
/// scalar: the same matches as `NSRegularExpression` finds for them (a test holds the two
/// together on random texts of the awkward characters), without ICU's trip through UTF-16
/// for every title and date line (a visible part of reading a report's metadata). Neither
/// expression backtracks into a choice that could succeed: each quantifier is followed by
/// something it cannot match, so reading greedily, left to right, finds ICU's match.
enum MetadataPatterns {
    /// `^(.*?)(\d{4})\s*年度?\s*政府信息公开(?:工作)?年度?报告` (`MetadataExtractor.title`):
    /// the text before the year, and the year.
    static func title(in text: String) -> (prefix: Range<String.Index>, year: Range<String.Index>)? {
        let s = text.unicodeScalars
        var start = s.startIndex
        while true {
            if let yearEnd = digits(s, from: start, atLeast: 4, atMost: 4) {
                var i = yearEnd
                skipSpaces(s, &i)
                if take(s, &i, "年") {
                    _ = take(s, &i, "度")
                    skipSpaces(s, &i)
                    if take(s, &i, "政府信息公开") {
                        _ = take(s, &i, "工作")
                        if take(s, &i, "年") {
                            _ = take(s, &i, "度")
                            if take(s, &i, "报告") { return (s.startIndex..<start, start..<yearEnd) }
                        }
                    }
                }
            }
            // `.*?` grows by one character that is not a line terminator.
            guard start < s.endIndex, !isLineTerminator(s[start]) else { return nil }
            start = s.index(after: start)
        }
    }

    /// `(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?`
    /// (`MetadataExtractor.date`), its first match anywhere in the text: the whole match and
    /// its year, month and day.
    static func date(in text: String) -> (whole: Range<String.Index>, year: Range<String.Index>,
                                          month: Range<String.Index>, day: Range<String.Index>)? {
        let s = text.unicodeScalars
        var start = s.startIndex
        while start < s.endIndex {
            defer { start = s.index(after: start) }
            guard let yearEnd = digits(s, from: start, atLeast: 4, atMost: 4) else { continue }
            var i = yearEnd
            guard let month = part(after: "年", s, &i), let day = part(after: "月", s, &i) else { continue }
            skipSpaces(s, &i)
            _ = take(s, &i, "日")
            return (start..<i, start..<yearEnd, month, day)
        }
        return nil
    }

    /// `\s*(?:word|-|/|\.)\s*(\d{1,2})` from `i`: the digits' range, and `i` moved past them.
    static func part(after word: StaticString, _ s: String.UnicodeScalarView, _ i: inout String.Index) -> Range<String.Index>? {
        var j = i
        skipSpaces(s, &j)
        guard take(s, &j, word) || take(s, &j, "-") || take(s, &j, "/") || take(s, &j, ".") else { return nil }
        skipSpaces(s, &j)
        guard let end = digits(s, from: j, atLeast: 1, atMost: 2) else { return nil }
        defer { i = end }
        return j..<end
    }

    /// Where a run of `atLeast`…`atMost` decimal digits (`\d`, any script) from `i` ends,
    /// taking as many as it may; nil when fewer than `atLeast` are there.
    static func digits(_ s: String.UnicodeScalarView, from i: String.Index, atLeast: Int, atMost: Int) -> String.Index? {
        var j = i
        var count = 0
        while count < atMost, j < s.endIndex, isDigit(s[j]) {
            count += 1
            j = s.index(after: j)
        }
        return count >= atLeast ? j : nil
    }

    /// ICU's `\d`: general category Nd. (No digit lies among the CJK letters and symbols.)
    @inline(__always)
    static func isDigit(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        if v >= 0x2E80 && v <= 0x9FFF { return false }
        return u.properties.generalCategory == .decimalNumber
    }

    /// ICU's `\s`: the White_Space property.
    @inline(__always)
    static func isSpace(_ u: Unicode.Scalar) -> Bool { u.isWhiteSpace }

    /// What ICU's `.` does not match: line ends.
    @inline(__always)
    static func isLineTerminator(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (v >= 0x0A && v <= 0x0D) || v == 0x85 || v == 0x2028 || v == 0x2029
    }

    static func skipSpaces(_ s: String.UnicodeScalarView, _ i: inout String.Index) {
        while i < s.endIndex, isSpace(s[i]) { i = s.index(after: i) }
    }

    /// Moves `i` past `word` when the scalars there are its scalars.
    static func take(_ s: String.UnicodeScalarView, _ i: inout String.Index, _ word: StaticString) -> Bool {
        var j = i
        var matched = true
        word.withUTF8Buffer { bytes in
            var k = 0
            while k < bytes.count {
                let (v, length) = UTF8Scalar.decode(bytes, at: k)
                guard j < s.endIndex, s[j].value == v else { matched = false; return }
                j = s.index(after: j)
                k += length
            }
        }
        if matched { i = j }
        return matched
    }
}
