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
        options.limitThreads()
        let layout: ExportRecord.Layout = switch format {
        case .json: .jsonArray
        case .jsonl: .jsonLines
        case .csv: .csv
        }
        // The output is opened before reading: each report's record is made on the core that
        // read it and written, in the order of the reports' paths, while reading goes on.
        let destination = try Destination(output)
        let diagnostics: [Diagnostic]
        let written: Result<Void, any Error>
        do {
            var out = BufferedOutput(destination.handle)
            let stream = ExportRecord.OrderedStream(layout) { try out.write($0) }
            diagnostics = try options.streamReports(inPathOrder: { stream.add($0, $1) }).diagnostics
            written = Result { try stream.finish(); try out.flush() }
        } catch {
            destination.discard()
            throw error
        }
        options.print(diagnostics)
        do {
            try written.get()
            try destination.commit()
        } catch let error as CLIError {
            destination.discard()
            throw error
        } catch {
            destination.discard()
            throw CLIError("\(output ?? "standard output"): cannot write: \(error.localizedDescription)")
        }
        // Written: the diagnostics are not freed piece by piece, the process ends here. (What
        // was kept of the reports, without their figures, was freed when reading ended: 11 ms
        // at 50,000 reports, on one core.)
        withExtendedLifetime(diagnostics) { Glibc.exit(EXIT_SUCCESS) }
    }

    /// Where the export goes: standard output, or a temporary file beside the output that is
    /// renamed into place once it is whole (never half a file).
    struct Destination {
        let handle: FileHandle
        let output: String?
        let temp: String?

        init(_ output: String?) throws {
            self.output = output
            guard let output else {
                handle = FileHandle.standardOutput
                temp = nil
                return
            }
            let url = URL(fileURLWithPath: output)
            let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).govreport-tmp").path
            let descriptor = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { throw CLIError("\(output): cannot write: \(String(cString: strerror(errno)))") }
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            self.temp = temp
        }

        func commit() throws {
            guard let output, let temp else { return }
            do { try handle.close() } catch { throw CLIError("\(output): cannot write: \(error.localizedDescription)") }
            guard rename(temp, output) == 0 else { throw CLIError("\(output): cannot write: \(String(cString: strerror(errno)))") }
        }

        func discard() {
            guard let temp else { return }
            try? handle.close()
            unlink(temp)
        }
    }
}
