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
        // Records are made on every core, in order (the same bytes as one thread).
        // (As bytes, the form they are made in and written in: a String in between was
        // validated and copied for nothing.)
        // Each kept at its own size until written (the writers' buffers have room to spare).
        func records(_ make: (CheckedReport) -> [UInt8]) -> [[UInt8]] {
            sorted.parallelMap { report in
                let made = make(report)
                return [UInt8](unsafeUninitializedCapacity: made.count) { buffer, count in
                    count = buffer.initialize(fromContentsOf: made)
                }
            }
        }
        // The pieces in order: written one after the other, not joined into one more copy.
        let pieces: [[UInt8]] = switch format {
        case .json: ExportRecord.jsonArrayPieces(records(ExportRecord.jsonRecordBytes))
        case .jsonl: records { var line = ExportRecord.jsonBytes($0, pretty: false); line.append(0x0A); return line }
        case .csv: [Array(ExportRecord.csvHeader.utf8)] + records(ExportRecord.csvRowBytes)
        }
        func write(_ handle: FileHandle) throws {
            var out = BufferedOutput(handle)
            for piece in pieces { try out.write(piece) }
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
