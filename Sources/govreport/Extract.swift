import ArgumentParser
import Foundation
import GovReportAnalyse
import GovReportRender
import GovReportCheck
import Synchronization

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every report's figures as JSON, JSON Lines or long-form CSV (schema in the README).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, jsonl, csv }

    @OptionGroup var options: InputOptions

    @Option(help: "json (an array), jsonl (one record per line) or csv (one row per report and figure).")
    var format: Format = .json

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let (reports, diagnostics) = try options.readReports()
        options.print(diagnostics)
        let sorted = reports.sorted { $0.report.source < $1.report.source }
        // Records are made on every core, then joined in order (the same bytes as one thread).
        func records(_ make: @escaping @Sendable (CheckedReport) -> String) -> [String] {
            let made = Mutex<[String]>(Array(repeating: "", count: sorted.count))
            let chunk = 64
            DispatchQueue.concurrentPerform(iterations: (sorted.count + chunk - 1) / chunk) { c in
                let range = c * chunk..<min(sorted.count, c * chunk + chunk)
                let texts = range.map { make(sorted[$0]) }
                made.withLock { all in for (i, t) in zip(range, texts) { all[i] = t } }
            }
            return made.withLock { $0 }
        }
        let text: String = switch format {
        case .json: sorted.isEmpty ? ExportRecord.jsonArray([]) : "[\n  " + records(ExportRecord.jsonRecord).joined(separator: ",\n  ") + "\n]\n"
        case .jsonl: records { ExportRecord.json($0, pretty: false) + "\n" }.joined()
        case .csv: ExportRecord.csvHeader + records(ExportRecord.csvRows).joined()
        }
        if let output {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                throw CLIError("\(output): cannot write: \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
