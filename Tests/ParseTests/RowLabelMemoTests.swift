@testable import GovReportParse
import TestSupport
import Testing

/// A row's label found through the memo of walks is the label the walk finds, asked again and
/// again: for rows of headers, of labels over two lines, of noise, and rows whose walk meets a
/// text whose answer depends on the rows read before (never remembered).
@Suite struct RowLabelMemoTests {
    @Test func rememberedWalksAreTheWalked() {
        let dictionary = Fixtures.dictionary
        let texts = ["自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "其他", "（二）部分公开（", "区分处理的，只计这一情形，不计其他情形）",
                     "信息内容", "本年制发件数", "†", "开", "1.属于国家秘密", "（三）不予公开", "三、本年度办理结果", "申请人情况", "（七）总计"]
        // "总计" and "（七）总计" name the total row only once an outcome row has been read:
        // their answer depends on the rows read, which `dependsOnRows` stands for here.
        var dependsOnRows = false
        func stateful(_ text: String) -> Bool { text.hasSuffix("总计") }
        func match(_ text: String) -> String? {
            if stateful(text) { return dependsOnRows ? "outcome_total" : nil }
            return dictionary.match(text, in: .applications)?.key
        }
        func pure(_ text: String) -> String?? { stateful(text) ? nil : .some(dictionary.match(text, in: .applications)?.key) }
        let memo = TextMemo<FoundLabel?>()
        var random = TestRandom(state: 21)
        var found = 0, walked = 0
        for _ in 0..<6_000 {
            let labels = (0..<(1 + random.next(5))).map { _ in Cell(content: .text(texts[random.next(texts.count)]), line: 7) }
            let row = RawRow(labels: labels[...], values: [], layout: .tabbed)
            dependsOnRows = random.next(2) == 0
            let expected = row.label(matching: match, isFragment: dictionary.isFragment)
            let remembered = row.label(matching: match, pure: pure, memo: memo, isFragment: dictionary.isFragment)
            #expect(remembered?.key == expected?.key && remembered?.noiseAfterLabel == expected?.noiseAfterLabel,
                    "\(labels.compactMap(\.text)) (rows read: \(dependsOnRows))")
            if expected != nil { found += 1 }
            if labels.count >= 2, match(labels.last!.text!) == nil { walked += 1 }
        }
        // Rows named and rows not, many of them walked (and so remembered or not).
        #expect(found > 500 && found < 5_500 && walked > 2_000, "\(found) found, \(walked) walked")
    }

    /// A header whose walk meets "总计" before any outcome row names no row (the total comes
    /// after the outcomes), in the first report and in every report after it: a walk whose
    /// answer hung on the rows read is not remembered as if it did not. (Remembered with "总计"
    /// taken as the total, the header stood for a blank total row, and the missing total
    /// was not reported.)
    @Test func aHeaderBeforeTheOutcomesNamesNoTotal() {
        var lines = Fixtures.sampleText("000").components(separatedBy: "\n")
        lines.removeAll { $0.contains("(七)总记") }
        let first = lines.firstIndex { $0.hasPrefix("一、本年新收政府信息公开申请数量") }!
        lines.insert("说明文字\t总计", at: first)
        let text = lines.joined(separator: "\n")
        let total = FigureKeys.canonicalKey(FigureKeys.application("outcome_total", "total"))
        for _ in 0..<3 {
            let report = Fixtures.parse(text: text)
            #expect(report.figures[total] == nil)
            #expect(report.diagnostics.contains { $0.message.contains("not found") && $0.message.contains("总计") })
        }
    }
}
