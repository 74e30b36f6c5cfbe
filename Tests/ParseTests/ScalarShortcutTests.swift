import Foundation
@testable import GovReportParse
import GovReportIngest
import TestSupport
import Testing

/// The parser reads most lines scalar by scalar, which is only right when each scalar is a
/// character of its own; these tests hold the shortcuts to the character-by-character answers.
@Suite struct ScalarShortcutTests {
    /// Lines that join scalars into characters in every way the shortcuts must notice.
    static let awkward = [
        "e\u{301}  12", "一\u{FE00} 二", " \u{301}一、总体情况", "\r\n", "甲\u{E0100}  3  4", "\u{1100}\u{1161}  5",
        "🇨🇳  7", "👨‍👩‍👧  8", "（\u{F9D1}）其他  9", "Å\u{30A} 1", "\u{0BCD}x  2",
    ]

    static var lines: [String] {
        var lines = awkward
        for prefix in ["000", "001", "002", "003", "004"] {
            lines += Fixtures.sampleText(prefix).components(separatedBy: "\n")
        }
        return lines
    }

    @Test func everyAcceptedScalarIsACharacterOfItsOwn() {
        // Whatever stands beside an accepted scalar, it does not join it.
        let neighbours: [Unicode.Scalar] = ["a", "\n", " ", "一", "\u{3000}"]
        var joined: [UInt32] = []
        var accepted = 0
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v), String(Character(u)).scalarsAreCharacters else { continue }
            accepted += 1
            for n in neighbours + [u] {
                var pair = String.UnicodeScalarView()
                pair.append(u); pair.append(n)
                var reversed = String.UnicodeScalarView()
                reversed.append(n); reversed.append(u)
                if String(pair).count != 2 || String(reversed).count != 2 { joined.append(v) }
            }
        }
        #expect(joined.isEmpty, "join a neighbour: \(joined.prefix(10).map { String($0, radix: 16) })")
        #expect(accepted > 28_000)  // the unified ideographs alone are 27,584
        for line in Self.awkward { #expect(!line.scalarsAreCharacters, "\(line.debugDescription)") }
        #expect("一、总体情况\t12 3".scalarsAreCharacters)
    }

    /// The byte reading of `scalarsAreCharacters` answers as the scalar rule does: on every
    /// scalar alone, and on random texts of scalars from either side of every range's edges
    /// (one scalar out of range anywhere must make it false).
    @Test func scalarsAreCharactersOnBytesFollowsTheScalarRule() {
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let alone = String(String.UnicodeScalarView([u]))
            #expect(alone.scalarsAreCharacters == String.isCharacterOfItsOwn(v), "\(String(v, radix: 16))")
        }
        let edges: [UInt32] = [0x0C, 0x0D, 0x0E, 0x41, 0x7F, 0x80, 0x2FF, 0x300, 0x1FFF, 0x2000, 0x200A, 0x200B, 0x200F, 0x2010, 0x2027,
                               0x2028, 0x202F, 0x2030, 0x205E, 0x205F, 0x2FFF, 0x3000, 0x3029, 0x302A, 0x302F, 0x3030, 0x303F, 0x3040,
                               0x33FF, 0x3400, 0x4DBF, 0x4DC0, 0x4DFF, 0x4E00, 0x9FFF, 0xA000, 0xFF00, 0xFF01, 0xFF60, 0xFF61, 0xFFDF,
                               0xFFE0, 0xFFE6, 0xFFE7, 0x1F600, 0x20000]
        var state: UInt64 = 0x5DEE_CE66_D1CE_4E5B
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<20_000 {
            let scalars = (0..<(1 + next(12))).map { _ in Unicode.Scalar(edges[next(edges.count)])! }
            let text = String(String.UnicodeScalarView(scalars))
            #expect(text.scalarsAreCharacters == scalars.allSatisfy { String.isCharacterOfItsOwn($0.value) },
                    "\(scalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func scalarPathsReadLinesAsTheCharacterPathsDo() {
        var differences: [String] = []
        var headings = 0
        var numbered = 0
        var keys = 0
        // Headings about forty characters long, on either side of the limit.
        let long = (24...32).map { "二、主动公开政府信息情况" + String(repeating: "甲", count: $0) }
            + ["（一）", "一", "(", "1.", "“”", "(三", "（1）其他 ‘处理’", "一二三、", "12、3", "1.2合计", "（十一）「予以」公开", "3、申请"]
        for line in Self.lines + long {
            let fast = DisplayWidth.words(line), slow = DisplayWidth.wordsByCharacter(line)
            if fast.map(\.word) != slow.map(\.word) || fast.map(\.end) != slow.map(\.end) { differences.append("words: " + line) }
            for width in [0, 1, 2, 3, 5, 8, 13, 40] where DisplayWidth.prefix(line, width: width) != DisplayWidth.prefixByCharacter(line, width: width) {
                differences.append("prefix \(width): " + line)
            }
            if line.whiteSpaceSeparatedWords != line.split(whereSeparator: { $0.isWhiteSpace }).map(String.init) {
                differences.append("split: " + line)
            }
            if CellStream.labelColumns(line) != line.components(separatedBy: "  ") { differences.append("columns: " + line) }
            // Label keys: scalar by scalar as character by character, byte for byte.
            for label in [line, "（三）“其他”" + line, "1." + line, "(3)" + line, "十二、" + line, "3.5" + line] {
                let half = TextNormalizer.halfWidth(label)
                guard half.scalarsAreCharacters else { continue }
                if Array(TextNormalizer.labelKeyByScalar(half).utf8) != Array(TextNormalizer.labelKeyByCharacter(half).utf8) {
                    differences.append("label key: " + label)
                }
                keys += 1
            }
            // A cell with spaces: read from its last word, as cutting it into words reads it.
            for cell in [line, line + " 12", line + "\u{3000}３", "其他 " + line] where cell.unicodeScalars.contains(where: \.isWhiteSpace)
                && TextNormalizer.number(cell) == nil {
                if CellStream.tokens(cell, line: 1) != CellStream.wordTokens(cell, line: 1) { differences.append("tokens: " + cell) }
                if CellStream.tokens(cell, line: 1).count > 1 { numbered += 1 }
            }
            for heading in [line, "三、" + line, "  五．" + line, line + "情况"] where heading.scalarsAreCharacters {
                let fast = SectionSplitter.headingByScalar(heading), slow = SectionSplitter.headingByCharacter(heading)
                if fast?.section != slow?.section || fast?.numeral != slow?.numeral { differences.append("heading: " + heading) }
                if slow != nil { headings += 1 }
            }
        }
        // Headings with white space of every width between and around the numeral and its
        // mark: found, and found alike both ways.
        var spaced = 0
        for title in ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况"] {
            for space in [" ", "\u{3000}", "\u{A0}", "\u{2003}", "\t"] {
                for heading in ["五" + space + "、" + title, space + "六、" + title, "七、" + space + title, "十" + space + "二．" + title] {
                    let fast = SectionSplitter.headingByScalar(heading), slow = SectionSplitter.headingByCharacter(heading)
                    if fast?.section != slow?.section || fast?.numeral != slow?.numeral { differences.append("heading: " + heading) }
                    if fast != nil { spaced += 1 }
                }
            }
        }
        #expect(spaced == 100, "\(spaced) spaced headings found")
        #expect(differences.isEmpty, "\(differences.prefix(5))")
        #expect(headings > 50 && numbered > 100 && keys > 1_000, "\(headings) headings, \(numbered) cells ending in numbers")
        // The awkward lines are read by characters: the mark stays on its letter, the
        // variation selector adds no column.
        #expect(DisplayWidth.words("甲\u{E0100}  3").map(\.end) == [2, 5])
        #expect("e\u{301} 12".whiteSpaceSeparatedWords == ["e\u{301}", "12"])
    }

    /// An aligned line's label and trailing numbers read on the bytes equal those read through
    /// the word strings and `prefix`: on the samples' lines, on the awkward ones, and on lines
    /// ending in every kind of word a number reader meets (plain, long, signed, decimal,
    /// full-width, with commas, not quite numbers).
    @Test func alignedLinesReadOnBytesAsThroughWords() {
        let tails = ["", "  12", "\t3  4", "  0  0  0", "  1234567890123456", "  -5", "  +7", "  .5", "  5.", "  1,234", "  ,5",
                     "  １２", "  ３．５", "\u{3000}８", "  12a", "  一二", "  ＡＢ", "  --1", "  1.2.3", "  \u{FF10}\u{FF11}  \u{FF5E}"]
        var differences: [String] = []
        var withNumbers = 0
        for line in Self.lines {
            for tail in tails {
                for text in [line + tail, "  " + line + tail, line + "    " + tail + "  "] {
                    let fast = DisplayWidth.labelAndNumbers(text), slow = DisplayWidth.labelAndNumbersByWords(text)
                    if fast.label != slow.label || !Array(fast.label.utf8).elementsEqual(Array(slow.label.utf8))
                        || fast.numbers.map(\.value) != slow.numbers.map(\.value) || fast.numbers.map(\.end) != slow.numbers.map(\.end) {
                        differences.append(text.debugDescription)
                    }
                    if !slow.numbers.isEmpty { withNumbers += 1 }
                    // The line's cells as an aligned table reads them: the label's columns
                    // (cut at two spaces by Foundation, trimmed, empty ones left out) and the
                    // numbers, read on the bytes in one go.
                    var labels: [String] = []
                    let numbers = CellStream.alignedLine(text, labels: &labels)
                    let columns = slow.label.components(separatedBy: "  ").map(\.trimmedSpaces).filter { !$0.isEmpty }
                    if labels.map({ Array($0.utf8) }) != columns.map({ Array($0.utf8) })
                        || numbers.map(\.value) != slow.numbers.map(\.value) || numbers.map(\.end) != slow.numbers.map(\.end) {
                        differences.append("cells: " + text.debugDescription)
                    }
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.count): \(differences.prefix(5))")
        #expect(withNumbers > 5_000, "\(withNumbers) lines ending in numbers")
        // A line of awkward scalars goes the word way and still reads its numbers.
        let awkward = DisplayWidth.labelAndNumbers("甲\u{E0100}  3  4")
        #expect(awkward.label == "甲\u{E0100}" && awkward.numbers.map(\.end) == [5, 8])
    }

    /// A field's cells read from its bytes equal those read from its text: on every field,
    /// word and line of the samples, and on fields of every kind a table holds.
    @Test func fieldCellsFromBytesAsFromText() {
        var fields = ["", "0", "12", "123456789012345", "1234567890123456", "-1", "+2", ".5", "5.", "1,234", ",5", "１２", "３．５",
                      "一二", "其他 3", "其他\u{3000}３", "甲\u{2002}乙", "a b", "x\u{85}y", "标签", "ＡＢ", "\u{FF0E}5", "12a", " 7", "7 ",
                      "1.属于国家秘密", "12件", "件 １２", "1.属于 3", "行政 许可 3 4", "（一）予以公开 0", "e\u{301} 3", "3 件 4",
                      "1 2", "-5 件", "件\u{3000}\u{3000}7", "件 7 ", "1,2 件 3,4"]
        for line in Self.lines { fields += CellStream.cellTexts(line) + line.whiteSpaceSeparatedWords + [line] }
        var differences: [String] = []
        for field in fields {
            var copy = field
            let fromBytes: [Cell] = copy.withUTF8 { b in
                var cells: [Cell] = []
                CellStream.tokens(b, line: 3, into: &cells)
                return cells
            }
            if fromBytes != CellStream.tokens(field, line: 3) { differences.append(field.debugDescription) }
        }
        #expect(differences.isEmpty, "\(differences.count): \(differences.prefix(5))")
        #expect(fields.count > 2_000, "\(fields.count) fields")
    }

    @Test func headingShortcutNeverRejectsANumeral() {
        var wrong: [UInt32] = []
        for v in UInt32(0)...0x2FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            for line in [" " + String(Character(u)) + "、", String(Character(u)) + "\u{301}、", " \u{301}" + String(Character(u))] {
                let numeral = line.first { !$0.isWhiteSpace }.map(TextNormalizer.isNumeral) ?? false
                if numeral && !SectionSplitter.mayBeNumbered(line) { wrong.append(v) }
            }
        }
        #expect(wrong.isEmpty, "rejected: \(wrong.prefix(10).map { String($0, radix: 16) })")
        #expect(SectionSplitter.mayBeNumbered("  \u{F9D1}、") && !SectionSplitter.mayBeNumbered("  2021年"))
    }

    /// The first-scalar answer of `mayBeNumbered` is the scalar walk's, for every scalar first
    /// (after no, ASCII or ideographic white space) and whatever follows it.
    @Test func firstScalarAnswerIsTheWalks() {
        var differ: [String] = []
        var lines = 0
        for v in UInt32(0)...0x2FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            for prefix in ["", " \t", "\u{3000}"] {
                for suffix in ["、总体情况", "\u{301}、", "是"] {
                    let line = prefix + String(u) + suffix
                    lines += 1
                    if SectionSplitter.mayBeNumbered(line) != SectionSplitter.mayBeNumberedByScalars(line) { differ.append(line) }
                }
            }
        }
        // (Counted, not compared: a failing comparison would print every line that differs.)
        let differing = differ.count, first = differ.prefix(5).map(\.debugDescription)
        #expect(differing == 0, "\(first)")
        #expect(lines > 1_000_000)
        // Both answer yes for a numbered heading, after white space of either kind.
        #expect(SectionSplitter.mayBeNumbered("\u{3000}三、收到和处理政府信息公开申请情况") && SectionSplitter.mayBeNumbered(" 十一、其他"))
        #expect(!SectionSplitter.mayBeNumbered("（一）自然人") && !SectionSplitter.mayBeNumbered("本年新收"))
    }

    /// The compact form on the stack holds the longest line a heading may be (40 scalars).
    @Test func headingsNearTheLengthLimitReadAsByCharacter() {
        let word = "收到和处理政府信息公开申请"
        for filler in 0...40 {
            for spaced in [false, true] {
                let pad = String(repeating: spaced ? "之 " : "之", count: filler)
                let line = "三、" + pad + word
                #expect(SectionSplitter.headingByScalar(line).map { "\($0.section) \($0.numeral)" }
                        == SectionSplitter.headingByCharacter(line).map { "\($0.section) \($0.numeral)" }, "\(line)")
            }
        }
        #expect(SectionSplitter.headingByScalar("三、" + String(repeating: "之", count: 26) + word) == nil)
        #expect(SectionSplitter.headingByScalar("三、" + String(repeating: "之", count: 25) + word)?.numeral == "三")
    }

    @Test func characterCodesAreEqualExactlyWhenCharactersAre() {
        let characters: [Character] = ["六", "\u{F9D1}", "\u{212B}", "\u{C5}", "A\u{30A}", "é", "e\u{301}", "e", "一", "\u{FE00}",
                                       "一\u{FE00}", "a", "Ａ", "，", ",", "\u{2000}", "\u{2002}", "👨‍👩‍👧", "\r\n"]
        for a in characters {
            for b in characters {
                let ca = TextNormalizer.characterCodes(String(a)), cb = TextNormalizer.characterCodes(String(b))
                #expect(ca.count == 1 && cb.count == 1)
                #expect((ca == cb) == (a == b), "\(a.debugDescription) \(b.debugDescription)")
            }
        }
        // U+F9D1 is 六: codes and distances see them as one character.
        #expect(TextNormalizer.characterCodes("（\u{F9D1}）") == TextNormalizer.characterCodes("（六）"))
        #expect(TextNormalizer.editDistance(TextNormalizer.characterCodes("其他\u{F9D1}"), TextNormalizer.characterCodes("其他六")) == 0)
    }

    @Test func plainDigitsReadAsEveryOtherNumber() {
        // Up to fifteen ASCII digits are read from the bytes; the rest by the general path.
        let cases: [(String, Double?)] = [
            ("0", 0), ("007", 7), ("4995", 4995), ("123456789012345", 123_456_789_012_345),
            ("1234567890123456", 1_234_567_890_123_456), ("１２", 12), ("12.5", 12.5), ("-3", -3), ("1,234", 1234),
            (" 12", 12), ("12\u{3000}", 12), ("", nil), ("12a", nil), ("٣", nil),
        ]
        for (text, value) in cases { #expect(TextNormalizer.number(text) == value, "\(text.debugDescription)") }
    }

    @Test func numberedLineShortcutNeverPassesOverAHeading() {
        let crafted = ["一 、总体情况", "一．总体情况", "一是加强领导", "十一、其他需要报告的事项", "  三.行政复议、行政诉讼情况",
                       "二\u{3000}、主动公开政府信息情况", "四\u{301}、存在的主要问题", "五、 存在的主要问题及改进情况"]
        var missed: [String] = []
        // Against the character-by-character reading alone (the heading finder itself asks
        // the shortcut first, so it cannot be the reference).
        for line in Self.lines + crafted where !SectionSplitter.mayBeNumbered(line) {
            if SectionSplitter.heading(line) != nil { missed.append(line) }
        }
        #expect(missed.isEmpty, "\(missed.prefix(5))")
        // The shortcut does pass over prose that only starts with a numeral.
        #expect(!SectionSplitter.mayBeNumbered("一是持续加强领导；二是强化监督检查。"))
        #expect(SectionSplitter().headings(in: crafted).map(\.printedNumber) == ["一", "十一", "三", "二", "五"])
    }

    @Test func labelMemoKeysAreEqualOnlyForTheSameTableAndBytes() {
        let memo = MatchMemo()
        var computed: [String] = []
        func ask(_ table: LabelDictionary.Table, _ text: String) {
            _ = memo.of(table).value(text) { computed.append("\(table.rawValue) \($0)"); return nil }
        }
        ask(.applications, "其他处理"); ask(.applications, "其他处理")
        ask(.applications, "其他"); ask(.applications, "其他处理")
        ask(.group, "其他处理")
        ask(.group, ""); ask(.group, "")
        // Canonically equal, different bytes: different keys (computed twice, to one result).
        // (Eight of each, 24 and 16 bytes: the same shard, so only the key keeps them apart.)
        let decomposed = String(repeating: "e\u{301}", count: 8), composed = String(repeating: "é", count: 8)
        ask(.group, decomposed); ask(.group, composed)
        #expect(computed == ["applications 其他处理", "applications 其他", "group 其他处理", "group ", "group " + decomposed, "group " + composed])
        #expect(computed.count == 6)
        // The same text found again gives the memo's match.
        #expect(Fixtures.dictionary.match("（六）其他处理", in: .group) == Fixtures.dictionary.match("（六）其他处理", in: .group))
    }
}

/// The edition markers are looked for in a source's text, spaces passed over while matching:
/// the answers a copy of the text without them gives.
@Suite struct MarkerSearchTests {
    /// The text without controls, ASCII spaces, U+00A0 and U+3000, byte by byte: the reference.
    static func withoutSpacesByByte(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b <= 32 { i += 1; continue }
            if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 { i += 2; continue }
            if b == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { i += 3; continue }
            out.append(b)
            i += 1
        }
        return out
    }

    @Test func spacesPassedOverAsInTheSpacelessCopy() {
        let markers = ReportParser.markers2021 + ReportParser.markers2019 + ["本年新收", "上年结转"]
        // The markers' characters, the scalars the copy drops (spaces, controls, U+00A0,
        // U+3000) and their near misses (、 is E3 80 81; U+00A9 is C2 A9), and whole markers.
        let letters = Array(Set(markers.joined().map(String.init))).sorted()
        let dropped = [" ", "\t", "\n", "\r", "\u{1F}", "\u{A0}", "\u{3000}"]
        let others = ["、", "\u{A9}", "a", "1", "。", "\u{3001}\u{3000}"]
        var state: UInt64 = 17
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var differences = 0, found = 0, asked = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<next(30) {
                switch next(10) {
                case 0..<5: text += letters[next(letters.count)]
                case 5..<8: text += dropped[next(dropped.count)]
                case 8: text += others[next(others.count)]
                default:
                    // A marker, spaces now and then between its characters.
                    for c in markers[next(markers.count)] { text += String(c) + (next(4) == 0 ? dropped[next(dropped.count)] : "") }
                }
            }
            let bytes = Array(text.utf8)
            let spaceless = Self.withoutSpacesByByte(bytes)
            for marker in markers {
                let expected = spaceless.withUnsafeBufferPointer { s in marker.withUTF8Bytes { ByteSearch.contains(s, $0) } }
                let got = bytes.withUnsafeBufferPointer { t in marker.withUTF8Bytes { ReportParser.containsIgnoringSpaces(t, $0) } }
                if got != expected { differences += 1 }
                if expected { found += 1 }
                asked += 1
            }
        }
        #expect(differences == 0)
        // Found and not found both, often.
        #expect(found > asked / 20 && found < asked / 2, "\(found) of \(asked)")
    }
}

/// The edition is told from the markers found, the 2019 markers asked only while they can
/// change the answer: the same edition as with every marker asked, whichever are found.
@Suite struct EditionMarkerTests {
    /// A web page's lines are joined by line feeds, passed over as spaces are: a marker that
    /// runs from one line into the next is found, one broken by another character is not.
    @Test func markersRunAcrossAWebPagesLines() {
        func page(_ lines: [String]) -> SourceText {
            SourceText(path: "x.html", lines: lines, originalLines: lines.indices.map { $0 + 1 }, encoding: .utf8)
        }
        let parser = Fixtures.parser
        #expect(parser.detectEdition(page(["信息内容", "本年制", "发件数", "本年废止件数", "现行", " 有效件数"]), year: 2021) == .format2021)
        #expect(parser.detectEdition(page(["信息内容", "本年制", "", "发件数"]), year: 2021) == .format2021)
        #expect(parser.detectEdition(page(["信息内容", "本年制", "x", "发件数"]), year: 2021) == .free2008)
    }

    @Test func fewerMarkersAskedGiveTheSameEdition() {
        let markers = ReportParser.markers2021 + ReportParser.markers2019 + ["本年新收", "上年结转"]
        var asked = 0, askedByEvery = 0
        var editions: Set<Edition> = []
        // Every set of markers found (2^12), for a year before, of and after 2021 and none.
        for found in 0..<(1 << markers.count) {
            func has(_ marker: String) -> Bool { found >> markers.firstIndex(of: marker)! & 1 == 1 }
            for year in [2019, 2021, 2022, nil] {
                let fewer = ReportParser.edition(has: { asked += 1; return has($0) }, year: year)
                let every = ReportParser.editionByEveryMarker(has: { askedByEvery += 1; return has($0) }, year: year)
                #expect(fewer == every, "markers \(String(found, radix: 2)), year \(String(describing: year))")
                editions.insert(fewer)
            }
        }
        #expect(editions == [.format2019, .format2021, .free2008])
        #expect(asked < askedByEvery)
        // A report of one edition, all its markers found and none of the other's: one 2019
        // marker asked after the 2021 markers, not five and the table's words.
        for one in [ReportParser.markers2021, ReportParser.markers2019] {
            var count = 0
            _ = ReportParser.edition(has: { count += 1; return one.contains($0) }, year: 2021)
            #expect(count == 6, "\(count) asked")
        }
    }
}

/// An aligned table's lines are cut with one array of words and one of numbers for the whole
/// block: each line's cells are its own, read as the line alone reads them.
@Suite struct AlignedBlockTests {
    @Test func eachLineKeepsToItsOwnWordsAndNumbers() {
        let lines = ["一、本年新收政府信息公开申请数量          12     1     0     0     0     0    13",
                     "                                            2     0     0     0     0     0     2",
                     "四、结转下年度继续办理                     1     0     0     0     0     0     1",
                     "3     4",
                     "（一）予以公开",
                     "二、上年结转政府信息公开申请数量           2                                    2"]
        let cells = CellStream(lines: lines, firstLine: 1, columnHint: 7).cells
        // Line by line: the cells each line gives alone.
        for (k, line) in lines.enumerated() {
            var labels: [String] = []
            let alone = CellStream.alignedLine(line, labels: &labels)
            let own = cells.filter { $0.line == k + 1 }
            #expect(own.compactMap(\.text) == labels, "line \(k + 1)")
            #expect(own.compactMap { if case .number(let n) = $0.content { n } else { nil } } == alone.map(\.value), "line \(k + 1)")
        }
        #expect(cells.filter { $0.line == 2 }.compactMap { if case .number(let n) = $0.content { n } else { nil } } == [2, 0, 0, 0, 0, 0, 2])
    }
}

/// An aligned table's column clusters found as runs of the sorted number ends: the centers
/// the clusters made as arrays of their members gave.
@Suite struct ColumnGridTests {
    /// `CellStream.clusterCenters` as it was written with an array per cluster: the reference.
    static func centersByArrays(_ ends: [Int]) -> (centers: [Int], dropped: Bool) {
        var clusters: [[Int]] = []
        for end in ends.sorted() {
            if let last = clusters.last?.last, end - last <= 2 { clusters[clusters.count - 1].append(end) }
            else { clusters.append([end]) }
        }
        let all = clusters.count
        let support = clusters.map { $0.count }.max() ?? 0
        if support >= 3 { clusters = clusters.filter { $0.count * 5 >= support } }
        return (clusters.map { $0[$0.count / 2] }, clusters.count < all)
    }

    @Test func clustersAsRunsGiveTheArraysCenters() {
        var state: UInt64 = 11
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var differences = 0, filtered = 0
        for _ in 0..<20_000 {
            // Rows ending numbers near a few columns (some rows off by a column or two, now
            // and then one far out of line), in any order.
            let columns = (0..<(1 + next(7))).map { 20 + $0 * (3 + next(12)) }
            var ends: [Int] = []
            for _ in 0..<next(12) {
                for c in columns where next(4) > 0 { ends.append(c + next(5) - 2) }
                if next(6) == 0 { ends.append(next(150)) }
            }
            var shuffler = SeededGenerator(seed: state)
            ends.shuffle(using: &shuffler)
            let reference = Self.centersByArrays(ends)
            if CellStream.clusterCenters(ends) != reference.centers { differences += 1 }
            if reference.dropped { filtered += 1 }
        }
        #expect(differences == 0)
        // Clusters left out for having too few ends, often.
        #expect(filtered > 1_000, "\(filtered)")
    }
}

/// A SplitMix64 source for shuffles that repeat.
struct SeededGenerator: RandomNumberGenerator {
    var seed: UInt64
    mutating func next() -> UInt64 {
        seed &+= 0x9E37_79B9_7F4A_7C15
        var z = seed
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Headings remembered by their lines' text are the headings read from them.
@Suite struct HeadingMemoTests {
    @Test func rememberedHeadingsAreTheHeadingsRead() throws {
        var lines: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.samplesFolder.path).sorted() where name.hasSuffix(".txt") {
            lines += Fixtures.sampleText(String(name.prefix(3))).components(separatedBy: "\n")
        }
        // Lines alike but for a numeral, a space, a word: each read for itself.
        for numeral in ["一", "二", "三", "四", "五", "六", "七", "十一"] {
            lines += ["\(numeral)、总体情况", " \(numeral)、总体情况", "\(numeral)、主动公开政府信息情况", "\(numeral)、结转下年度继续办理", "\(numeral).存在的主要问题"]
        }
        func direct(_ lines: [String]) -> [SectionSplitter.Heading] {
            var found: [SectionSplitter.Heading] = []
            for (i, raw) in lines.enumerated() {
                guard SectionSplitter.mayBeNumbered(raw), let (section, numeral) = SectionSplitter.heading(raw) else { continue }
                if found.contains(where: { $0.section == section }) { continue }
                found.append(SectionSplitter.Heading(section: section, index: i, printedNumber: numeral))
            }
            return found
        }
        // Twice: the second time from the memo. And line by line, where every line's own
        // heading is compared.
        #expect(SectionSplitter().headings(in: lines) == direct(lines))
        #expect(SectionSplitter().headings(in: lines) == direct(lines))
        var headings = 0
        for line in lines {
            let once = SectionSplitter().headings(in: [line]), again = SectionSplitter().headings(in: [line])
            #expect(once == direct([line]) && again == once, "\(line.debugDescription)")
            headings += once.count
        }
        #expect(headings > 40)
    }
}

/// Dates remembered by their text are the dates read from them.
@Suite struct DateMemoTests {
    @Test func rememberedDatesAreTheDatesRead() {
        var texts: [String] = []
        for y in [2019, 2020, 2021, 2022] {
            for m in [1, 2, 10, 12, 13] {
                for d in [1, 9, 10, 31, 32] { texts += ["\(y)年\(m)月\(d)日", "\(y)-\(m)-\(d)", "\(y) 年 \(m) 月 \(d)", "\(y)/\(m)/\(d)"] }
            }
        }
        texts += ["", "2021年", "二〇二一年一月五日", "2021年1月5日印发"]
        var dates = 0
        for _ in 0..<2 {
            for text in texts {
                let remembered = MetadataExtractor.isoDate(text)
                #expect(remembered == MetadataExtractor.isoDateRead(text), "\(text)")
                if remembered != nil { dates += 1 }
            }
        }
        // Most are dates; the thirteenth month and the thirty-second day are not.
        #expect(dates > texts.count && dates < 2 * texts.count - 100)
    }
}
