import Foundation
import GovReportRender
import TestSupport
import Testing

/// Users' commentary in Markdown: beside a report or in a notes folder, rendered through
/// cmark into the report's or the agency's page, raw HTML dropped, only safe links kept.
@Suite struct NotesTests {
    @Test func notesBesideAReportAndInAFolder() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Fixtures.sampleText("004").utf8).write(to: folder.appendingPathComponent("r.txt"))
        try Data("""
        本报告**新收申请 7 件**，其中 4 件逾期不补正。

        <script>alert(1)</script><b>粗体</b>

        [官网](https://www.example.gov.cn/) [附件](files/a.pdf) [坏链接](javascript:alert(1)) [数据](data:text/html,x)
        """.utf8).write(to: folder.appendingPathComponent("r.md"))
        let notesFolder = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notesFolder, withIntermediateDirectories: true)
        try Data("街道办历年报告*完整*。".utf8).write(to: notesFolder.appendingPathComponent("西安市雁塔区漳浒寨街道办事处.md"))

        var builder = try SiteBuilder(resources: Fixtures.root)
        builder.notesFolder = notesFolder
        let result = try builder.build([folder.appendingPathComponent("r.txt").path])
        let report = try #require(result.files.first { $0.key.hasPrefix("reports/") }.map { String(decoding: $0.value, as: UTF8.self) })
        #expect(report.contains("<strong>新收申请 7 件</strong>"))
        #expect(!report.contains("<script>alert(1)</script>"))
        #expect(!report.contains("<b>粗体</b>"))
        // Shown as the text the author wrote.
        #expect(report.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;粗体&lt;/b&gt;"))
        #expect(report.contains("href=\"https://www.example.gov.cn/\""))
        #expect(report.contains("href=\"files/a.pdf\""))
        #expect(!report.contains("javascript:"))
        #expect(!report.contains("href=\"data:"))
        let agency = try #require(result.files.first { $0.key.hasPrefix("agencies/") }.map { String(decoding: $0.value, as: UTF8.self) })
        #expect(agency.contains("街道办历年报告<em>完整</em>。"))

        builder.allowHTMLInNotes = true
        let trusted = try builder.build([folder.appendingPathComponent("r.txt").path])
        let page = try #require(trusted.files.first { $0.key.hasPrefix("reports/") }.map { String(decoding: $0.value, as: UTF8.self) })
        #expect(page.contains("<b>粗体</b>"))
        #expect(!page.contains("javascript:"))
    }

    @Test func allowedDestinations() {
        #expect(Markdown.isAllowedDestination("https://a.cn/x"))
        #expect(Markdown.isAllowedDestination("mailto:gk@a.gov.cn"))
        #expect(Markdown.isAllowedDestination("../reports/a.html#checks"))
        #expect(Markdown.isAllowedDestination("a/b:c"))
        #expect(!Markdown.isAllowedDestination("JavaScript:alert(1)"))
        #expect(!Markdown.isAllowedDestination(" javascript:alert(1)"))
        #expect(!Markdown.isAllowedDestination("ftp://x"))
        #expect(!Markdown.isAllowedDestination("file:///etc/passwd"))
    }
}
