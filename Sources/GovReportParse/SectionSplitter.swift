import Foundation
import GovReportIngest

/// Finds the headings of the six standard parts ("三、收到和处理政府信息公开申请情况").
/// Headings are recognised by their words, not their numbers, so that a misnumbered
/// section is still found (and can be reported as misnumbered).
struct SectionSplitter {
    struct Heading: Equatable {
        let section: Section
        /// 0-based index into the lines.
        let index: Int
        /// The Chinese numeral the report printed, for the misnumbering check.
        let printedNumber: String
    }

    static let keywords: [(Section, [String])] = [
        (.overview, ["总体情况", "概述"]),
        (.proactive, ["主动公开政府信息情况", "主动公开政府信息"]),
        (.applications, ["收到和处理政府信息公开申请", "依申请公开政府信息"]),
        (.reviews, ["行政复议、行政诉讼", "行政复议和行政诉讼", "行政复议", "行政诉讼"]),
        (.problems, ["存在的主要问题", "存在主要问题", "存在的问题", "主要问题及改进"]),
        (.other, ["其他需要报告"]),
    ]

    /// What `heading` makes of a numbered line, remembered by the line's text: report after
    /// report prints the same headings ("一、总体情况"), and reading one (its half-width
    /// compact form, then a search for each section's words) cost some 2,800 instructions.
    static let headingMemo = TextMemo<(section: Section, numeral: String)?>(limit: 4_096)

    func headings(in lines: [String]) -> [Heading] {
        headings(count: lines.count) { i in lines[i].withUTF8Bytes(Self.candidate) }
    }

    /// The headings of a source's lines, each line read where it is, made a string of its own
    /// only when it may be numbered and its heading is not remembered.
    func headings(in source: SourceText) -> [Heading] {
        headings(count: source.lineCount) { i in source.withLineBytes(i, Self.candidate) }
    }

    /// What a line's bytes head: the cheap test first (a heading starts with numerals and 、
    /// or a point), then the scalars, then the memo of headings by their bytes (a string for
    /// every line that may be numbered, to look it up by, was most of finding headings).
    static func candidate(_ b: UnsafeBufferPointer<UInt8>) -> (section: Section, numeral: String)? {
        guard !surelyNotNumbered(b), mayBeNumberedByScalars(bytes: b) else { return nil }
        return headingMemo.value(bytes: b, heading)
    }

    private func headings(count: Int, candidate: (Int) -> (section: Section, numeral: String)?) -> [Heading] {
        var found: [Heading] = []
        for i in 0..<count {
            guard let (section, numeral) = candidate(i) else { continue }
            if found.contains(where: { $0.section == section }) { continue }
            found.append(Heading(section: section, index: i, printedNumber: numeral))
        }
        return found
    }

    /// The section a line heads and the numeral it prints, read character by character; nil
    /// when the line is not a heading.
    static func heading(_ raw: String) -> (section: Section, numeral: String)? {
        raw.scalarsAreCharacters ? headingByScalar(raw) : headingByCharacter(raw)
    }

    /// `headingByCharacter` for a line whose every scalar is a character of its own (half-width
    /// forms keep that), read on the bytes: the compact form, its length and its numerals
    /// without breaking the line into characters or appending scalars to a String (which cost
    /// hundreds of instructions each). The only numerals such a line can hold are the ten
    /// plain ideographs.
    static func headingByScalar(_ raw: String) -> (section: Section, numeral: String)? {
        let isNumeral = TextNormalizer.isNumeralScalar
        guard let first = raw.unicodeScalars.first(where: { !$0.isWhiteSpace }), isNumeral(first.value),
              !raw.includes("\t\t") else { return nil }
        var half = TextNormalizer.halfWidth(raw)
        return half.withUTF8 { b -> (section: Section, numeral: String)? in
            // The compact form: the bytes of every scalar that is not white space, at most 40
            // scalars of at most four bytes (on the stack: an array appended byte by byte was
            // a third of finding headings).
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 160) { buffer -> (section: Section, numeral: String)? in
                var count = 0
                var o = 0
                var i = 0
                while i < b.count {
                    let (white, length) = UTF8Scalar.whiteSpace(b, at: i)
                    if !white {
                        count += 1
                        if count > 40 { return nil }
                        for k in i..<(i + length) { buffer[o] = b[k]; o += 1 }
                    }
                    i += length
                }
                let c = UnsafeBufferPointer(rebasing: buffer[..<o])
                var end = 0
                while end < c.count {
                    let (v, length) = UTF8Scalar.decode(c, at: end)
                    guard isNumeral(v) else { break }
                    end += length
                }
                guard end > 0, end < c.count else { return nil }
                let (mark, markLength) = UTF8Scalar.decode(c, at: end)
                guard mark == 0x3001 || mark == 0x2E else { return nil }
                let rest = UnsafeBufferPointer(rebasing: c[(end + markLength)...])
                func has(_ word: [UInt8]) -> Bool { word.withUnsafeBufferPointer { ByteSearch.contains(rest, $0) } }
                guard let section = keywordBytes.first(where: { _, words in words.contains(where: has) })?.0,
                      !excludedBytes.contains(where: has) else { return nil }
                return (section, String(decoding: UnsafeBufferPointer(rebasing: c[..<end]), as: UTF8.self))
            }
        }
    }

    /// `keywords` and the words that make a numbered line a table row, as bytes.
    static let keywordBytes: [(Section, [[UInt8]])] = keywords.map { ($0.0, $0.1.map { Array($0.utf8) }) }
    static let excludedBytes: [[UInt8]] = ["结转", "办理结果", "数量"].map { Array($0.utf8) }

    /// The section a line heads and its numeral, character by character (any line).
    static func headingByCharacter(_ raw: String) -> (section: Section, numeral: String)? {
        guard let first = raw.first(where: { !$0.isWhiteSpace }), TextNormalizer.isNumeral(first) else { return nil }
        let compact = String(TextNormalizer.halfWidth(raw).filter { !$0.isWhiteSpace })
        guard compact.count <= 40, !raw.includes("\t\t") else { return nil }
        // The printed number: numerals followed by 、 or a point.
        let numeral = compact.prefix { TextNormalizer.isNumeral($0) }
        guard !numeral.isEmpty, let mark = compact.dropFirst(numeral.count).first, mark == "、" || mark == "." else { return nil }
        let rest = compact.dropFirst(numeral.count + 1)
        guard let section = keywords.first(where: { _, words in words.contains { rest.includes($0) } })?.0,
              // 四、结转下年度… and 三、本年度办理结果 are rows of the table, not headings.
              !rest.includes("结转"), !rest.includes("办理结果"), !rest.includes("数量") else { return nil }
        return (section, String(numeral))
    }

    /// False when the line surely does not start (white space aside) with numerals and 、 or
    /// a point — read from its first scalars, in one pass, without breaking the line into
    /// characters: prose that starts with a numeral ("一是…") and every line that does not
    /// start with one are passed over without making their compact form.
    /// - A first character that starts with an ASCII scalar or a unified ideograph other than
    ///   the ten numerals is not a numeral (no mark that may follow makes it equal to one).
    /// - Other first scalars, and the mark after the numerals, are read from the scalar when it
    ///   is a character of its own (`String.isCharacterOfItsOwn`): the character there starts
    ///   with it, and no character starting with such a scalar outside the unified ideographs
    ///   is a numeral, nor 、 or a point unless it is that scalar (what may follow it changes
    ///   neither). (The whole line was tested so before: a scan of every line that starts with
    ///   punctuation, a visible part of finding headings.)
    /// Anything else (a mark after a space, a compatibility ideograph) is left to the
    /// character test.
    static func mayBeNumbered(_ line: String) -> Bool {
        line.withUTF8Bytes(surelyNotNumbered) ? false : mayBeNumberedByScalars(line)
    }

    /// Whether a line's bytes say it is not numbered. Most lines answer from their first
    /// scalar, decoded from the bytes after any ASCII white space: ASCII, a unified ideograph
    /// other than the numerals, or full-width or CJK punctuation that is a character of its
    /// own says no, as the scalar walk would (each line walked as scalars was some 130
    /// instructions).
    static func surelyNotNumbered(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n && (b[i] == 0x20 || (b[i] >= 0x09 && b[i] <= 0x0D)) { i += 1 }
        guard i < n else { return true }
        let v = UTF8Scalar.decode(b, at: i).value
        if v < 0x80 { return true }
        if v >= 0x4E00 && v <= 0x9FFF { return !TextNormalizer.isNumeralScalar(v) }
        // (Full-width forms and CJK punctuation but U+3000 hold no white space.)
        guard (v >= 0xFF00 && v <= 0xFFEF) || (v > 0x3000 && v <= 0x303F) else { return false }
        return String.isCharacterOfItsOwn(v)
    }

    /// `mayBeNumbered` scalar by scalar, without its first-scalar answer (which is tested
    /// against this).
    static func mayBeNumberedByScalars(_ line: String) -> Bool {
        line.withUTF8Bytes(mayBeNumberedByScalars(bytes:))
    }

    /// `mayBeNumberedByScalars` of a line's bytes (valid UTF-8), its scalars decoded in place.
    static func mayBeNumberedByScalars(bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        var numerals = 0
        var i = 0
        while i < b.count {
            let (v, length) = UTF8Scalar.decode(b, at: i)
            i += length
            let u = Unicode.Scalar(v)!
            if u.isWhiteSpace { continue }
            if v >= 0x4E00 && v <= 0x9FFF {
                if TextNormalizer.isNumeralScalar(v) {
                    numerals += 1
                    continue
                }
                if numerals == 0 { return false }
            }
            // A scalar of its own outside the unified ideographs starts no numeral, and starts
            // a mark only as the mark itself.
            let alone = String.isCharacterOfItsOwn(v)
            if numerals == 0 { return v >= 0x80 && !alone }
            return u == "、" || u == "." || u == "\u{FF0E}" || !alone
        }
        return false
    }

    /// Line ranges (0-based, end exclusive) of each found section: from its heading to the next.
    func ranges(_ headings: [Heading], lineCount: Int) -> SectionTable<Range<Int>> {
        let sorted = headings.sorted { $0.index < $1.index }
        var result = SectionTable<Range<Int>>()
        for (n, h) in sorted.enumerated() {
            let end = n + 1 < sorted.count ? sorted[n + 1].index : lineCount
            result[h.section] = (h.index + 1)..<end
        }
        return result
    }
}
