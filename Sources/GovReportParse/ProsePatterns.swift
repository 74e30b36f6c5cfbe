import GovReportIngest

/// `ProseFigureExtractor`'s two running expressions — applications received and items
/// published — matched scalar by scalar: the same matches, in the same order, as
/// `NSRegularExpression` finds for them (a test holds the two together on random texts of
/// their words and of the characters their classes are unsure about), without ICU's trip
/// through UTF-16 for every piece of every paragraph that holds their words. Neither
/// expression can succeed by backtracking into a choice: each optional word and each run is
/// followed by something it cannot match, so reading left to right finds ICU's match; the
/// one lazy run is tried from its shortest, as ICU tries it.
enum ProsePatterns {
    /// A match: the whole of it and its number (group 1).
    struct Match {
        let whole: Range<String.Index>
        let number: Range<String.Index>
    }

    /// Every match of `(?:收到|受理|提出|向本级)[^，,。；;]{0,12}?(?:政府信息公开|依申请公开)(?:政府信息)?(?:申请)?\s*(\d+)\s*件`
    /// (`ProseFigureExtractor.received`), left to right, none overlapping.
    static func received(in text: String) -> [Match] {
        matches(text, startingWith: ["收", "受", "提", "向"]) { s, start in
            var i = start
            guard take(s, &i, "收到") || take(s, &i, "受理") || take(s, &i, "提出") || take(s, &i, "向本级") else { return nil }
            // `[^，,。；;]{0,12}?`: the rest tried after none, then one more each time.
            var skipped = 0
            while true {
                var j = i
                if take(s, &j, "政府信息公开") || take(s, &j, "依申请公开") {
                    _ = take(s, &j, "政府信息")
                    _ = take(s, &j, "申请")
                    if let number = count(s, &j, "件") { return Match(whole: start..<j, number: number) }
                }
                guard skipped < 12, i < s.endIndex, !isClauseCut(s[i]) else { return nil }
                i = s.index(after: i)
                skipped += 1
            }
        }
    }

    /// Every match of `(?:共|累计)发布(?:各类)?(?:政府)?信息\s*(\d+)\s*条`
    /// (`ProseFigureExtractor.published`), left to right, none overlapping.
    static func published(in text: String) -> [Match] {
        matches(text, startingWith: ["共", "累"]) { s, start in
            var i = start
            guard take(s, &i, "共") || take(s, &i, "累计"), take(s, &i, "发布") else { return nil }
            _ = take(s, &i, "各类")
            _ = take(s, &i, "政府")
            guard take(s, &i, "信息"), let number = count(s, &i, "条") else { return nil }
            return Match(whole: start..<i, number: number)
        }
    }

    /// The matches `at` finds trying each start from the left, the next from the end of the
    /// last (every match holds several scalars). `firsts` holds every scalar a match can
    /// start with: `at` is tried only where one is (trying every scalar of a paragraph's
    /// pieces, each try a call reading the alternatives' first words, was most of matching).
    static func matches(_ text: String, startingWith firsts: [Unicode.Scalar],
                        _ at: (String.UnicodeScalarView, String.Index) -> Match?) -> [Match] {
        let s = text.unicodeScalars
        var found: [Match] = []
        var start = s.startIndex
        while start < s.endIndex {
            let u = s[start]
            if !firsts.contains(u) {
                start = s.index(after: start)
                continue
            }
            if let m = at(s, start) {
                found.append(m)
                start = m.whole.upperBound
            } else {
                start = s.index(after: start)
            }
        }
        return found
    }

    /// `\s*(\d+)\s*unit` from `i`: the digits' range, and `i` moved past the unit.
    static func count(_ s: String.UnicodeScalarView, _ i: inout String.Index, _ unit: StaticString) -> Range<String.Index>? {
        var j = i
        MetadataPatterns.skipSpaces(s, &j)
        guard let end = MetadataPatterns.digits(s, from: j, atLeast: 1, atMost: Int.max) else { return nil }
        var k = end
        MetadataPatterns.skipSpaces(s, &k)
        guard take(s, &k, unit) else { return nil }
        defer { i = k }
        return j..<end
    }

    /// `MetadataPatterns.take`, the one reader of fixed words, by a short name here.
    @inline(__always)
    static func take(_ s: String.UnicodeScalarView, _ i: inout String.Index, _ word: StaticString) -> Bool {
        MetadataPatterns.take(s, &i, word)
    }

    /// What `[^，,。；;]` does not match.
    @inline(__always)
    static func isClauseCut(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v == 0xFF0C || v == 0x2C || v == 0x3002 || v == 0xFF1B || v == 0x3B
    }

    static let noneWords = ["未发生", "没有发生", "无"].map(MetadataPatterns.values)
    static let reconsideration = MetadataPatterns.values("行政复议")
    static let litigation = MetadataPatterns.values("诉讼"), administrativeLitigation = MetadataPatterns.values("行政诉讼")

    /// Whether `ProseFigureExtractor.noReviews`,
    /// `(?:未发生|没有发生|无)[^。]{0,30}?行政复议[^。]{0,6}?(?:行政)?诉讼`, matches anywhere in the
    /// text: every start of one of the first words tried with every gap it allows (the lazy
    /// counts matter only to where a match ends, not to whether there is one). Counted in
    /// scalars, as ICU counts code points. (Run through ICU it cost some ten thousand
    /// instructions a line.)
    static func statesNoReviews(_ text: String) -> Bool {
        let s = text.unicodeScalars.map(\.value)
        let fullStop: UInt32 = 0x3002
        /// Whether a gap of `most` scalars or fewer, none a full stop, from `from` reaches a
        /// place where `found` holds.
        func gap(from: Int, most: Int, _ found: (Int) -> Bool) -> Bool {
            var q = from
            while q - from <= most {
                if found(q) { return true }
                if q == s.count || s[q] == fullStop { return false }
                q += 1
            }
            return false
        }
        // (Only where one of the first words' first scalars is: 未, 没 or 无.)
        for i in s.indices where s[i] == 0x672A || s[i] == 0x6CA1 || s[i] == 0x65E0 {
            for word in noneWords where MetadataPatterns.starts(s, word, at: i) {
                let matched = gap(from: i + word.count, most: 30) { q in
                    MetadataPatterns.starts(s, reconsideration, at: q) && gap(from: q + reconsideration.count, most: 6) { t in
                        MetadataPatterns.starts(s, litigation, at: t) || MetadataPatterns.starts(s, administrativeLitigation, at: t)
                    }
                }
                if matched { return true }
            }
        }
        return false
    }
}
