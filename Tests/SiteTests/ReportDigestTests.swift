import Foundation
@testable import GovReportRender
@testable import GovReportCheck
import GovReportIngest
import GovReportParse
import TestSupport
import Testing

/// The cache keeps what reading a file gave in two places that list the report's fields one
/// by one: its archive (what a rebuild reads back) and its digest (what decides which pages
/// are made again). A field missing from either would make rebuilds silently stale.
@Suite struct ReportDigestTests {
    static func roundTrip(_ checked: CheckedReport) throws -> CheckedReport {
        var writer = ArchiveWriter()
        writer.outcome(.report(checked))
        var reader = try #require(ArchiveReader(writer.finished(magic: "test\n"), magic: "test\n"))
        guard case .report(let back) = try reader.outcome() else { throw ArchiveReader.Malformed() }
        return back
    }

    static func digest(_ c: CheckedReport) -> UInt64 { ReportDigest.of(.report(c)) }

    @Test func everyFieldReachesTheDigestAndSurvivesTheArchive() throws {
        // A tripwire: a new stored field must be added to ReportArchive, ReportDigest and here.
        #expect(Mirror(reflecting: Report(source: "")).children.compactMap(\.label) == [
            "source", "agency", "region", "year", "edition", "published", "titleLine", "figures",
            "sectionLines", "sectionNumbers", "diagnostics", "isRecognised"])
        // Sample 000 has inferred figures, so every part of a checked report is filled.
        let checked = Fixtures.sample("000")
        #expect(!checked.inferred.isEmpty && !checked.report.diagnostics.isEmpty)
        // (The parts are kept in one shared storage, which must hold exactly these.)
        #expect(Mirror(reflecting: checked).children.compactMap(\.label) == ["storage"])
        #expect(Mirror(reflecting: checked.storage).children.compactMap(\.label) == ["report", "inferred", "violations"])
        #expect(Self.digest(try Self.roundTrip(checked)) == Self.digest(checked))

        let key = try #require(checked.report.figures.keys.sorted().first)
        let changes: [(String, (inout Report) -> Void)] = [
            ("source", { $0.source += "x" }),
            ("agency", { $0.agency = Agency(name: "某机关", printedName: "机关", source: .signature) }),
            ("agency printed name", { $0.agency?.printedName = "又一名称" }),
            ("region", { $0.region.street = "某街道" }),
            ("year", { $0.year = ($0.year ?? 0) + 1 }),
            ("edition", { $0.edition = $0.edition == .format2019 ? .format2021 : .format2019 }),
            ("published", { $0.published = "1999-12-31" }),
            ("title line", { $0.titleLine = ($0.titleLine ?? 0) + 7 }),
            ("figure value", { $0.figures[key]!.value = ($0.figures[key]!.value ?? 0) + 1 }),
            ("figure line", { $0.figures[key]!.line += 1 }),
            ("figure origin", { $0.figures[key] = Figure($0.figures[key]!.value, line: $0.figures[key]!.line, origin: .prose) }),
            ("new figure", { $0.figures["applications.test.total"] = Figure(3, line: 1) }),
            ("section line", { $0.sectionLines[.reviews] = ($0.sectionLines[.reviews] ?? 0) + 1 }),
            ("section number", { $0.sectionNumbers[.reviews] = "九" }),
            ("diagnostic", { $0.diagnostics.append(Diagnostic(.warning, SourceLocation(path: "a", line: 2), "m")) }),
            ("recognised", { $0.isRecognised.toggle() }),
        ]
        let before = Self.digest(checked)
        for (name, change) in changes {
            var report = checked.report
            change(&report)
            let changed = CheckedReport(report: report, inferred: checked.inferred, violations: checked.violations)
            #expect(Self.digest(changed) != before, "the digest does not see \(name)")
            #expect(Self.digest(try Self.roundTrip(changed)) == Self.digest(changed), "the archive loses \(name)")
        }
        let inferred = CheckedReport(report: checked.report,
                                     inferred: checked.inferred.merging(["applications.x.total": .init(value: 2, rule: 1, reason: "r")]) { a, _ in a },
                                     violations: checked.violations)
        let violated = CheckedReport(report: checked.report, inferred: checked.inferred,
                                     violations: checked.violations + [Violation(rule: 3, message: "m", keys: ["k"], location: SourceLocation(path: "p", line: 4))])
        for (name, changed) in [("inference", inferred), ("violation", violated)] {
            #expect(Self.digest(changed) != before, "the digest does not see a new \(name)")
            #expect(Self.digest(try Self.roundTrip(changed)) == Self.digest(changed), "the archive loses a \(name)")
        }
    }

    /// The archive tells strings apart by their bytes: two spellings of one text (composed
    /// and decomposed) come back each as it was written, and equal strings share an entry.
    @Test func stringsComeBackByteForByte() throws {
        let sample = Fixtures.sample("000")
        let composed = "某局\u{00E9}办公室", decomposed = "某局e\u{0301}办公室"
        #expect(composed == decomposed && Array(composed.utf8) != Array(decomposed.utf8))
        var report = sample.report
        report.source = composed
        report.agency = Agency(name: decomposed, printedName: composed, source: .signature)
        let checked = CheckedReport(report: report, inferred: sample.inferred, violations: sample.violations)
        let back = try Self.roundTrip(checked)
        #expect(Array(back.report.source.utf8) == Array(composed.utf8))
        #expect(Array(back.report.agency!.name.utf8) == Array(decomposed.utf8))
        #expect(Array(back.report.agency!.printedName!.utf8) == Array(composed.utf8))
        var writer = ArchiveWriter()
        #expect(writer.intern(composed) != writer.intern(decomposed))
        #expect(writer.intern("某局") == writer.intern(String("某局某".dropLast())))
        #expect(writer.table.count == 3)
    }
}
