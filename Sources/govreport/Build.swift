import ArgumentParser
import Foundation
import GovReportIngest
import GovReportRender

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the static site from reports (default: the bundled samples into site/).")

    @OptionGroup var options: InputOptions

    @Option(name: .shortAndLong, help: "Output folder. Default: site/ (the package's site/ when building the bundled samples).")
    var output: String?

    @Option(help: "A folder of Mustache templates that replace the bundled ones by name (layout, index, report).")
    var templates: String?

    @Option(help: "A folder of Markdown notes: <agency name>.md for an agency's page, <report file name>.md for a report's. A .md file beside a report is used too.")
    var notes: String?

    @Flag(help: "Keep raw HTML in notes (only for notes you trust; it is dropped by default).")
    var allowHtmlNotes = false

    @Option(help: "Site settings (YAML: title, subtitle, base_url, language, lead_indicators). Default: govreport.yml in the current folder, if there is one.")
    var config: String?

    @Flag(help: "Make every page a single self-contained file (CSS inline) that can be mailed or attached.")
    var standalone = false

    @Flag(help: "Write into a non-empty output folder that govreport did not create.")
    var force = false

    @Flag(help: "Fail (exit 1) when any report has a warning or a broken rule.")
    var strict = false

    func run() throws {
        options.limitThreads()
        let root = try options.resourceRoot()
        let (paths, base) = options.resolved(root: root)
        let outputURL: URL = if let output { URL(fileURLWithPath: output) }
            else if options.inputs.isEmpty { root.appendingPathComponent("site") }
            else { URL(fileURLWithPath: "site") }
        let start = Date()
        do {
            var settings = SiteSettings()
            let configPath = config ?? (FileManager.default.fileExists(atPath: "govreport.yml") ? "govreport.yml" : nil)
            if let configPath { settings = try SiteSettings.load(from: URL(fileURLWithPath: configPath)) }
            settings.standalone = standalone
            var builder = try SiteBuilder(resources: root, templateOverrides: templates.map { URL(fileURLWithPath: $0) }, settings: settings)
            builder.notesFolder = notes.map { URL(fileURLWithPath: $0) }
            let bar = ProgressBar(enabled: !options.quiet && isatty(STDERR_FILENO) == 1)
            if bar.enabled { builder.progress = { bar.update($0) } }
            builder.allowHTMLInNotes = allowHtmlNotes
            builder.keepsMemory = true
            let inputURLs = paths.map { base?.appendingPathComponent($0) ?? URL(fileURLWithPath: $0) }
            let writer = SiteWriter(output: outputURL, force: force, inputs: inputURLs)
            let result: SiteBuilder.Outcome
            do {
                result = try builder.build(paths, relativeTo: base, into: writer)
            } catch {
                bar.finish()
                throw error
            }
            bar.finish()
            options.print(result.diagnostics)
            if result.reports.isEmpty { throw BuildError.noInputs }
            let summary = result.summary
            let warnings = result.diagnostics.filter { $0.severity >= .warning }.count
            let broken = result.reports.map(\.violations.count).reduce(0, +)
            if !options.quiet {
                let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
                let reused = result.reusedInputs > 0 ? ", \(result.reusedInputs) inputs unchanged" : ""
                FileHandle.standardError.write(Data(
                    "built \(result.reports.count) reports, \(result.pages) pages (\(summary.written) files written, \(summary.unchanged) unchanged, \(summary.removed) removed\(summary.kept > 0 ? ", \(summary.kept) not ours kept" : "")\(reused)), \(warnings) warnings, \(broken) broken rules in \(seconds) s → \(outputURL.path)\n".utf8))
            }
            if strict && (warnings > 0 || broken > 0) { throw ExitCode(1) }
            // The result is not freed piece by piece: the process ends here.
            Glibc.exit(EXIT_SUCCESS)
        } catch let error as BuildError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(3)
        }
    }
}
