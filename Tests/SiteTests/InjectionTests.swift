import Foundation
import GovReportRender
import TestSupport
import Testing

/// Report text is untrusted: agency names, labels and prose carrying markup must reach the
/// page as text. Checked in the generated HTML and, where Chromium is installed (always in
/// CI), in a real browser: nothing runs.
@Suite struct InjectionTests {
    static let marker = "document.body.setAttribute('data-pwned','yes')"

    static func hostileReport() -> String {
        let payload = "<script>\(marker)</script>\"><img src=x onerror=\"\(marker)\"></svg><svg onload=\"\(marker)\">"
        var text = Fixtures.sampleText("001")
        text = text.replacingOccurrences(of: "殷都区人民政府办公室2021年", with: "某局\(payload)2021年")
        // A label nobody knows (shown in the warnings), prose with a javascript: link.
        text = text.replacingOccurrences(of: "⇥1⇥⇥⇥1⇥⇥⇥⇥⇥".replacingOccurrences(of: "⇥", with: "\t"),
                                         with: "\t<script>\(marker)</script>[x](javascript:\(marker))\t1\t\t\t1")
        text = text.replacingOccurrences(of: "现将有关情况报告如下", with: "[点我](javascript:\(marker)) <a href=\"javascript:\(marker)\">链接</a>")
        return text
    }

    @Test func hostileTextIsEscapedInEveryPage() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.hostileReport().utf8).write(to: folder.appendingPathComponent("hostile.txt"))
        let result = try SiteBuilder(resources: Fixtures.root).build([folder.path])
        #expect(result.reports.count == 1)
        #expect(result.reports[0].report.agency?.name.contains("<script>") == true)
        for (path, data) in result.files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("<img"), "\(path)")
            #expect(!html.contains("onerror=\""), "\(path)")
            #expect(!html.contains("onload=\""), "\(path)")
            #expect(!html.contains("href=\"javascript:"), "\(path)")
            #expect(html.components(separatedBy: "<svg").count == html.components(separatedBy: "</svg>").count, "\(path)")
            #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"), "\(path)")
            let document = XHTMLDocument(data: data)
            #expect(document.wellFormed, "\(path): \(document.error ?? "")")
        }
    }

    @Test(.enabled(if: Chromium.isAvailable || Chromium.isRequired, "Chromium is not installed (apt-get install chromium)"))
    func nothingRunsInABrowser() throws {
        try #require(Chromium.isAvailable, "CI must have Chromium: .ci/run installs it")
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.hostileReport().utf8).write(to: folder.appendingPathComponent("hostile.txt"))
        let site = folder.appendingPathComponent("site")
        let builder = try SiteBuilder(resources: Fixtures.root)
        let result = try builder.build([folder.appendingPathComponent("hostile.txt").path])
        _ = try SiteWriter(output: site).write(result.files)
        let pages = ["index.html"] + result.files.keys.filter { $0.hasPrefix("reports/") }
        for page in pages {
            let run = try Chromium.run(site.appendingPathComponent(page), ["--dump-dom"])
            #expect(run.stdout.contains("<body"), "\(page): no DOM (\(run.stderr.suffix(300)))")
            let body = run.stdout.range(of: "<body[^>]*>", options: .regularExpression).map { String(run.stdout[$0]) } ?? ""
            #expect(!body.contains("data-pwned"), "\(page): injected code ran")
            #expect(!run.stdout.contains("<script"), "\(page)")
            #expect(!run.stdout.contains("<img"), "\(page)")
        }
    }
}
