import Foundation
import GovReportCheck
import GovReportCorpus
import Synchronization
import GovReportAnalyse
import GovReportRender
import TestSupport
import Testing

/// `extract` and `check` read reports without the site's templates: the reader needs only the
/// label dictionary and the gazetteer, and reads what a build reads.
@Suite struct ReportReaderTests {
    @Test func readsWithoutTheTemplatesWhatABuildReads() throws {
        // Resources without a Templates folder: a site cannot be built from them, the reports
        // can still be read.
        let resources = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: resources) }
        let labels = resources.appendingPathComponent("Resources/labels")
        try FileManager.default.createDirectory(at: labels, withIntermediateDirectories: true)
        for file in ["Resources/labels/labels.tsv", "Resources/regions.tsv"] {
            try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent(file), to: resources.appendingPathComponent(file))
        }
        #expect(throws: BuildError.self) { try SiteBuilder(resources: resources) }

        let read = try ReportReader(resources: resources).read([Fixtures.samplesFolder.path])
        let built = try SiteBuilder(resources: Fixtures.root).read([Fixtures.samplesFolder.path])
        #expect(read.reports.count == 5)
        #expect(read.reports.map { ExportRecord.json($0) } == built.reports.map { ExportRecord.json($0) })
        #expect(read.diagnostics == built.diagnostics)
        // The figures are really read: the new applications of the samples, as printed.
        let newApplications = read.reports.map { "\($0.report.source.suffix(24)): \($0.report.figures["applications.new.total"]?.value.map { Int($0) } ?? -1)" }
        #expect(newApplications == ["000_24d319d9b4c5a884.txt: 36", "001_dc17ca86c1b8bf45.txt: 7", "002_8f5cd09c3fcdcd6e.txt: 2",
                                    "003_fcec429f48156c23.txt: -1", "004_2e4446dc98d28afd.txt: 7"])
    }

    /// `extract` streams: each report is handed over once, in path order, with its figures, and
    /// what is kept of it afterwards (no figures) still gives every diagnostic `read` gives —
    /// its own, its broken rules and the duplicate warning, which needs its agency and year.
    @Test func streamingHandsOverWhatReadingReadsAndKeepsTheDiagnostics() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CorpusGenerator(options: .init(count: 120, seed: 21, damageRate: 0.4, breakRate: 0.3)).write(to: folder)
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        // A second copy of a report (a duplicate) and a file that is no report.
        try FileManager.default.copyItem(at: folder.appendingPathComponent(files[3]), to: folder.appendingPathComponent("zz-copy.txt"))
        try Data("不是年度报告。\n".utf8).write(to: folder.appendingPathComponent("aa-notice.txt"))

        let reader = try ReportReader(resources: Fixtures.root)
        let read = reader.read([folder.path])
        let handed = Mutex<(records: [Int: String?], twice: [Int])>(([:], []))
        let streamed = reader.stream([folder.path]) { place, checked in
            let record = checked.map { ExportRecord.json($0) }
            handed.withLock { if $0.records.updateValue(record, forKey: place) != nil { $0.twice.append(place) } }
        }
        let (records, twice) = handed.withLock { $0 }
        #expect(twice.isEmpty, "places handed over twice")
        #expect(records.keys.sorted() == Array(0..<records.count))
        #expect(records.count >= read.reports.count + 1)
        #expect(records.keys.sorted().compactMap { records[$0]! } == read.reports.map { ExportRecord.json($0) })
        #expect(streamed.reports == read.reports.count)
        #expect(streamed.diagnostics == read.diagnostics)
        // The diagnostics compared are the kinds that what is kept must still give.
        #expect(streamed.diagnostics.contains { $0.message.contains("a duplicate or a corrected re-issue") })
        #expect(streamed.diagnostics.contains { $0.message.hasPrefix("rule ") })
        #expect(streamed.diagnostics.contains { $0.location.path.hasSuffix("aa-notice.txt") && $0.severity == .error })
        // Figures really read and handed over: as many as `read` keeps.
        let figures = read.reports.map(\.report.figures.count).reduce(0, +)
        #expect(figures > 120 * 50)
    }

    @Test func aReportWithoutItsFiguresKeepsItsDiagnosticsAndMetadata() {
        let sample = Fixtures.sample("000")
        let kept = sample.withoutFigures
        #expect(sample.report.figures.count > 50)
        #expect(kept.report.figures.count == 0)
        #expect(kept.inferred.isEmpty)
        #expect(kept.diagnostics == sample.diagnostics)
        #expect(kept.report.source == sample.report.source)
        #expect(kept.report.agencyKey == sample.report.agencyKey && kept.report.agencyKey != nil)
        #expect(kept.report.year == sample.report.year && kept.report.year != nil)
    }
}
