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
            // Past what cannot start the year, on the bytes (each such character one that `.*?`
            // takes); a line terminator ends the search.
            guard let (next, ended) = nextPossibleDigit(text, from: start) else { return nil }
            start = next
            if ended { return nil }
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
            // (Past what cannot start the year, on the bytes.)
            guard let (next, _) = nextPossibleDigit(text, from: start, stoppingAtLineEnds: false) else { return nil }
            start = next
            guard start < s.endIndex else { return nil }
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

    /// Where, from `i` on, the first scalar is that may be a decimal digit (`\d`): ASCII other
    /// than a digit and the unified ideographs (lead bytes E4–E9, U+4000–U+9FFF: no digit among
    /// them) are passed over on the text's UTF-8 (stepping the scalar view was most of matching
    /// a title or a date). With `stoppingAtLineEnds`, an ASCII line end (LF, VT, FF, CR) stops
    /// the walk, told by `ended`. Nil when the text's UTF-8 is not in one piece (the caller
    /// then has nothing to skip by: never for the program's own strings).
    static func nextPossibleDigit(_ text: String, from i: String.Index, stoppingAtLineEnds: Bool = true) -> (String.Index, ended: Bool)? {
        let utf8 = text.utf8
        let found: (Int, Bool)?? = utf8.withContiguousStorageIfAvailable { b in
            var at = utf8.distance(from: utf8.startIndex, to: i)
            while at < b.count {
                let c = b[at]
                if c < 0x80 {
                    if c >= 0x30 && c <= 0x39 { return (at, false) }
                    if stoppingAtLineEnds && c >= 0x0A && c <= 0x0D { return (at, true) }
                    at += 1
                } else if c >= 0xE4 && c <= 0xE9 {
                    at += 3
                } else {
                    return (at, false)
                }
            }
            return (at, false)
        }
        guard let found, let (at, ended) = found else { return (i, false) }
        return (utf8.index(utf8.startIndex, offsetBy: at), ended)
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
        // On the UTF-8 where the text has it in one piece: both valid, `i` at a scalar's start,
        // so the scalars are the word's exactly when the bytes are (stepping the scalar view
        // index by index was some 280 instructions a word, tried at every place of a line).
        let utf8 = String(s).utf8
        if let found = utf8.withContiguousStorageIfAvailable({ b -> Bool in
            let at = utf8.distance(from: utf8.startIndex, to: i)
            let n = word.withUTF8Buffer { w -> Int in
                guard w.count <= b.count - at else { return -1 }
                for k in 0..<w.count where b[at + k] != w[k] { return -1 }
                return w.count
            }
            guard n >= 0 else { return false }
            i = utf8.index(i, offsetBy: n)
            return true
        }) {
            return found
        }
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

    // MARK: Names made of ideographs alone

    /// The text's scalar values when every one is a CJK unified ideograph of the main block
    /// (U+4E00–U+9FFF: all of them assigned, and of script Han, in the Unicode of the ICU the
    /// program runs with); nil otherwise. On such a text `\p{Han}` holds for every character
    /// and no `\s`, `\d` or line end is there, so the signature and region expressions, whose
    /// every word is made of such ideographs, can be answered without running them — most
    /// agency names and signature lines are such texts, and each expression run cost some
    /// twenty thousand instructions (a name or signature seen for the first time).
    static func ideographs(_ text: String) -> [UInt32]? {
        var values: [UInt32] = []
        values.reserveCapacity(text.utf8.count / 3)
        for u in text.unicodeScalars {
            guard u.value >= 0x4E00 && u.value <= 0x9FFF else { return nil }
            values.append(u.value)
        }
        return values
    }

    /// Whether the scalars from `i` are `word`'s.
    @inline(__always)
    static func starts(_ s: [UInt32], _ word: [UInt32], at i: Int) -> Bool {
        guard i + word.count <= s.count else { return false }
        for k in word.indices where s[i + k] != word[k] { return false }
        return true
    }

    static func values(_ word: String) -> [UInt32] { word.unicodeScalars.map(\.value) }

    /// Whether `MetadataExtractor.signatureName` matches the text, when that can be told
    /// without running it; nil when it cannot. The name is Han characters from the start of the
    /// text, and after it come only spaces, a date starting with a digit, or the end. So a text
    /// of ideographs alone matches (group 1 the whole text) when it ends with one of the
    /// endings after two to forty characters; and a text whose first character is not Han (a
    /// letter, a bracket), or whose first character past the leading ideographs is none of
    /// those (the comma of a sentence that names an office, "下一步,我局将…"), does not. A Han
    /// character outside the main block, a space or a digit there: nil.
    static func knownSignatureName(_ text: String) -> Bool? {
        var count = 0
        for u in text.unicodeScalars {
            let v = u.value
            if v >= 0x4E00 && v <= 0x9FFF { count += 1; continue }
            guard surelyNotHan(v) else { return nil }
            return count == 0 || !(isSpace(u) || isDigit(u)) ? false : nil
        }
        // Ideographs alone, three bytes each: the endings compared on the bytes.
        return text.withUTF8Bytes { b in
            signatureNameEndingBytes.contains { ending in
                let n = count - ending.count / 3
                return n >= 2 && n <= 40 && UnsafeBufferPointer(rebasing: b[(b.count - ending.count)...]).elementsEqual(ending)
            }
        }
    }

    /// The words `MetadataExtractor.signatureName`'s name ends with, as bytes.
    static let signatureNameEndingBytes = ["人民政府办公室", "人民政府", "办公室", "办事处", "委员会", "管委会", "局", "中心", "厅", "署", "院", "政府"].map { Array($0.utf8) }

    /// Whether no scalar of script Han has this value: below the CJK radicals (U+2E80), the
    /// CJK symbols and punctuation but 々, 〇, the Hangzhou numerals and 〸–〻, and the half-
    /// and full-width forms.
    static func surelyNotHan(_ v: UInt32) -> Bool {
        v < 0x2E80 || (0x3000...0x3004).contains(v) || (0x3008...0x3020).contains(v) || (0x302A...0x3037).contains(v)
            || (0x303C...0x303F).contains(v) || (0xFF00...0xFFEF).contains(v)
    }

    /// `MetadataExtractor.firstYear`, `^\s*(\d{4})\s*年`: the year's digits.
    static func firstYear(in text: String) -> Range<String.Index>? {
        let s = text.unicodeScalars
        var i = s.startIndex
        skipSpaces(s, &i)
        guard let end = digits(s, from: i, atLeast: 4, atMost: 4) else { return nil }
        var j = end
        skipSpaces(s, &j)
        return take(s, &j, "年") ? i..<end : nil
    }

    static let province = values("省"), autonomousRegion = values("自治区"), city = values("市")
    static let districtEnds = values("区县旗")
    static let streetEnds = ["街道", "镇", "乡"].map(values)
    static let streetFollowers = ["办事处", "人民政府", "政府", "党工委"].map(values)

    /// `MetadataExtractor.regionParts`'s four groups (province, city, district, street) on a
    /// text of ideographs alone, as ranges of its scalars. Each group is optional and nothing
    /// after them must match (no `$`), so each is the first way its lazy count and its
    /// alternatives, tried in the expression's order, match where the one before ended — as
    /// ICU's backtracking takes it.
    static func regionParts(ideographs s: [UInt32]) -> [Range<Int>?] {
        var p = 0
        /// The group of `least`…`most` characters from `p` followed by what `end(i)` takes at
        /// `i` (where the group then ends), the fewest characters first; `p` moved past it.
        func group(_ least: Int, _ most: Int, _ end: (Int) -> Int?) -> Range<Int>? {
            for n in least...most {
                let i = p + n
                guard i < s.count else { return nil }
                if let e = end(i) {
                    defer { p = e }
                    return p..<e
                }
            }
            return nil
        }
        let province = group(2, 6) { i in
            starts(s, Self.province, at: i) ? i + 1 : starts(s, autonomousRegion, at: i) ? i + 3 : nil
        }
        let city = group(2, 5) { i in s[i] == Self.city[0] ? i + 1 : nil }
        let district = group(1, 5) { i in districtEnds.contains(s[i]) ? i + 1 : nil }
        let street = group(2, 5) { i in
            for word in streetEnds where starts(s, word, at: i) {
                let e = i + word.count
                // (?=办事处|人民政府|政府|党工委|$)
                if e == s.count || streetFollowers.contains(where: { starts(s, $0, at: e) }) { return e }
            }
            return nil
        }
        return [province, city, district, street]
    }
}
