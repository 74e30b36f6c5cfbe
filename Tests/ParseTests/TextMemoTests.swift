import Foundation
@testable import GovReportParse
import Testing

/// A text memo gives back what was computed for exactly these bytes: canonically equal texts
/// in other bytes are computed on their own (an expression can match them differently), and
/// a memo past its limit starts again rather than growing.
@Suite struct TextMemoTests {
    @Test func valuesAreRememberedByTheTextsBytes() {
        let memo = TextMemo<Int>(limit: 4)
        var computed = 0
        func count(_ text: String) -> Int {
            computed += 1
            return text.utf8.count
        }
        let composed = "\u{E9}区", decomposed = "e\u{301}区"
        #expect(composed == decomposed)  // equal as Strings
        #expect(memo.value(composed, count) == 5)
        #expect(memo.value(decomposed, count) == 6)
        #expect(memo.value(composed, count) == 5)
        #expect(computed == 2)
        // Past the limit (five texts of one byte count share a shard): computed again, same values.
        for text in ["甲区", "乙区", "丙区", "丁区", "戊区", "甲区"] { #expect(memo.value(text, count) == 6) }
        #expect(computed == 8)
    }

    @Test func regionsAndSignaturesAreTheExpressionsOwn() {
        for name in ["陕西省西安市高陵区人民政府", "西安市高陵区张卜街道办事处", "区人民政府办公室", "e\u{301}市X区"] {
            #expect(MetadataExtractor.regions.value(name, MetadataExtractor.region(of:)) == MetadataExtractor.region(of: name))
        }
        for line in ["西安市高陵区人民政府办公室", "西安市高陵区人民政府办公室 2022年1月20日", "附件：1", ""] {
            let expected = MetadataExtractor.signatureName.firstMatch(in: line, range: NSRange(line.startIndex..., in: line))
                .map { String(line[line.scalarRange($0.range(at: 1))]) }
            #expect(MetadataExtractor.signatureAgencies.value(line, MetadataExtractor.signatureAgency(in:)) == expected)
        }
        #expect(MetadataExtractor.signatureAgency(in: "西安市高陵区人民政府办公室") == "西安市高陵区人民政府办公室")
    }
}
