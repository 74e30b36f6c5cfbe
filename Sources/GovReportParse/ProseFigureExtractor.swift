import Foundation
import GovReportIngest

/// Reads the figures that sentences state ("受理依申请公开2件", "共发布信息 7464条"). For
/// 2008-style reports these are the only figures; for the national formats they restate
/// table figures and are checked against them (rule 5).
struct ProseFigureExtractor {
    /// Whether lines are searched piece by piece (see `extract`); off, the expressions run on
    /// whole lines, the reference a test compares with.
    var byPieces = true

    /// The two expressions of figures in running text, matched by `ProsePatterns`, scalar by
    /// scalar; these are the reference a test holds it to.
    static let received = try! NSRegularExpression(
        pattern: #"(?:收到|受理|提出|向本级)[^，,。；;]{0,12}?(?:政府信息公开|依申请公开)(?:政府信息)?(?:申请)?\s*(\d+)\s*件"#)
    static let published = try! NSRegularExpression(pattern: #"(?:共|累计)发布(?:各类)?(?:政府)?信息\s*(\d+)\s*条"#)
    /// Words that make a "共发布信息N条" clause about one channel or unit, not the whole.
    static let partialChannels = ["其他", "微博", "微信", "公众号", "新媒体", "专题", "专栏", "头条", "抖音"]
    /// What ends a clause (the text a "共发布信息N条" is judged by).
    static let clauseEnds: String = "。；;，,!！?？"
    /// (The reference `isClauseEnd` is tested against.)
    static let clauseEndScalars = Set(clauseEnds.unicodeScalars)
    /// `clauseEndScalars` as a test on the value (a set's hashing for every scalar of every
    /// paragraph was a visible part of reading the prose).
    static func isClauseEnd(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x3002, 0xFF1B, 0x3B, 0xFF0C, 0x2C, 0x21, 0xFF01, 0x3F, 0xFF1F: true
        default: false
        }
    }
    /// The characters `received` cannot match across (its `[^，,。；;]`; the rest of it holds
    /// none of them either).
    /// (The reference `isReceivedCut` is tested against.)
    static let receivedCuts = Set("，,。；;".unicodeScalars)
    /// `receivedCuts` as a test on the value.
    static func isReceivedCut(_ u: Unicode.Scalar) -> Bool { ProsePatterns.isClauseCut(u) }
    /// (Matched by `ProsePatterns.statesNoReviews`; the reference a test holds it to.)
    static let noReviews = try! NSRegularExpression(
        pattern: #"(?:未发生|没有发生|无)[^。]{0,30}?行政复议[^。]{0,6}?(?:行政)?诉讼"#)

    /// `Double` of a match's digits: up to fifteen ASCII digits read on the bytes (exact, as
    /// `Double`'s parser reads them), anything else by the parser (which refuses digits of
    /// other scripts: no figure).
    static func count(_ digits: Substring) -> Double? {
        if let read = digits.utf8.withContiguousStorageIfAvailable(TextNormalizer.plainNumber), let value = read { return value }
        return Double(digits)
    }

    /// The figures stated in lines given as strings (what the tests give).
    /// - Parameters:
    ///   - lines: the lines to search, with their 0-based indexes.
    func extract(_ lines: [(Int, String)], edition: Edition) -> Figures {
        var figures: Figures = [:]
        extract(count: lines.count, index: { lines[$0].0 }, has: { lines[$0].1.includes($1) }, line: { lines[$0].1 },
                edition: edition, into: &figures)
        return figures
    }

    /// The figures stated in the lines `lines` (0-based) of a source, set in `figures` (the
    /// report's own): each line searched for the expressions' words where it is in the text,
    /// made a string only when it holds them.
    func extract(_ source: SourceText, lines: Range<Int>, edition: Edition, into figures: inout Figures) {
        extract(count: lines.count, index: { lines.lowerBound + $0 },
                has: { k, word in source.withLineBytes(lines.lowerBound + k) { line in word.withUTF8Bytes { ByteSearch.contains(line, $0) } } },
                line: { source.line(lines.lowerBound + $0) }, edition: edition, into: &figures)
    }

    /// The lines to search are `count`, the k-th of them line `index(k)` (0-based), holding
    /// `word` when `has(k, word)`, its text `line(k)`.
    private func extract(count: Int, index: (Int) -> Int, has: (Int, String) -> Bool, line: (Int) -> String,
                         edition: Edition, into figures: inout Figures) {
        /// The first match whose clause (the text since the previous comma or full stop) does
        /// not name a part of the whole ("其他政府单位新媒体共发布信息843条" is not the total).
        func first(_ matches: (String) -> [ProsePatterns.Match], needs groups: [[String]], rejectClause: [String] = [],
                   cutAt isSeparator: (Unicode.Scalar) -> Bool) -> (Double, Int)? {
            /// The number of the first match in `text` whose clause (from `clauseStart` of the
            /// match's start) names no word of `rejectClause`.
            func number(in text: String, clauseStart: (String.Index) -> String.Index) -> Double? {
                for m in matches(text) {
                    guard let n = Self.count(text[m.number]) else { continue }
                    let whole = m.whole
                    // The clause is found only when there are words to reject it by (looking
                    // back through the line character by character was a visible cost), and
                    // compared byte for byte, like the fixed words (Foundation's `contains`
                    // went through a locale-aware search, a visible cost).
                    if !rejectClause.isEmpty {
                        let clause = text[clauseStart(whole.lowerBound)..<whole.upperBound]
                        if rejectClause.contains(where: { clause.includes($0) }) { continue }
                    }
                    return n
                }
                return nil
            }
            // The expression only runs on lines holding a word of each group of its fixed words.
            for k in 0..<count where groups.allSatisfy({ $0.contains(where: { has(k, $0) }) }) {
                let i = index(k)
                let t = TextNormalizer.halfWidth(line(k))
                // No match holds a separator, and every match holds a word of each group: where
                // every scalar is a character, the expression runs only on the pieces between
                // separators that hold the words (over whole paragraphs it was a visible cost),
                // in order — the same matches. A piece then starts where the clause does.
                guard byPieces && t.scalarsAreCharacters else {
                    let found = number(in: t) { start in
                        let before = t[..<start]
                        return before.lastIndex(where: { Self.clauseEnds.contains($0) }).map { before.index(after: $0) } ?? before.startIndex
                    }
                    if let found { return (found, i + 1) }
                    continue
                }
                // (The pieces cut on the bytes, a scalar decoded at a time: walking the string's
                // scalar view index by index over whole paragraphs was a visible cost.)
                let found: Double? = t.withUTF8Bytes { b in
                    var start = 0
                    while true {
                        var end = start
                        var length = 0
                        while end < b.count {
                            let (v, n) = UTF8Scalar.decode(b, at: end)
                            if isSeparator(Unicode.Scalar(v)!) { length = n; break }
                            end += n
                        }
                        let piece = UnsafeBufferPointer(rebasing: b[start..<end])
                        if groups.allSatisfy({ $0.contains(where: { word in word.withUTF8Bytes { ByteSearch.contains(piece, $0) } }) }) {
                            let text = String(validUTF8: piece)
                            if let found = number(in: text, clauseStart: { _ in text.startIndex }) { return found }
                        }
                        guard end < b.count else { return nil }
                        start = end + length
                    }
                }
                if let found { return (found, i + 1) }
            }
            return nil
        }
        if let (n, line) = first(ProsePatterns.received(in:), needs: [["件"], ["政府信息公开", "依申请公开"], ["收到", "受理", "提出", "向本级"]],
                                 cutAt: Self.isReceivedCut) {
            figures[edition == .free2008 ? FigureKeys.Placed.newTotal : FigureKeys.Placed.proseReceived] = Figure(n, line: line, origin: .prose)
        }
        if let (n, line) = first(ProsePatterns.published(in:), needs: [["发布"], ["信息"], ["条"], ["共", "累计"]], rejectClause: Self.partialChannels,
                                 cutAt: Self.isClauseEnd) {
            figures[FigureKeys.Placed.prosePublished] = Figure(n, line: line, origin: .prose)
        }
        if edition == .free2008 {
            for k in 0..<count where has(k, "行政复议") {
                let i = index(k)
                let t = TextNormalizer.halfWidth(line(k))
                if ProsePatterns.statesNoReviews(t) {
                    for key in FigureKeys.Placed.reviewTotals { figures[key] = Figure(0, line: i + 1, origin: .prose) }
                    break
                }
            }
        }
    }
}
