import Foundation
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
}
