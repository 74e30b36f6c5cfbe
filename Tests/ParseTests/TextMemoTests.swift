import Foundation
@testable import GovReportParse
import Testing
import TestSupport

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
        // Eight é each way: 16 and 24 bytes, the same shard of the memo (it shards by the
        // byte count), so only the key can keep them apart.
        let composed = String(repeating: "\u{E9}", count: 8), decomposed = String(repeating: "e\u{301}", count: 8)
        #expect(composed == decomposed)  // equal as Strings
        #expect(composed.utf8.count & 7 == decomposed.utf8.count & 7)
        #expect(memo.value(composed, count) == 16)
        #expect(memo.value(decomposed, count) == 24)
        #expect(memo.value(composed, count) == 16)
        #expect(computed == 2)
        // Past the limit (six texts of one byte count share a shard of four): the shard starts
        // again, and the first text is computed again, to the same value.
        for text in ["甲区", "乙区", "丙区", "丁区", "戊区", "己区", "甲区"] { #expect(memo.value(text, count) == 6) }
        #expect(computed == 9)
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

/// The label dictionary's row keys are the program's own literals (`FigureKeys`' row
/// definitions), not strings read from its file: a literal keeps no reference count, where a
/// string made at run time had its count changed, on memory both cores share, by every match
/// that handed it on. Told by where the key's bytes are: a literal's are the program's own,
/// at the same address in every instance (keys of fifteen bytes or fewer are held in the
/// string itself and have no address of their own to compare).
@Suite struct LabelKeyLiteralTests {
    @Test func rowKeysAreTheDefinitionsLiterals() {
        func address(_ s: String) -> UnsafePointer<UInt8>? { s.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil }
        var definitions: [String: String] = [:]
        for edition in Edition.allCases {
            for row in FigureKeys.applicationRows(edition) { definitions[row.key] = row.key }
            for row in FigureKeys.proactiveRows(edition) { definitions[row.key] = row.key }
        }
        var compared = 0
        for entry in Fixtures.dictionary.entries where entry.table != .group && entry.key.utf8.count > 15 {
            guard let literal = definitions[entry.key] else { continue }
            #expect(address(entry.key) == address(literal), "\(entry.key)")
            compared += 1
        }
        #expect(compared >= 20)
    }
}
