import Foundation
@testable import GovReportParse
import Testing
import TestSupport

/// The title and date expressions matched scalar by scalar find what `NSRegularExpression`
/// finds, group for group, on random texts made of the pieces a title or date is made of and
/// of the characters the expressions' classes are unsure about (digits of other scripts,
/// every kind of space and line end, marks, pairs of UTF-16 units).
@Suite struct MetadataPatternsTests {
    static let pieces = [
        "2019", "2020", "1", "12", "31", "0", "9", "123", "٢٠١٩", "१२", "𝟐𝟎𝟏𝟗", "〇", "二〇二〇", "年", "度", "月", "日", "-", "/", ".",
        "政府信息公开", "工作", "报告", "政府信息", "公开", "年度报告", " ", "\t", "\u{3000}", "\u{A0}", "\u{0B}", "\u{0C}", "\u{85}",
        "\u{1680}", "\u{2028}", "\u{2029}", "\u{200B}", "\u{180E}", "\u{FEFF}", "\n", "\r", "\r\n", "某区人民政府", "a", "é", "e\u{301}",
        "\u{301}", "🇨🇳", "（", "）", ":", "年度",
    ]

    static func offsets(_ r: Range<String.Index>, _ text: String) -> [Int] {
        [text.utf8.distance(from: text.startIndex, to: r.lowerBound), text.utf8.distance(from: text.startIndex, to: r.upperBound)]
    }

    /// The groups' UTF-8 offsets, from the UTF-16 ones (not through `Range(_:in:)`, which
    /// gives nil for a bound inside a character: "1\u{301}" ends a date after its "1").
    static func groups(_ regex: NSRegularExpression, _ text: String, _ indexes: [Int]) -> [[Int]]? {
        guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        let u = text.utf16
        func utf8(_ offset: Int) -> Int { text.utf8.distance(from: text.startIndex, to: u.index(u.startIndex, offsetBy: offset)) }
        return indexes.map { [utf8(m.range(at: $0).location), utf8(m.range(at: $0).location + m.range(at: $0).length)] }
    }

    static func texts() -> [String] {
        var random = TestRandom(state: 5)
        var texts: [String] = []
        for _ in 0..<40_000 {
            texts.append((0..<(1 + random.next(10))).map { _ in pieces[random.next(pieces.count)] }.joined())
        }
        // Near misses of real titles and dates: a piece left out, doubled or put in anywhere.
        let title = ["某区人民政府", "2020", " ", "年", "度", "\u{3000}", "政府信息公开", "工作", "年", "度", "报告"]
        let date = ["落款", "2021", " ", "年", "1", "2", " ", "月", "3", "1", " ", "日", "。"]
        for base in [title, date] {
            for _ in 0..<10_000 {
                var parts = base
                switch random.next(3) {
                case 0: parts.remove(at: random.next(parts.count))
                case 1: parts.insert(parts[random.next(parts.count)], at: random.next(parts.count + 1))
                default: parts.insert(pieces[random.next(pieces.count)], at: random.next(parts.count + 1))
                }
                texts.append(parts.joined())
            }
        }
        return texts
    }

    /// The title names the agency when what comes before the year is two characters or more:
    /// one character is not a name, however many scalars make it.
    @Test func titleNamesTheAgencyFromTwoCharacters() {
        func agency(_ prefix: String) -> String? {
            let report = Fixtures.parse(text: prefix + "2021年政府信息公开工作年度报告\n\n一、总体情况\n\n本年。\n")
            return report.agency?.source == .title ? report.agency?.name : nil
        }
        #expect(agency("某局") == "某局")
        #expect(agency("局") == nil)
        #expect(agency("e\u{301}") == nil)
        #expect(agency("e\u{301}局") == "e\u{301}局")
        #expect(agency("") == nil)
    }

    @Test func titlesAndDatesMatchAsTheExpressionsDo() {
        var differences: [String] = []
        var titles = 0, dates = 0
        for text in Self.texts() {
            let expectedTitle = Self.groups(MetadataExtractor.title, text, [1, 2])
            let title = MetadataPatterns.title(in: text).map { [Self.offsets($0.prefix, text), Self.offsets($0.year, text)] }
            if title != expectedTitle { differences.append("title: " + text.debugDescription) }
            if expectedTitle != nil { titles += 1 }
            let expectedDate = Self.groups(MetadataExtractor.date, text, [0, 1, 2, 3])
            let date = MetadataPatterns.date(in: text).map { [$0.whole, $0.year, $0.month, $0.day].map { Self.offsets($0, text) } }
            if date != expectedDate { differences.append("date: " + text.debugDescription) }
            if expectedDate != nil { dates += 1 }
        }
        #expect(differences.isEmpty, "\(differences.count): \(differences.prefix(8))")
        #expect(titles > 2_000 && dates > 2_000, "\(titles) titles, \(dates) dates matched")
    }

    @Test func openingYearsMatchAsTheExpressionDoes() {
        var differences: [String] = []
        var years = 0
        for text in Self.texts() {
            let expected = Self.groups(MetadataExtractor.firstYear, text, [1])
            let year = MetadataPatterns.firstYear(in: text).map { [Self.offsets($0, text)] }
            if year != expected { differences.append(text.debugDescription) }
            if expected != nil { years += 1 }
        }
        #expect(differences.isEmpty, "\(differences.count): \(differences.prefix(8))")
        #expect(years > 300, "\(years) years matched")
    }

    /// A report without a title takes its year from the opening sentence — when the year is
    /// written in the digits the program reads: one in Arabic-Indic digits (which `\d` matches)
    /// once stopped the whole build on the number it could not make of them.
    @Test func openingYearOfOtherDigitsIsNoYear() {
        let body = "\n\n一、总体情况\n\n全年共收到政府信息公开申请3件。\n\n二、主动公开政府信息情况\n\n略。\n"
        let ascii = Fixtures.parse(text: "某单位\n\n2019年，本单位认真贯彻落实政府信息公开条例。" + body)
        #expect(ascii.year == 2019)
        #expect(ascii.diagnostics.contains { $0.message.contains("year 2019 taken from the opening sentence") })
        let other = Fixtures.parse(text: "某单位\n\n\u{662}\u{660}\u{661}\u{669}年，本单位认真贯彻落实政府信息公开条例。" + body)
        #expect(other.year == nil)
        #expect(other.diagnostics.contains { $0.message.contains("year reported on not found") })
    }
}
