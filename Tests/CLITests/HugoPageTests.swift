import Foundation
@testable import govreport
import GovReportIngest
import TestSupport
import Testing

/// The benchmark's Hugo pages hold the report's text and tables, as our report pages do.
@Suite struct HugoPageTests {
    /// Every tab-separated line of a sample becomes a row of a Markdown table with its cells,
    /// in order; every other line with text becomes a paragraph.
    @Test(arguments: ["000", "001", "002", "003", "004"])
    func sampleTablesBecomeMarkdownTables(_ prefix: String) {
        let lines = Fixtures.sampleText(prefix).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let md = HugoPage.markdown(title: prefix, lines: lines)
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| ") }
        let tableLines = lines.filter { $0.contains("\t") }
        #expect(rows.count == tableLines.count)
        for (row, line) in zip(rows, tableLines) {
            let cells = row.dropFirst(2).dropLast(2).components(separatedBy: " | ")
            let want = line.split(separator: "\t", omittingEmptySubsequences: false).map(HugoPage.cell)
            #expect(Array(cells.prefix(want.count)) == want, "\(line)")
            let padding = cells.dropFirst(want.count).filter { !$0.isEmpty }
            #expect(padding.isEmpty)
        }
        // A table starts with its header's separator line, one per run of table lines.
        let runs = zip(lines, [""] + lines).filter { $0.contains("\t") && !$1.contains("\t") }.count
        #expect(md.components(separatedBy: "\n|---|").count - 1 == runs)
        #expect(runs > 0 || tableLines.isEmpty)
        for line in lines where !line.contains("\t") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            #expect(md.contains("\n" + line.trimmingCharacters(in: .whitespaces) + "\n\n"))
        }
    }

    /// A web page's rows (each a block of one cell per line, as the reader gives them) become
    /// one row each, and the page's tables stay tables.
    @Test func webPageRowsBecomeRows() {
        let html = "<html><body><p>说明</p><table><tr><td>信息内容</td><td>数量</td></tr><tr><td>规章</td><td>2</td></tr>"
            + "<tr><td>合计</td></tr></table><p>结尾</p></body></html>"
        let lines = HTMLText.lines(fromHTML: html).lines
        #expect(lines.contains("\t规章"))
        let md = HugoPage.markdown(title: "t", lines: lines, cellPerLine: true)
        #expect(md.contains("\n说明\n\n| 信息内容 | 数量 |\n|---|---|\n| 规章 | 2 |\n| 合计 |  |\n\n结尾\n\n"), "\(md)")
    }
}
