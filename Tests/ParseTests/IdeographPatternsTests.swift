import Foundation
@testable import GovReportParse
import TestSupport
import Testing

/// The signature, region and "no reviews" expressions answered without ICU give what
/// `NSRegularExpression` gives, group for group, on random texts made of the words the
/// expressions are built of, ideographs around them, and the characters that send a text to
/// the expression instead (a space, a date, a Han character outside U+4E00–U+9FFF, a mark).
@Suite struct IdeographPatternsTests {
    static func texts(_ pieces: [String], count: Int, longest: Int, seed: UInt64) -> [String] {
        var random = TestRandom(state: seed)
        return (0..<count).map { _ in (0..<(1 + random.next(longest))).map { _ in pieces[random.next(pieces.count)] }.joined() }
    }

    /// The groups of the expression's first match as strings (nil for a group that took no part).
    static func groups(_ regex: NSRegularExpression, _ text: String, _ indexes: [Int]) -> [String?]? {
        guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return indexes.map { i in
            let r = m.range(at: i)
            return r.location == NSNotFound ? nil : String(text[text.scalarRange(r)])
        }
    }

    static let namePieces = [
        "西安", "市", "新城", "区", "县", "旗", "省", "自治区", "内蒙古", "街道", "镇", "乡", "办事处", "人民政府", "政府", "党工委",
        "办公室", "委员会", "管委会", "局", "中心", "厅", "署", "院", "发展和改革", "甲", "乙乙", "丙丙丙",
        // What the shortcut leaves to the expression.
        " ", "2022年1月5日", "\u{3007}", "\u{3005}", "\u{20000}", "（", "e\u{301}", "1", ",", "。", "、", "a", "\u{661}",
    ]

    @Test func signatureNamesAreTheExpressions() {
        var ideographic = 0, refused = 0
        for line in Self.texts(Self.namePieces, count: 30_000, longest: 16, seed: 7) {
            if MetadataPatterns.ideographs(line) != nil { ideographic += 1 }
            if MetadataPatterns.ideographs(line) == nil && MetadataPatterns.knownSignatureName(line) == false { refused += 1 }
            let expected: String? = Self.groups(MetadataExtractor.signatureName, line, [1])?[0] ?? nil
            #expect(MetadataExtractor.signatureAgency(in: line) == expected, "\(line)")
        }
        // Each way was taken often: the ideographs answered, the expression refused on sight,
        // the expression run.
        #expect(ideographic > 2_000 && refused > 2_000 && ideographic + refused < 28_000, "\(ideographic), \(refused)")
    }

    @Test func regionsAreTheExpressions() {
        var ideographic = 0, streets = 0
        for name in Self.texts(Self.namePieces, count: 30_000, longest: 10, seed: 11) {
            if MetadataPatterns.ideographs(name) != nil { ideographic += 1 }
            let expected = Self.groups(MetadataExtractor.regionParts, name, [1, 2, 3, 4]) ?? [nil, nil, nil, nil]
            let region = MetadataExtractor.region(of: name)
            #expect([region.province, region.city, region.district, region.street] == expected, "\(name)")
            if region.street != nil { streets += 1 }
        }
        #expect(ideographic > 5_000 && ideographic < 29_000, "\(ideographic)")
        #expect(streets > 100)
    }

    static let prosePieces = [
        "未发生", "没有发生", "无", "行政复议", "行政", "诉讼", "。", "，", "案件", "和", "的", "及", "本年度", "因政府信息公开",
        "被申请", "提起", "\u{20000}", "e\u{301}", " ", "1",
    ]

    @Test func noReviewsIsTheExpressions() {
        var stated = 0
        // Random texts, and sentences of the expression's shape with gaps of every length
        // about its limits (thirty and six scalars), a full stop now and then among them.
        var random = TestRandom(state: 17)
        let fillers = ["的", "和", "案件", "情况", "。", "\u{20000}", "e\u{301}", "行政"]
        func filler(_ count: Int) -> String { (0..<count).map { _ in fillers[random.next(fillers.count)] }.joined() }
        let shaped = (0..<20_000).map { _ in
            ["未发生", "没有发生", "无", "未"][random.next(4)] + filler(random.next(22)) + "行政复议" + filler(random.next(6))
                + ["诉讼", "行政诉讼", "诉", ""][random.next(4)]
        }
        for text in Self.texts(Self.prosePieces, count: 20_000, longest: 14, seed: 13) + shaped {
            let expected = ProseFigureExtractor.noReviews.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            #expect(ProsePatterns.statesNoReviews(text) == expected, "\(text)")
            if expected { stated += 1 }
        }
        #expect(stated > 1_000 && stated < 35_000, "\(stated)")
    }
}
