import Foundation
import GovReportRender
import TestSupport
import Testing

/// Pages opened from disk in headless Chromium, as a reader opens them: they load with no
/// console message (a blocked load or script would log one), the charts are in the DOM, and a
/// report prints on a few A4 pages.
@Suite(.serialized, .enabled(if: Chromium.isAvailable || Chromium.isRequired, "Chromium is not installed (apt-get install chromium)"))
struct BrowserTests {
    static func site() throws -> (URL, SiteBuilder.Result) {
        let folder = Fixtures.temporaryFolder()
        let result = try SiteBuilder(resources: Fixtures.root).build(["Resources/samples"], relativeTo: Fixtures.root)
        _ = try SiteWriter(output: folder.appendingPathComponent("site")).write(result.files)
        return (folder, result)
    }

    @Test func pagesLoadCleanlyWithChartsDrawn() throws {
        try #require(Chromium.isAvailable, "CI must have Chromium: .ci/run installs it")
        let (folder, result) = try Self.site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        let agency = try #require(result.files.keys.filter { $0.hasPrefix("agencies/") }.sorted().first)
        let report = try #require(result.files.keys.filter { $0.hasPrefix("reports/") }.sorted().last)
        for (page, charts) in [("index.html", 3), (agency, 2), (report, 1)] {
            let run = try Chromium.run(site.appendingPathComponent(page), ["--dump-dom"])
            let console = run.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
            #expect(console.isEmpty, "\(page): \(console)")
            #expect(run.stdout.contains("</main>"), "\(page) did not load")
            let drawn = run.stdout.components(separatedBy: "<svg").count - 1
            #expect(drawn >= charts, "\(page): \(drawn) charts in the DOM")
            #expect(run.stdout.contains("data-chart="), "\(page)")
        }
    }

    /// A standalone page opened on its own: its inline style is allowed by the policy's hash
    /// (a mismatch would be logged as a console message).
    @Test func standalonePageLoadsItsInlineStyle() throws {
        try #require(Chromium.isAvailable, "CI must have Chromium: .ci/run installs it")
        var settings = SiteSettings()
        settings.standalone = true
        let result = try SiteBuilder(resources: Fixtures.root, settings: settings).build(["Resources/samples"], relativeTo: Fixtures.root)
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        try result.files.first { $0.key.hasPrefix("reports/") }!.value.write(to: page)
        let run = try Chromium.run(page, ["--dump-dom"])
        #expect(run.stdout.contains("</main>"))
        #expect(!run.stderr.contains(":CONSOLE"), "\(run.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") })")
    }

    @Test func aReportPrintsOnAFewA4Pages() throws {
        try #require(Chromium.isAvailable, "CI must have Chromium: .ci/run installs it")
        let (folder, result) = try Self.site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try #require(result.files.keys.filter { $0.hasPrefix("reports/") }.sorted().last)
        let pdf = folder.appendingPathComponent("report.pdf")
        _ = try Chromium.run(folder.appendingPathComponent("site/\(report)"), ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"])
        let bytes = try Data(contentsOf: pdf)
        let text = String(decoding: bytes, as: UTF8.self)
        let pages = text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
        // Summary, checks, chart and three tables: more than one A4 page, far fewer than ten.
        #expect((2...8).contains(pages), "\(pages) pages")
    }
}
