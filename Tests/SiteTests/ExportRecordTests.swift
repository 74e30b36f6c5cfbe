import Foundation
@testable import GovReportAnalyse
import GovReportCheck
import GovReportParse
import GovReportCorpus
import GovReportRender
import TestSupport
import Testing

/// The export is written straight from each report for speed; `object` (used by
/// `check --json`) builds the same record as a dictionary. Both must give the same JSON, in
/// both layouts, for every kind of report: samples, and generated reports with damage,
/// inferred figures and broken rules.
@Suite struct ExportRecordTests {
    /// Generated reports (damaged, some with broken rules) and the five samples, checked.
    static func reports(count: Int, seed: UInt64, damageRate: Double) throws -> [CheckedReport] {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CorpusGenerator(options: .init(count: count, seed: seed, damageRate: damageRate, breakRate: 0.2)).write(to: folder)
        return try SiteBuilder(resources: Fixtures.root).read([folder.path, Fixtures.samplesFolder.path]).reports
    }

    @Test func directWriterEqualsDictionaryPath() throws {
        let generated = try Self.reports(count: 120, seed: 7, damageRate: 0.6)
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

    /// The export is made and handed over a batch at a time: any batch size gives the bytes of
    /// one batch, in every layout, and the array is the records joined as JSON joins them.
    @Test func batchesGiveTheSameExport() throws {
        let reports = try Self.reports(count: 40, seed: 5, damageRate: 0.5)
        #expect(reports.count == 45)
        for layout in [ExportRecord.Layout.jsonArray, .jsonLines, .csv] {
            func export(_ batch: Int, _ reports: [CheckedReport]) -> [UInt8] {
                var bytes: [UInt8] = []
                ExportRecord.stream(reports, layout, batch: batch) { bytes += $0 }
                return bytes
            }
            let whole = export(2048, reports)
            for batch in [1, 2, 7, 44, 45, 46] { #expect(export(batch, reports) == whole, "\(layout) in batches of \(batch)") }
            switch layout {
            case .jsonArray:
                #expect(String(decoding: whole, as: UTF8.self) == ExportRecord.json(reports.map(ExportRecord.object)) + "\n")
                #expect(export(3, []) == Array("[\n\n]\n".utf8))
            case .jsonLines:
                #expect(String(decoding: whole, as: UTF8.self) == reports.map { ExportRecord.json($0, pretty: false) + "\n" }.joined())
                #expect(export(3, []).isEmpty)
            case .csv:
                #expect(whole == Array(ExportRecord.csvHeader.utf8) + reports.flatMap(ExportRecord.csvRowBytes))
                #expect(export(3, []) == Array(ExportRecord.csvHeader.utf8))
            }
        }
    }

    /// The CSV rows are made as bytes; the reference is each row joined as text from the
    /// report's resolved figures, in the key order the records use.
    @Test func csvRowBytesEqualRowsJoinedAsText() throws {
        let reports = try Self.reports(count: 120, seed: 11, damageRate: 0.6)
        var rows = 0, inferredRows = 0
        for checked in reports {
            let r = checked.report
            func field(_ s: String) -> String { s.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
            var keys = r.figures.keys
            for key in checked.inferred.keys where r.figures[key] == nil { keys.append(key) }
            var expected = ""
            for i in FigureKeys.order(of: keys) {
                let resolved = checked.resolved(keys[i])
                let value: String = resolved.map { ConsistencyChecker.format($0.value) } ?? ""
                let inferred: String = resolved?.inferred == true ? "true" : "false"
                let fields: [String] = [field(r.source), field(r.agency?.name ?? ""), r.year.map(String.init) ?? "",
                                        r.edition?.rawValue ?? "", keys[i], value, inferred]
                expected += fields.joined(separator: ",") + "\n"
                rows += 1
                if resolved?.inferred == true { inferredRows += 1 }
            }
            #expect(ExportRecord.csvRowBytes(checked) == Array(expected.utf8), "\(r.source)")
        }
        #expect(rows > 3_000 && inferredRows > 0, "\(rows) rows, \(inferredRows) inferred")
        // Numbers as the checker prints them, whole or not.
        for v in [0, -0.0, 7, -3, 12.5, -0.25, 1.0 / 3, 999_999_999_999_999, 1e15, -1e16, 4995.00004, 0.00005, 0.00015, -0.00004,
                  123_456_789_012.345_6, -99_999_999_999.999_9, 1e300, -.infinity, .nan, 10, 100_000, 1_000_000_000] {
            var out: [UInt8] = []
            ExportRecord.appendFormatted(v, to: &out)
            #expect(out == Array(ConsistencyChecker.format(v).utf8), "\(v)")
        }
    }
}
