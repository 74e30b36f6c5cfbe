import Foundation
import GovReportCheck
import GovReportCorpus
import GovReportParse
import GovReportRender
import TestSupport
import Testing

/// The extraction targets of the project, measured on a generated corpus of 2,000 reports
/// over every layout and damage kind, against the generator's exact ground truth.
@Suite(.serialized) struct AccuracyTests {
    struct Tally {
        var figures = 0
        var right = 0
        var unstated = 0
    }

    @Test func generatedCorpusMeetsTheTargets() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let truths = try CorpusGenerator(options: .init(count: 2000, seed: 20_261_125)).write(to: folder)
        #expect(truths.count == 2000)

        let builder = try SiteBuilder(resources: Fixtures.root)
        let (reports, diagnostics) = builder.read([folder.path])
        #expect(reports.count == 2000)
        #expect(!diagnostics.contains { $0.severity == .error })
        let bySource = Dictionary(uniqueKeysWithValues: reports.map { ($0.report.source, $0) })

        var tallies: [String: Tally] = [:]
        var agencyRight = 0, yearRight = 0, regionRight = 0
        var breaks = 0, breaksFound = 0, clean = 0, falseAlarms: [String] = []
        var wrong: [String] = []
        for truth in truths {
            let checked = try #require(bySource[folder.path + "/" + truth.file], "\(truth.file) not read")
            let report = checked.report
            var tally = tallies[truth.layout, default: Tally()]
            for (key, value) in truth.figures {
                tally.figures += 1
                if let figure = report.figures[key], figure.value == value { tally.right += 1 }
                else if wrong.count < 20 { wrong.append("\(truth.file) \(key): read \(report.figures[key].map { "\($0.value as Any)" } ?? "nothing"), truth \(value as Any)") }
            }
            tally.unstated += report.figures.keys.filter { truth.figures[$0] == nil }.count
            tallies[truth.layout] = tally
            if report.agency?.name == truth.agency { agencyRight += 1 }
            if report.year == truth.year { yearRight += 1 }
            if report.region == Region(province: truth.province, city: truth.city, district: truth.district, street: truth.street) { regionRight += 1 }
            let found = Set(checked.violations.map(\.rule))
            if truth.brokenRules.isEmpty {
                clean += 1
                if !found.isEmpty { falseAlarms.append("\(truth.file): \(checked.violations.map(\.description))") }
            } else {
                breaks += 1
                if Set(truth.brokenRules).isSubset(of: found) { breaksFound += 1 }
            }
        }

        var table = "layout          figures    right   accuracy  unstated\n"
        for (layout, t) in tallies.sorted(by: { $0.key < $1.key }) {
            table += layout.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(format: "%9d %8d %9.3f%% %9d\n", t.figures, t.right, Double(t.right) / Double(t.figures) * 100, t.unstated)
        }
        let all = tallies.values.reduce(Tally()) { Tally(figures: $0.figures + $1.figures, right: $0.right + $1.right, unstated: $0.unstated + $1.unstated) }
        table += String(format: "all           %9d %8d %9.3f%% %9d\n", all.figures, all.right, Double(all.right) / Double(all.figures) * 100, all.unstated)
        table += "agency \(agencyRight)/2000, year \(yearRight)/2000, region \(regionRight)/2000; "
        table += "deliberate breaks found \(breaksFound)/\(breaks); false violations on \(falseAlarms.count) of \(clean) clean reports\n"
        print(table)
        for w in wrong { print("  wrong: \(w)") }

        #expect(Set(tallies.keys) == Set(Layout.allCases.map(\.rawValue)))
        #expect(Double(all.right) / Double(all.figures) >= 0.995)
        #expect(all.unstated == 0, "figures reported that the reports do not state")
        #expect(agencyRight >= 1980 && yearRight >= 1980 && regionRight >= 1980)
        #expect(breaks >= 50)
        #expect(breaksFound == breaks)
        #expect(falseAlarms.isEmpty, "\(falseAlarms.prefix(5))")
    }
}
