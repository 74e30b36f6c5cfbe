import ArgumentParser
import Foundation
import GovReportAnalyse
import GovReportCheck
import GovReportIngest
import GovReportRender
import Synchronization

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check reports against the consistency rules; exit 1 when any rule is broken.")

    @OptionGroup var options: InputOptions

    @Flag(help: "Print one JSON object with every report's violations and warnings instead of diagnostics.")
    var json = false

    func run() throws {
        options.limitThreads()
        // Each report handed over as it is checked and kept without its figures (the inferred
        // ones kept: `--json` lists them): what is printed needs no more, and holding every
        // report whole was most of a check's memory (293 MB at 50,000 reports).
        let kept = Mutex<[Int: CheckedReport]>([:])
        let diagnostics = try options.streamReports(inPathOrder: { place, checked in
            guard let checked else { return }
            let summary = checked.withoutFigures(keepingInferred: true)
            kept.withLock { $0[place] = summary }
        }).diagnostics
        let reports = kept.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
        let broken = reports.map(\.violations.count).reduce(0, +)
        let failing = reports.filter { !$0.violations.isEmpty }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count - broken
        let errors = diagnostics.filter { $0.severity == .error }.count
        if json {
            let records = reports.sorted { $0.report.source < $1.report.source }.map { r -> [String: Any] in
                let o = ExportRecord.object(r)
                return ["source": o["source"]!, "agency": o["agency"]!, "year": o["year"]!, "violations": o["violations"]!,
                        "warnings": o["warnings"]!, "inferred": o["inferred"]!]
            }
            let unreadable = diagnostics.filter { $0.severity == .error }.map { ["source": $0.location.path, "message": $0.message] }
            let object: [String: Any] = ["reports": records, "unreadable": unreadable,
                                         "summary": ["reports": reports.count, "broken_rules": broken, "reports_with_broken_rules": failing,
                                                     "warnings": warnings, "unreadable": errors]]
            print(ExportRecord.json(object))
        } else {
            options.print(diagnostics)
            if !options.quiet {
                FileHandle.standardError.write(Data(
                    "checked \(reports.count) reports: \(broken) broken rules in \(failing) reports, \(warnings) warnings, \(errors) unreadable files\n".utf8))
            }
        }
        if broken > 0 { throw ExitCode(1) }
    }
}
