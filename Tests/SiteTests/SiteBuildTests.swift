import Foundation
import GovReportParse
import GovReportRender
import TestSupport
import Testing

/// Builds the site from the bundled samples, as `govreport build` does, and checks it the way
/// a browser and a reviewer would meet it: pages exist, links resolve, HTML is well-formed,
/// charts agree with tables, and rebuilding gives the same bytes.
@Suite struct SiteBuildTests {
    static func build(_ inputs: [String] = ["Resources/samples"]) throws -> SiteBuilder.Result {
        try SiteBuilder(resources: Fixtures.root).build(inputs, relativeTo: Fixtures.root)
    }

    static func pages(_ files: [String: Data]) -> [String: XHTMLDocument] {
        var pages: [String: XHTMLDocument] = [:]
        for (path, data) in files where path.hasSuffix(".html") { pages[path] = XHTMLDocument(data: data) }
        return pages
    }

    @Test func indexAndOnePagePerReport() throws {
        let result = try Self.build()
        #expect(result.reports.count == 5)
        let html = result.files.keys.filter { $0.hasSuffix(".html") }.sorted()
        // index, quality, 5 reports, 4 agencies, 4 years (2017, 2020, 2021, 2023), 2 cities, 1 province.
        #expect(html.count == 18)
        #expect(html.filter { $0.hasPrefix("provinces/") }.count == 1)
        #expect(html.contains("index.html") && html.contains("quality.html"))
        #expect(html.filter { $0.hasPrefix("agencies/") }.count == 4)
        #expect(html.filter { $0.hasPrefix("years/") }.map { $0 } == ["years/2017.html", "years/2020.html", "years/2021.html", "years/2023.html"])
        #expect(html.filter { $0.hasPrefix("cities/") }.count == 2)
        let index = try #require(Self.pages(result.files)["index.html"])
        let reportLinks = index.links.filter { $0.hasPrefix("reports/") }
        #expect(Set(reportLinks) == Set(html.filter { $0.hasPrefix("reports/") }))
        #expect(reportLinks.count == 5)
    }

    @Test func everyPageIsWellFormedWithInlineSVG() throws {
        let result = try Self.build()
        for (path, page) in Self.pages(result.files) {
            #expect(page.wellFormed, "\(path): \(page.error ?? "")")
            if path.hasPrefix("reports/") { #expect(page.svgCount == 1, "\(path)") }
            if path.hasPrefix("agencies/") { #expect(page.svgCount == 2, "\(path)") }
            let html = try #require(page.elements.first { $0.name == "html" })
            #expect(html.attributes["lang"] == "zh-CN")
        }
    }

    @Test func everyRelativeLinkAndAnchorResolves() throws {
        let result = try Self.build()
        let pages = Self.pages(result.files)
        for (path, page) in pages {
            for link in page.links {
                #expect(!link.contains("://") && !link.hasPrefix("//"), "\(path) links outside: \(link)")
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? path : Self.resolve(parts[0], from: path)
                #expect(result.files[target] != nil, "\(path): \(link) → \(target) does not exist")
                if parts.count == 2 {
                    #expect(pages[target]?.ids.contains(parts[1]) == true, "\(path): anchor \(link) not found")
                }
            }
        }
    }

    @Test func noNetworkReferences() throws {
        let result = try Self.build()
        for (path, data) in result.files where path.hasSuffix(".html") || path.hasSuffix(".css") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("http://") || !text.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"), "\(path)")
            #expect(!text.contains("https://"), "\(path)")
            #expect(!text.contains("@import"), "\(path)")
            #expect(!text.contains("<script"), "\(path)")
        }
    }

    /// The numbers drawn in each report's chart equal the sums of the table cells beside it,
    /// both read back from the generated page.
    @Test func chartValuesEqualTableValues() throws {
        let result = try Self.build()
        var compared = 0
        for (path, page) in Self.pages(result.files) where path.hasPrefix("reports/") && page.cellText["applications.disclosed.total"] != nil {
            let legend = page.chartValues.filter { _ in true }
            let drawn = Dictionary(legend.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            let totals = page.cellText.filter { $0.key.hasPrefix("applications.") && $0.key.hasSuffix(".total") }
            for group in ["disclosed", "partially_disclosed", "withheld", "unavailable", "unprocessed", "other"] {
                let rows = totals.filter { key, _ in
                    let row = key.split(separator: ".")[1]
                    return group == "disclosed" || group == "partially_disclosed" ? row == group
                        : row.hasPrefix(group) && row != "outcome_total"
                }
                #expect(!rows.isEmpty, "\(path): no table rows for \(group)")
                let values = rows.values.map { Double($0) }
                let expected = values.contains(nil) ? "" : NumberFormat.count(values.compactMap { $0 }.reduce(0, +))
                #expect(drawn[group] == expected, "\(path): chart \(group) = \(drawn[group] ?? "nil"), table = \(expected)")
            }
            compared += 1
        }
        #expect(compared == 4)
    }

    @Test func rebuildIsByteIdenticalInAnyInputOrder() throws {
        let first = try Self.build()
        let second = try Self.build()
        #expect(first.files == second.files)
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.samplesFolder.path).sorted()
        let reversed = try Self.build(names.reversed().map { "Resources/samples/" + $0 })
        #expect(reversed.files == first.files)
    }

    /// `site/` in the repository is what the build makes from the bundled samples.
    @Test func committedSiteIsUpToDate() throws {
        let result = try Self.build()
        let site = Fixtures.root.appendingPathComponent("site")
        for (path, data) in result.files {
            let committed = try? Data(contentsOf: site.appendingPathComponent(path))
            #expect(committed == data, "site/\(path) differs from a fresh build: run `swift run govreport build`")
        }
        let manifest = try String(contentsOf: site.appendingPathComponent(SiteWriter.manifestName), encoding: .utf8)
        #expect(manifest == result.files.keys.sorted().joined(separator: "\n") + "\n")
    }

    static func resolve(_ link: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for component in link.split(separator: "/") {
            if component == ".." { _ = parts.popLast() } else if component != "." { parts.append(String(component)) }
        }
        return parts.joined(separator: "/")
    }
}
