import Foundation
import GovReportIngest
import GovReportParse
import TestSupport
import Testing

/// Layouts and damage the samples do not show, on small hand-written tables.
@Suite struct LayoutTests {
    static let header = "三、收到和处理政府信息公开申请情况\n\n"

    /// Columns aligned with spaces, as `pdftotext -layout` writes them: a blank cell is only a
    /// wider gap, recovered from the column positions of the full rows.
    @Test func spaceAlignedColumnsWithBlankCells() {
        let text = Self.header + """
        一、本年新收政府信息公开申请数量          12     1     0     0     0     0    13
        二、上年结转政府信息公开申请数量           2                                    2
        四、结转下年度继续办理                     1     0     0     0     0     0     1
        """
        let report = Fixtures.parse(text: "2021年政府信息公开工作年度报告\n\n" + text)
        #expect(report.value("applications.new.natural_person") == 12)
        #expect(report.value("applications.new.total") == 13)
        #expect(report.value("applications.carried_over.natural_person") == 2)
        #expect(report.figures["applications.carried_over.commercial"] != nil)
        #expect(report.figures["applications.carried_over.commercial"]?.value == nil)
        #expect(report.value("applications.carried_over.total") == 2)
        #expect(report.value("applications.carried_forward.total") == 1)
    }

    /// A row printed twice: the first reading is kept and the repeat is reported with the
    /// line of the first, in both row tables; a third printing is reported the same way.
    @Test func repeatedRowsKeepTheFirst() {
        let text = "2021年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n"
            + "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t5\n规章\t7\t7\t7\n\n"
            + Self.header
            + "一、本年新收政府信息公开申请数量\t12\t1\t0\t0\t0\t0\t13\n"
            + "一、本年新收政府信息公开申请数量\t99\t9\t9\t9\t9\t9\t99\n"
            + "一、本年新收政府信息公开申请数量\t98\t9\t9\t9\t9\t9\t98\n"
        let report = Fixtures.parse(text: text)
        #expect(report.value("applications.new.natural_person") == 12)
        #expect(report.value("applications.new.total") == 13)
        let repeats = report.diagnostics.map(\.message).filter { $0.contains("appears again") }
        let again = "applications table: row new appears again (first at line 11); kept the first"
        #expect(repeats.filter { $0.hasPrefix("applications table: row new") } == [again, again], "\(repeats)")
        #expect(repeats.contains { $0.hasPrefix("section 二: row ") && $0.hasSuffix("(first at line 6); kept the first") }, "\(repeats)")
        #expect(report.figures.keys.contains { $0.hasPrefix("proactive.") })
    }

    /// Labels split over two lines, with the numbers on the second line or on the first.
    @Test func labelsSplitAcrossLines() {
        let text = Self.header + """
        一、本年新收政府信息公开申
        请数量\t3\t0\t0\t0\t0\t0\t3
        (二)部分公开(区分处理的，只计这一情形，不计\t1\t0\t0\t0\t0\t0\t1
        其他情形)
        5.要求行政机关确认或重新出具已获
        取信息\t2\t0\t0\t0\t0\t0\t2
        """
        let report = Fixtures.parse(text: "2021年政府信息公开工作年度报告\n\n" + text)
        #expect(report.value("applications.new.total") == 3)
        #expect(report.value("applications.partially_disclosed.total") == 1)
        #expect(report.value("applications.unprocessed_reconfirm.total") == 2)
    }

    /// "3.其他" is the other-handling row only under the group heading (六) or right after
    /// another row of that group: the heading on the row's own line, on a line of its own
    /// before it, and a "3.其他" under (五) that is not read as the row.
    @Test func theOtherRowIsReadUnderItsGroupOnly() {
        let top = "2021年政府信息公开工作年度报告\n\n" + Self.header + "一、本年新收政府信息公开申请数量\t12\t1\t0\t0\t0\t0\t13\n"
        let sameLine = Fixtures.parse(text: top + "（六）其他处理\t3.其他\t4\t0\t0\t0\t0\t0\t4\n")
        #expect(sameLine.value("applications.other_other.total") == 4)
        let lineBefore = Fixtures.parse(text: top + "（六）其他处理\n\n3.其他\t5\t0\t0\t0\t0\t0\t5\n")
        #expect(lineBefore.value("applications.other_other.total") == 5)
        let otherGroup = Fixtures.parse(text: top + "（五）不予处理\t1.信访举报投诉类申请\t1\t0\t0\t0\t0\t0\t1\n3.其他\t6\t0\t0\t0\t0\t0\t6\n")
        #expect(otherGroup.value("applications.unprocessed_complaint.total") == 1)
        #expect(otherGroup.figures["applications.other_other.total"] == nil)
        #expect(otherGroup.diagnostics.contains { $0.message.contains("‘3.其他’ are not under a known row") }, "\(otherGroup.diagnostics)")
    }

    /// A tab-separated table whose last line is a label alone, then a table of one cell per
    /// line: the label is a row of blank cells of the tab-separated table (its layout is the
    /// one it was written in, not the next block's), and the rows after it still read.
    @Test func labelAloneBeforeABlockOfAnotherLayout() {
        let text = "2021年政府信息公开工作年度报告\n\n" + Self.header
            + "一、本年新收政府信息公开申请数量\t12\t1\t0\t0\t0\t0\t13\n"
            + "二、上年结转政府信息公开申请数量\n\n"
            + (["（一）予以公开"] + ["3", "0", "0", "0", "0", "0", "3"]).joined(separator: "\n") + "\n"
        let report = Fixtures.parse(text: text)
        #expect(report.value("applications.new.total") == 13)
        #expect(report.figures["applications.carried_over.total"] != nil)
        #expect(report.figures["applications.carried_over.total"]?.value == nil)
        #expect(report.value("applications.disclosed.total") == 3)
        #expect(!report.diagnostics.contains { $0.message.contains("上年结转") }, "\(report.diagnostics)")
    }

    /// OCR-garbled labels within the dictionary's tolerance, full-width digits and spaces
    /// inside labels.
    @Test func garbledLabelsAndFullWidthDigits() {
        let text = Self.header + """
        一、本年新收政府信息公开申请数呈\t３\t０\t０\t０\t０\t０\t３
        (三)不予公开\t4.保护笫三方合法权益\t1\t0\t0\t0\t0\t0\t1
        \t2.没有现 成信息需要另行制作\t2\t0\t0\t0\t0\t0\t2
        """
        let report = Fixtures.parse(text: "2021年政府信息公开工作年度报告\n\n" + text)
        #expect(report.value("applications.new.total") == 3)
        #expect(report.value("applications.withheld_third_party.total") == 1)
        #expect(report.value("applications.unavailable_needs_creation.total") == 2)
    }

    @Test func misnumberedSectionIsReported() {
        let text = Fixtures.sampleText("004").replacingOccurrences(of: "二、主动公开政府信息情况", with: "三、主动公开政府信息情况")
        let checked = Fixtures.check(text: text)
        #expect(checked.diagnostics.contains { $0.message == "section ‘主动公开政府信息情况’ is numbered 三; the format numbers it 二" })
        // Found by its words, its figures are still read.
        #expect(checked.report.value("proactive.rules.in_force") == 2)
    }

    /// A report saved as a web page: navigation chrome, a script, a table with rowspans and
    /// blank cells. Figures point at the lines of the HTML file.
    @Test func htmlReportWithChromeAndTable() throws {
        let html = """
        <!DOCTYPE html>
        <html><head><meta charset="gbk"><title>某县人民政府2022年政府信息公开工作年度报告</title>
        <script>document.write("<td>99</td>")</script></head>
        <body><div class="nav"><a href="/">首页</a> &gt; 政务公开</div>
        <h1>某县人民政府2022年政府信息公开工作年度报告</h1>
        <p>三、收到和处理政府信息公开申请情况</p>
        <table>
        <tr><td colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td>自然人</td><td>总计</td></tr>
        <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>4</td><td>0</td><td>0</td><td>0</td><td>0</td><td></td><td>4</td></tr>
        <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>4</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>&nbsp;</td></tr>
        </table>
        </body></html>
        """
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("r.html")
        try Data(html.utf8).write(to: url)
        let source = try SourceText.load(fileAt: url, displayPath: "r.html")
        #expect(!source.lines.contains { $0.contains("99") })
        let report = Fixtures.parser.parse(source)
        #expect(report.agency?.name == "某县人民政府")
        #expect(report.year == 2022)
        #expect(report.value("applications.new.total") == 4)
        #expect(report.figures["applications.new.other_org"] != nil && report.value("applications.new.other_org") == nil)
        #expect(report.value("applications.disclosed.natural_person") == 4)
        #expect(report.figures["applications.disclosed.total"] != nil && report.value("applications.disclosed.total") == nil)
        #expect(report.figures["applications.new.total"]?.line == 9)
    }
}
