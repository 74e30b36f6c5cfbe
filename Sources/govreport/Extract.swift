import ArgumentParser
import Foundation
import GovReportAnalyse
import GovReportRender
import GovReportCheck
import GovReportIngest

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
        let layout: ExportRecord.Layout = switch format {
        case .json: .jsonArray
        case .jsonl: .jsonLines
        case .csv: .csv
        }
        func write(_ handle: FileHandle) throws {
            var out = BufferedOutput(handle)
            try ExportRecord.stream(sorted, layout) { try out.write($0) }
            try out.flush()
        }
        if let output {
            // Through a temporary file beside it, renamed into place: never half a file.
            let url = URL(fileURLWithPath: output)
            let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).govreport-tmp")
            do {
                let descriptor = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                guard descriptor >= 0 else { throw CLIError("\(output): cannot write: \(String(cString: strerror(errno)))") }
                let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
                defer { try? handle.close() }
                try write(handle)
                guard rename(temp.path, url.path) == 0 else { throw CLIError("\(output): cannot write: \(String(cString: strerror(errno)))") }
            } catch let error as CLIError {
                try? FileManager.default.removeItem(at: temp)
                throw error
            } catch {
                try? FileManager.default.removeItem(at: temp)
                throw CLIError("\(output): cannot write: \(error.localizedDescription)")
            }
        } else {
            try write(FileHandle.standardOutput)
        }
        // Written: the reports are not freed piece by piece, the process ends here.
        Glibc.exit(EXIT_SUCCESS)
    }
}
