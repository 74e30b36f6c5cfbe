import Foundation
import GovReportAnalyse
import GovReportCorpus
import GovReportRender
import TestSupport
import Testing

/// The export is written straight from each report for speed; `object` (used by
/// `check --json`) builds the same record as a dictionary. Both must give the same JSON, in
/// both layouts, for every kind of report: samples, and generated reports with damage,
/// inferred figures and broken rules.
@Suite struct ExportRecordTests {
    @Test func directWriterEqualsDictionaryPath() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CorpusGenerator(options: .init(count: 120, seed: 7, damageRate: 0.6, breakRate: 0.2)).write(to: folder)
        let (generated, _) = try SiteBuilder(resources: Fixtures.root).read([folder.path, Fixtures.samplesFolder.path])
        #expect(generated.count == 125)
        #expect(generated.contains { !$0.inferred.isEmpty } && generated.contains { !$0.violations.isEmpty })
        for checked in generated {
            #expect(ExportRecord.json(checked) == ExportRecord.json(ExportRecord.object(checked)), "\(checked.report.source)")
            #expect(ExportRecord.json(checked, pretty: false) == ExportRecord.json(ExportRecord.object(checked), pretty: false))
        }
        let some = Array(generated.prefix(3))
        #expect(ExportRecord.jsonArray(some) == ExportRecord.json(some.map(ExportRecord.object)) + "\n")
        #expect(ExportRecord.jsonArray([]) == ExportRecord.json([Any]()) + "\n")
    }
}
