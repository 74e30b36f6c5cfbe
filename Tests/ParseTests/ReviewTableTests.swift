import GovReportParse
import TestSupport
import Testing

/// Section 四 is read as a run of fifteen values: runs end at a text cell and at a row break,
/// the last run of fifteen is the table, and fifteen values over several rows are read in
/// order when no run has them all.
@Suite struct ReviewTableTests {
    static let head = "2021年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n"
        + "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n\n四、政府信息公开行政复议、行政诉讼情况\n\n"
        + "行政复议\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"

    static func values(_ report: Report) -> [Double?] {
        FigureKeys.reviewKeys.map { report.figures[$0]?.value }
    }

    static let fifteen = (1...15).map(Double.init)

    @Test func runEndedByARowBreakIsRead() {
        // Fifteen tab-separated values on a line, then a line of other values: the run of
        // fifteen ends at its line's break, not at the next text.
        let text = Self.head + (1...15).map(String.init).joined(separator: "\t") + "\n" + "7\t8\n"
        let report = Fixtures.parse(text: text)
        #expect(Self.values(report) == Self.fifteen, "\(report.diagnostics) \(report.edition)")
    }

    @Test func runEndedByTextIsRead() {
        // One value a line, then a note: the run ends at the note's text cell.
        let text = Self.head + "\n" + (1...15).map(String.init).joined(separator: "\n") + "\n注：单位为件\n"
        let report = Fixtures.parse(text: text)
        #expect(Self.values(report) == Self.fifteen)
    }

    @Test func lastRunOfFifteenIsTheTable() {
        let zeros = Array(repeating: "0", count: 15).joined(separator: "\t")
        let text = Self.head + zeros + "\n" + (1...15).map(String.init).joined(separator: "\t") + "\n" + "1\t2\t3\n"
        let report = Fixtures.parse(text: text)
        #expect(Self.values(report) == Self.fifteen)
    }

    @Test func fifteenOverSeveralRowsAreReadInOrder() {
        let text = Self.head + (1...8).map(String.init).joined(separator: "\t") + "\n"
            + (9...15).map(String.init).joined(separator: "\t") + "\n"
        let report = Fixtures.parse(text: text)
        #expect(Self.values(report) == Self.fifteen)
        #expect(report.diagnostics.contains { $0.message.contains("split over several rows") }, "\(report.diagnostics)")
    }
}
