import ArgumentParser
import Foundation
import GovReportIngest
import GovReportCheck
import GovReportRender

@main
struct GovReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "govreport",
        abstract: "Reads Chinese government open-information annual reports (政府信息公开工作年度报告), checks their figures and builds a static site.",
        discussion: """
        Exit status: 0 on success (warnings allowed), 1 when `check` finds a broken rule or \
        `--strict` finds a warning, 2 on usage errors, 3 when the build cannot complete.
        """,
        subcommands: [Build.self, Check.self, Extract.self, Sample.self, Bench.self],
        defaultSubcommand: Build.self
    )

    /// ArgumentParser's own exit code for usage errors is 64; the documented one is 2.
    static func main() {
        AllocatorTuning.applyByRestarting()
        if ProcessInfo.processInfo.environment["GOVREPORT_TIMING"] != nil {
            FileHandle.standardError.write(Data("timing: allocator \(AllocatorTuning.isTuned ? AllocatorTuning.variable + "=" + String(cString: getenv(AllocatorTuning.variable)) : "as started")\n".utf8))
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure || code.rawValue == 64 {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options shared by the commands that read reports.
struct InputOptions: ParsableArguments {
    @Argument(help: "Report files or folders (searched recursively for .txt, .html and .htm files). Default: the bundled samples in Resources/samples.")
    var inputs: [String] = []

    @Flag(name: .shortAndLong, help: "Print no diagnostics and no summary.")
    var quiet = false

    @Flag(help: "Also print notes (how metadata was found).")
    var verbose = false

    @Option(help: "Threads to read and write with (default: every core). 1 reads and writes in order on one thread; the output is the same bytes either way.")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The threads `--jobs` allows, for the rest of the run: set before any work starts.
    func limitThreads() { Parallel.limit(to: jobs) }

    func resourceRoot() throws -> URL {
        guard let root = ResourceLocator.root() else {
            throw CLIError("cannot find Resources/ and Templates/; run from the govreport folder or set GOVREPORT_HOME")
        }
        return root
    }

    /// The inputs to read and the folder their paths are relative to.
    func resolved(root: URL) -> (paths: [String], base: URL?) {
        inputs.isEmpty ? (["Resources/samples"], root) : (inputs, nil)
    }

    /// Reads, parses and checks the inputs, handing each report over as it is checked with its
    /// place in the order of their paths (`ReportReader.stream(_:relativeTo:inPathOrder:)`), as
    /// `extract` and `check` do: how many reports were recognised, and the diagnostics. Exit 3
    /// when the bundled resources cannot be loaded.
    func streamReports(inPathOrder each: @escaping @Sendable (Int, CheckedReport?) -> Void) throws -> (reports: Int, diagnostics: [Diagnostic]) {
        let root = try resourceRoot()
        let (paths, base) = resolved(root: root)
        let reader: ReportReader
        do {
            reader = try ReportReader(resources: root)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(3)
        }
        return reader.stream(paths, relativeTo: base, inPathOrder: each)
    }

    func print(_ diagnostics: [Diagnostic]) {
        guard !quiet else { return }
        var text = ""
        for d in diagnostics where verbose || d.severity >= .warning { text += d.description + "\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = "error: " + message }
}
