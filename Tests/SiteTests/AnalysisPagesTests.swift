import Foundation
import GovReportAnalyse
import GovReportCheck
import GovReportCorpus
import GovReportParse
@testable import GovReportRender
import TestSupport
import Testing

/// The comparison pages built from a generated corpus of 500 reports over ten years and
/// about forty agencies: every page kind exists, every link resolves, and every number drawn
/// in a chart is the number in the table beside it (both read back from the pages).
@Suite(.serialized) struct AnalysisPagesTests {
    static let result: SiteBuilder.Result = {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try! CorpusGenerator(options: .init(count: 500, seed: 11, firstYear: 2015, lastYear: 2024)).write(to: folder)
        return try! SiteBuilder(resources: Fixtures.root).build([folder.path])
    }()

    nonisolated(unsafe) static let pages: [String: XHTMLDocument] = {
        var pages: [String: XHTMLDocument] = [:]
        for (path, data) in result.files where path.hasSuffix(".html") { pages[path] = XHTMLDocument(data: data) }
        return pages
    }()

    @Test func everyPageKindExistsAndLinksResolve() {
        let paths = Set(Self.pages.keys)
        #expect(Self.result.reports.count == 500)
        #expect(paths.filter { $0.hasPrefix("reports/") }.count == 500)
        #expect(paths.filter { $0.hasPrefix("agencies/") }.count >= 40)
        #expect(paths.filter { $0.hasPrefix("years/") }.count == 10)
        #expect(paths.filter { $0.hasPrefix("cities/") }.count >= 5)
        #expect(paths.filter { $0.hasPrefix("provinces/") }.count >= 3)
        #expect(paths.contains("quality.html") && paths.contains("index.html"))
        for (path, page) in Self.pages {
            #expect(page.wellFormed, "\(path): \(page.error ?? "")")
            for link in page.links {
                let target = link.split(separator: "#").first.map(String.init) ?? ""
                guard !target.isEmpty else { continue }
                #expect(Self.result.files[SiteBuildTests.resolve(target, from: path)] != nil, "\(path) → \(link)")
            }
        }
    }

    /// Agency pages: the trend chart's points are the year-by-year table; a missing year is
    /// a gap in both.
    @Test func agencyChartsEqualTheirTables() {
        var points = 0
        for (path, page) in Self.pages where path.hasPrefix("agencies/") {
            let svgPoints = page.elements.filter { $0.name == "circle" && $0.attributes["data-series"] != nil }
            for circle in svgPoints {
                let series = circle.attributes["data-series"]!, year = circle.attributes["data-year"]!
                if ["received", "handled", "disclosed"].contains(series) {
                    #expect(page.cellText["\(series).\(year)"] == circle.attributes["data-value"], "\(path) \(series) \(year)")
                } else {
                    // Rates: the table prints "37.5%", the chart 37.5.
                    #expect(page.cellText["\(series).\(year)"] == circle.attributes["data-value"].map { v in
                        String(format: "%.1f%%", Double(v)!) }, "\(path) \(series) \(year)")
                }
                points += 1
            }
            // Years in the table without a number have no point.
            for (key, text) in page.cellText where key.hasPrefix("received.") && text == "—" {
                let year = String(key.dropFirst("received.".count))
                #expect(!svgPoints.contains { $0.attributes["data-series"] == "received" && $0.attributes["data-year"] == year })
            }
        }
        #expect(points > 300)
    }

    /// Year and city pages: each bar is the table's figure for the same report.
    @Test func rankingBarsEqualTheirTables() {
        var bars = 0
        for (path, page) in Self.pages where path.hasPrefix("years/") || path.hasPrefix("cities/") || path.hasPrefix("provinces/") {
            for rect in page.elements where rect.name == "rect" && rect.attributes["data-key"] != nil {
                let id = rect.attributes["data-key"]!
                #expect(page.cellText["received.\(id)"] == rect.attributes["data-value"], "\(path) \(id)")
                bars += 1
            }
        }
        #expect(bars > 100)
    }

    /// A year's ranking (its page's rows and chart): most applications received first, ties
    /// in the order of the agencies' names as `String` orders them, unknown figures last —
    /// the order of sorting the year's entries by that rule directly.
    @Test func yearRankingIsByApplicationsThenName() {
        let analysis = CorpusAnalysis(Corpus(Self.result.reports))
        let entries = analysis.corpus.entries
        var ties = 0
        for year in analysis.years {
            let ranked = analysis.ranking(year: year)
            let expected = entries.indices.filter { entries[$0].report.year == year }.sorted { a, b in
                let x = analysis.indicators[a].received.value ?? -1, y = analysis.indicators[b].received.value ?? -1
                return x != y ? x > y : entries[a].agencyName < entries[b].agencyName
            }
            #expect(ranked == expected, "year \(year)")
            for (a, b) in zip(ranked, ranked.dropFirst()) where analysis.indicators[a].received.value == analysis.indicators[b].received.value {
                ties += 1
                #expect(!(entries[b].agencyName < entries[a].agencyName))
            }
            if let first = ranked.firstIndex(where: { analysis.indicators[$0].received.value == nil }) {
                #expect(ranked[first...].allSatisfy { analysis.indicators[$0].received.value == nil }, "year \(year)")
            }
        }
        #expect(ties > 0)
    }

    /// An entry's agency and city found by its place are the ones its names give: the agency's
    /// reports (the same list as looking the agency's name up), its history, and the city's
    /// reports (every report naming that city, in corpus order).
    @Test func entriesFindTheirAgencyAndCityByPlace() {
        let analysis = CorpusAnalysis(Corpus(Self.result.reports))
        let corpus = analysis.corpus
        var named = 0
        for i in corpus.entries.indices {
            let report = corpus.entries[i].report
            if let key = report.agencyKey {
                named += 1
                #expect(corpus.agencyMembers(of: i) == corpus.byAgency[key], "\(report.source)")
                #expect(corpus.agencyMembers(of: i)?.contains(i) == true)
                #expect(analysis.history(ofEntry: i)?.key == analysis.history(of: key)?.key)
                #expect(analysis.history(ofEntry: i)?.id == analysis.history(of: key)?.id)
            } else {
                #expect(corpus.agencyMembers(of: i) == nil && analysis.history(ofEntry: i) == nil)
            }
        }
        #expect(named > 400)
        var cities = 0
        for city in Set(corpus.entries.compactMap { $0.report.region.city }) {
            #expect(analysis.entries(ofCity: city) == corpus.entries.indices.filter { corpus.entries[$0].report.region.city == city }, "\(city)")
            cities += 1
        }
        #expect(cities >= 5)
    }

    /// A year row shows its agency's sparkline whether the agencies' sparklines are made once
    /// and shared (as a build makes them) or made for each row; an agency's rows show one.
    @Test func yearRowsShowTheSameSparklineSharedOrNot() {
        let analysis = CorpusAnalysis(Corpus(Self.result.reports))
        let shared = YearPage.Sparklines()
        var rows = 0
        var byAgency: [Int: Set<String>] = [:]
        for year in analysis.years {
            for (n, i) in analysis.ranking(year: year).enumerated() {
                let once = YearPage.row(analysis: analysis, rank: n + 1, index: i, sparklines: shared)
                #expect(once.sparkline == YearPage.row(analysis: analysis, rank: n + 1, index: i).sparkline, "\(year) \(i)")
                #expect(once.sparkline.contains(once.agency))
                byAgency[analysis.corpus.agencyOf[i], default: []].insert(once.sparkline)
                rows += 1
            }
        }
        #expect(rows == Self.result.reports.filter { $0.report.year != nil }.count)
        #expect(byAgency.count > 30 && byAgency.values.allSatisfy { $0.count == 1 })
    }

    /// Year totals on the dashboard are the sums of the year pages' tables.
    @Test func dashboardTotalsEqualYearTables() throws {
        let index = try #require(Self.pages["index.html"])
        for circle in index.elements where circle.name == "circle" && circle.attributes["data-series"] == "received" {
            let year = circle.attributes["data-year"]!
            let page = try #require(Self.pages["years/\(year).html"])
            let sum = page.cellText.filter { $0.key.hasPrefix("received.") }.values.compactMap { Double($0) }.reduce(0, +)
            #expect(circle.attributes["data-value"] == NumberFormat.count(sum), "year \(year)")
        }
    }

    @Test func aCityNameUnderTwoProvincesGetsTheFirstProvinceByName() throws {
        // Two agencies whose regions name the same city under different provinces: the city
        // page's breadcrumb must not depend on a dictionary's order (which changes from one
        // process to the next), so it names the first province by name.
        let builder = try SiteBuilder(resources: Fixtures.root)
        let sample = try #require(builder.read([Fixtures.sampleURL("001").path]).reports.first)
        var reports: [CheckedReport] = []
        for (n, province) in ["乙省", "甲省", "丙省"].enumerated() {
            var report = sample.report
            report.source = "x\(n).txt"
            report.agency?.name = "同名市第\(n)局"
            report.region = Region(province: province, city: "同名市")
            reports.append(CheckedReport(report: report, inferred: sample.inferred, violations: sample.violations))
        }
        let files = try builder.render(reports)
        let city = try #require(files.first { $0.key.hasPrefix("cities/") }.map { String(decoding: $0.value, as: UTF8.self) })
        let first = ["乙省", "甲省", "丙省"].sorted().first!
        #expect(city.contains(">\(first)</a>"), "breadcrumb names another province")
        for other in ["乙省", "甲省", "丙省"] where other != first { #expect(!city.contains(">\(other)</a>")) }
    }
}
