import ArgumentParser
import Foundation
import GovReportAnalyse
import GovReportRender

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
        let text: String = switch format {
        case .json: ExportRecord.jsonArray(sorted)
        case .jsonl: sorted.map { ExportRecord.json($0, pretty: false) + "\n" }.joined()
        case .csv: ExportRecord.csv(sorted)
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
