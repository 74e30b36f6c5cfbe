import Foundation
@testable import GovReportParse
import Testing

/// Groups an expression matched are read as ranges of scalars, so that a group a character
/// holds only in part is read, not lost (see `String.scalarRange`).
@Suite struct ScalarRangeTests {
    /// A group's text is the expression's (the UTF-16 units it matched) wherever it lies; on
    /// characters, the range is the one `Range(_:in:)` gives.
    @Test func rangesHoldWhatTheExpressionMatched() throws {
        let text = "西安市高陵区人民政府 2021年度 共发布信息 7464条，e\u{301}x\u{600}区\u{301}"
        let regex = try NSRegularExpression(pattern: #"(\p{Han}+)|(\d+)|(\S)"#)
        let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        var aligned = 0, inside = 0
        for m in matches {
            for i in 0..<m.numberOfRanges where m.range(at: i).location != NSNotFound {
                let r = m.range(at: i)
                #expect(String(text[text.scalarRange(r)]) == (text as NSString).substring(with: r))
                if let characters = Range(r, in: text) {
                    #expect(text.scalarRange(r) == characters)
                    aligned += 1
                } else {
                    inside += 1
                }
            }
        }
        #expect(aligned > 10)
        #expect(inside >= 4)
    }

    /// A district followed by a combining mark: its group ends inside the character "区\u{301}".
    /// It was dropped (the region had no district); it is read.
    @Test func regionGroupEndingInsideACharacterIsRead() {
        let region = MetadataExtractor.region(of: "陕西省西安市高陵区\u{301}人民政府")
        #expect(region == Region(province: "陕西省", city: "西安市", district: "高陵区"))
        // A group that did not take part stays absent.
        #expect(MetadataExtractor.region(of: "高陵区人民政府") == Region(district: "高陵区"))
    }

    /// Sentences a prepend mark (U+0600) starts: the match's range begins inside the character
    /// the mark makes with the sentence's first word. They were skipped without a word (no
    /// figure); they are read.
    @Test func proseMatchStartingInsideACharacterIsRead() {
        let line = "本年度\u{600}共发布信息 812条，\u{600}受理政府信息公开申请 15件。"
        let figures = ProseFigureExtractor().extract([(0, line)], edition: .format2021)
        #expect(figures[FigureKeys.Prose.itemsPublished]?.value == 812)
        #expect(figures[FigureKeys.Prose.applicationsReceived]?.value == 15)
        // A clause naming a part of the whole is still not the total when a mark starts it.
        let partial = ProseFigureExtractor().extract([(0, "\u{600}微博共发布信息 40条。")], edition: .format2021)
        #expect(partial[FigureKeys.Prose.itemsPublished] == nil)
    }
}
