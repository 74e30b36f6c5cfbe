import ArgumentParser
import Foundation
import GovReportAnalyse
import GovReportCorpus
import GovReportRender
import GovReportIngest

/// Measures govreport on generated corpora, each phase a separate run of this binary (so
/// time and peak memory are the phase's own), with Hugo building the same reports as
/// Markdown pages side by side when it is installed.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark: full build, extract-only and incremental rebuild on generated corpora, beside Hugo.")

    @Option(help: "Corpus sizes, comma-separated.")
    var sizes = "1000,10000"

    @Option(help: "Generator seed.")
    var seed: UInt64 = 1

    @Option(help: "Working folder (corpora and sites are written here).")
    var work = ".build-bench"

    struct Measurement {
        var wall: Double
        var cpu: Double
        var peakMB: Double
    }

    func run() throws {
        let workURL = URL(fileURLWithPath: work)
        try FileManager.default.createDirectory(at: workURL, withIntermediateDirectories: true)
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        let hugo = ["/usr/bin/hugo", "/usr/local/bin/hugo"].first { FileManager.default.isExecutableFile(atPath: $0) }
        var table = "reports  phase            wall s   cpu s  peak MB   pages   MB/s  ÷hugo\n"
        for size in sizes.split(separator: ",").compactMap({ Int($0) }) {
            let corpus = workURL.appendingPathComponent("corpus-\(size)")
            if !FileManager.default.fileExists(atPath: corpus.appendingPathComponent("truth.jsonl").path) {
                _ = try CorpusGenerator(options: .init(count: size, seed: seed)).write(to: corpus)
            }
            let megabytes = Double(folderSize(corpus)) / 1_048_576
            let site = workURL.appendingPathComponent("site-\(size)")
            try? FileManager.default.removeItem(at: site)

            var hugoTime: Double?
            if let hugo {
                let hugoSite = try makeHugoSite(corpus: corpus, at: workURL.appendingPathComponent("hugo-\(size)"))
                let m = try measure([hugo, "--quiet", "--source", hugoSite.path, "--destination", hugoSite.appendingPathComponent("public").path])
                hugoTime = m.wall
                table += row(size, "hugo build", m, pages: size, mb: megabytes, hugo: nil)
            }
            let full = try measure([me, "build", "-q", corpus.path, "--output", site.path])
            let pages = ((try? FileManager.default.subpathsOfDirectory(atPath: site.path)) ?? []).filter { $0.hasSuffix(".html") }.count
            table += row(size, "full build", full, pages: pages, mb: megabytes, hugo: hugoTime)
            let extract = try measure([me, "extract", "-q", corpus.path, "--format", "jsonl", "--output", workURL.appendingPathComponent("x.jsonl").path])
            table += row(size, "extract only", extract, pages: 0, mb: megabytes, hugo: hugoTime)
            // One report changes; the rebuild should rewrite only what that touches.
            let changed = try FileManager.default.subpathsOfDirectory(atPath: corpus.path).sorted().first { $0.hasSuffix(".txt") }!
            let url = corpus.appendingPathComponent(changed)
            let original = try Data(contentsOf: url)
            try (original + Data("\n补充说明：本报告已更正。\n".utf8)).write(to: url)
            let incremental = try measure([me, "build", "-q", corpus.path, "--output", site.path])
            try original.write(to: url)
            table += row(size, "incremental", incremental, pages: pages, mb: megabytes, hugo: hugoTime)
        }
        print(table, terminator: "")
        if hugo == nil { print("(hugo is not installed: apt-get install hugo to compare)") }
    }

    func row(_ size: Int, _ phase: String, _ m: Measurement, pages: Int, mb: Double, hugo: Double?) -> String {
        let ratio = hugo.map { String(format: "%6.2f", m.wall / $0) } ?? "     —"
        return String(format: "%7d  %-14@ %8.2f %7.2f %8.0f %7d %6.1f ", size, phase as NSString, m.wall, m.cpu, m.peakMB, pages, mb / m.wall) + ratio + "\n"
    }

    /// Runs a command to completion and returns its wall time, CPU time and peak memory
    /// (from `wait4`'s resource usage of that child alone).
    func measure(_ command: [String]) throws -> Measurement {
        let start = Date()
        var pid: pid_t = 0
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard posix_spawn(&pid, command[0], &actions, nil, argv, environ) == 0 else { throw CLIError("cannot run \(command[0])") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Measurement(wall: Date().timeIntervalSince(start), cpu: cpu, peakMB: Double(usage.ru_maxrss) / 1024)
    }

    func folderSize(_ url: URL) -> Int {
        ((try? FileManager.default.subpathsOfDirectory(atPath: url.path)) ?? []).reduce(0) { total, path in
            total + (((try? FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(path).path))?[.size] as? Int) ?? 0)
        }
    }

    /// The same reports as Hugo content: each report's text as a Markdown page with its
    /// applications table as a Markdown table, under a trivial layout.
    func makeHugoSite(corpus: URL, at folder: URL) throws -> URL {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder.appendingPathComponent("config.toml").path) { return folder }
        try fm.createDirectory(at: folder.appendingPathComponent("content/reports"), withIntermediateDirectories: true)
        try fm.createDirectory(at: folder.appendingPathComponent("layouts/_default"), withIntermediateDirectories: true)
        try Data("baseURL = \"/\"\ntitle = \"bench\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n".utf8)
            .write(to: folder.appendingPathComponent("config.toml"))
        try Data("<html><body>{{ .Content }}</body></html>".utf8).write(to: folder.appendingPathComponent("layouts/_default/single.html"))
        try Data("<html><body>{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</body></html>".utf8)
            .write(to: folder.appendingPathComponent("layouts/_default/list.html"))
        let (reports, _) = try SiteBuilder(resources: try resourceRoot()).read([corpus.path])
        for (n, checked) in reports.enumerated() {
            let raw = (try? String(contentsOf: URL(fileURLWithPath: checked.report.source), encoding: .utf8)) ?? ""
            var md = "---\ntitle: \"\(n)\"\n---\n\n"
            md += raw.split(separator: "\n").filter { !$0.contains("\t") }.joined(separator: "\n\n") + "\n\n"
            md += "| 行 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n"
            for row in ["new", "carried_over", "disclosed", "partially_disclosed", "outcome_total", "carried_forward"] {
                let cells = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"]
                    .map { checked.value("applications.\(row).\($0)").map(NumberFormat.count) ?? "" }
                md += "| \(row) | " + cells.joined(separator: " | ") + " |\n"
            }
            try Data(md.utf8).write(to: folder.appendingPathComponent("content/reports/r\(n).md"))
        }
        return folder
    }

    func resourceRoot() throws -> URL {
        guard let root = ResourceLocator.root() else { throw CLIError("cannot find Resources/") }
        return root
    }
}
