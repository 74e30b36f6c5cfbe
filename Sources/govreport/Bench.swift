import ArgumentParser
import Foundation
import GovReportCorpus
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

    /// Makes the corpora and Hugo sites, then stops. The measuring process runs this in a
    /// child so that it stays small itself: a child's peak memory as the kernel reports it
    /// starts from its parent's size at the time of the spawn.
    @Flag(help: .hidden)
    var prepareOnly = false

    struct Measurement {
        var wall: Double
        var cpu: Double
        var peakMB: Double
    }

    @Option(help: "An earlier govreport binary to measure alternately with this one, phase for phase, with the ratio of the two printed after the table.")
    var baseline: String?

    @Option(help: "Rounds per size: each measures Hugo and the builds again (with --baseline, in alternating order); without --baseline, more than one round ends with each phase's mean and median and its ratio to Hugo's time round by round.")
    var rounds = 1

    static func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }

    static func median(_ xs: [Double]) -> Double {
        let x = xs.sorted()
        return x.count % 2 == 1 ? x[x.count / 2] : (x[x.count / 2 - 1] + x[x.count / 2]) / 2
    }

    /// Each round's time over Hugo's time in the same round (rounds without Hugo left out).
    static func hugoRatios(_ ms: [(Measurement, Double?)]) -> [Double] {
        ms.compactMap { m, hugo in hugo.map { m.wall / $0 } }
    }

    /// The phases of one govreport binary on one corpus, in order.
    static let phaseNames = ["full build", "extract only", "rebuild, no change", "rebuild, 1 changed"]

    func run() throws {
        let workURL = URL(fileURLWithPath: work)
        try FileManager.default.createDirectory(at: workURL, withIntermediateDirectories: true)
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        let base = baseline.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        if let base, !FileManager.default.isExecutableFile(atPath: base) { throw CLIError("\(base): not an executable") }
        let hugo = ["/usr/bin/hugo", "/usr/local/bin/hugo"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let cmark = ["/usr/bin/cmark", "/usr/local/bin/cmark"].first { FileManager.default.isExecutableFile(atPath: $0) }
        var table = "reports  phase              wall s   cpu s  peak MB   pages   MB/s  ÷hugo" + (base == nil ? "\n" : "  build\n")
        // Per size and phase, each build's measurements and Hugo's time in the same round.
        var compared: [(size: Int, phase: String, base: [(Measurement, Double?)], this: [(Measurement, Double?)])] = []
        // Output folders of earlier runs are removed only after every measurement of this one:
        // creating thousands of files soon after deleting thousands makes ext4 skip the
        // recently freed inodes one by one (for a minute or more), and that would be measured
        // too. (Runs started right after one another still pay for the one before's removal.)
        var stale: [URL] = []
        defer { for old in stale { try? FileManager.default.removeItem(at: old) } }
        let sizeList = sizes.split(separator: ",").compactMap { Int($0) }
        if prepareOnly {
            for size in sizeList {
                let corpus = workURL.appendingPathComponent("corpus-\(size)")
                if !FileManager.default.fileExists(atPath: corpus.appendingPathComponent("truth.jsonl").path) {
                    _ = try CorpusGenerator(options: .init(count: size, seed: seed)).write(to: corpus)
                }
                if hugo != nil { _ = try makeHugoSite(corpus: corpus, at: Self.hugoFolder(workURL, size)) }
            }
            return
        }
        // Every size's corpus and Hugo site made first; then the sizes measured round by round,
        // each round going through every size, so that the machine's drift over minutes falls
        // on every size alike (measured size after size, the cost of 50,000 reports over that
        // of 10,000 in a full build swung from 5.1 to 6.1 on one machine in one afternoon).
        var corpora: [(size: Int, corpus: URL, megabytes: Double, hugoSite: URL)] = []
        for size in sizeList {
            let corpus = workURL.appendingPathComponent("corpus-\(size)")
            _ = try measure([me, "bench", "--prepare-only", "--sizes", String(size), "--seed", String(seed), "--work", work])
            let megabytes = Double(folderSize(corpus)) / 1_048_576
            // Earlier runs' folders (this run's stay, for a look, until the next run).
            let hugoSite = Self.hugoFolder(workURL, size)
            stale += ((try? FileManager.default.contentsOfDirectory(atPath: workURL.path)) ?? [])
                .filter { $0.hasPrefix("site-\(size)-") }.map { workURL.appendingPathComponent($0) }
            stale += ((try? FileManager.default.contentsOfDirectory(atPath: hugoSite.path)) ?? [])
                .filter { $0.hasPrefix("public") }.map { hugoSite.appendingPathComponent($0) }
            // The Hugo site of the text-only pages, before `HugoPage`: no longer used.
            let textOnly = workURL.appendingPathComponent("hugo-\(size)")
            if FileManager.default.fileExists(atPath: textOnly.appendingPathComponent("config.toml").path) { stale.append(textOnly) }
            corpora.append((size, corpus, megabytes, hugoSite))
        }
        compared = corpora.flatMap { c in Self.phaseNames.map { (size: c.size, phase: $0, base: [(Measurement, Double?)](), this: [(Measurement, Double?)]()) } }
        for round in 0..<max(1, rounds) {
            for (k, (size, corpus, megabytes, hugoSite)) in corpora.enumerated() {
                // This size's output folders (ours and Hugo's) in this round, for a work folder in memory.
                var made: [URL] = []
                // Each full build (ours and Hugo's) goes to a folder of its own.
                let run = UUID().uuidString.prefix(8)
                var hugoTime: Double?
                if let hugo {
                    let published = hugoSite.appendingPathComponent("public-\(run)")
                    made.append(published)
                    let m = try measure([hugo, "--quiet", "--source", hugoSite.path, "--destination", published.path])
                    hugoTime = m.wall
                    table += row(size, "hugo build", m, pages: size, mb: megabytes, hugo: nil) + "\n"
                    if let cmark {
                        // The floor for rendering: cmark alone over the same Markdown.
                        let floor = try measure(["/bin/sh", "-c", "find '\(hugoSite.path)/content' -name '*.md' -print0 | xargs -0 -P 2 -n 500 \(cmark) > /dev/null"])
                        table += row(size, "cmark floor", floor, pages: size, mb: megabytes, hugo: hugoTime) + "\n"
                    }
                }
                // With a baseline, the two builds take turns going first.
                var builds: [(label: String, executable: String)] = [("this", me)]
                if let base { builds.insert(("base", base), at: round % 2 == 0 ? 0 : 1) }
                for build in builds {
                    let site = workURL.appendingPathComponent("site-\(size)-\(run)-\(build.label)")
                    made.append(site)
                    let measured = try phases(build.executable, corpus: corpus, site: site, extractTo: workURL.appendingPathComponent("x.jsonl"))
                    for (i, (m, pages)) in measured.enumerated() {
                        table += row(size, Self.phaseNames[i], m, pages: pages, mb: megabytes, hugo: hugoTime)
                            + (base == nil ? "\n" : "  \(build.label)\n")
                        let at = k * Self.phaseNames.count + i
                        if build.label == "base" { compared[at].base.append((m, hugoTime)) } else { compared[at].this.append((m, hugoTime)) }
                    }
                }
                // In a folder in memory (tmpfs) this size's sites go as soon as it is measured: they
                // hold the memory the next size's builds and Hugo need (at 50,000 the sites of the
                // sizes before, and of earlier runs, left Hugo 9 GB: 212 s instead of 35), and
                // tmpfs frees files without ext4's penalty on the files made next.
                if Self.inMemory(workURL) {
                    // (And the extraction's output: 0.3 GB at 50,000.)
                    for folder in made + [workURL.appendingPathComponent("x.jsonl")] { try? FileManager.default.removeItem(at: folder) }
                }
            }
        }
        print(table, terminator: "")
        if base != nil {
            print("\nthis build against the baseline (means over \(max(1, rounds)) round(s); below 1 is faster):")
            print("reports  phase               wall base  wall this   ÷hugo base  ÷hugo this   cpu this/base")
            for c in compared where !c.base.isEmpty && !c.this.isEmpty {
                func meanRatio(_ ms: [(Measurement, Double?)]) -> Double? {
                    let r = Self.hugoRatios(ms)
                    return r.isEmpty ? nil : Self.mean(r)
                }
                let wb = Self.mean(c.base.map(\.0.wall)), wt = Self.mean(c.this.map(\.0.wall))
                let cpu = Self.mean(c.this.map(\.0.cpu)) / Self.mean(c.base.map(\.0.cpu))
                let hb = meanRatio(c.base).map { String(format: "%6.2f", $0) } ?? "     —"
                let ht = meanRatio(c.this).map { String(format: "%6.2f", $0) } ?? "     —"
                print(String(format: "%7d  ", c.size) + c.phase.padding(toLength: 18, withPad: " ", startingAt: 0)
                      + String(format: " %9.2f  %9.2f       ", wb, wt) + hb + "      " + ht + String(format: "        %5.2f", cpu))
            }
        }
        if base == nil && rounds > 1 {
            // One run's ratio to Hugo swings by a fifth on a shared machine: over several
            // rounds, each round's ratio (its time over Hugo's in the same round) summarised.
            print("\nover \(rounds) rounds (÷hugo: each round's time over Hugo's time in that round):")
            print("reports  phase               wall mean  wall median   ÷hugo mean  ÷hugo median  ÷hugo range")
            for c in compared where !c.this.isEmpty {
                let walls = c.this.map(\.0.wall)
                let ratios = Self.hugoRatios(c.this)
                var line = String(format: "%7d  ", c.size) + c.phase.padding(toLength: 18, withPad: " ", startingAt: 0)
                    + String(format: " %9.2f  %11.2f", Self.mean(walls), Self.median(walls))
                if ratios.isEmpty {
                    line += "            —             —            —"
                } else {
                    line += String(format: "       %6.2f        %6.2f  %5.2f–%.2f", Self.mean(ratios), Self.median(ratios),
                                   ratios.min()!, ratios.max()!)
                }
                print(line)
            }
        }
        if corpora.count > 1 {
            // How the cost grows with the corpus: each size's mean time over the next smaller
            // size's (linear: the sizes' ratio), for this build and for Hugo.
            let order = corpora.indices.sorted { corpora[$0].size < corpora[$1].size }
            print("\ncost against corpus size (means over \(max(1, rounds)) round(s) of wall time; linear is the sizes' ratio):")
            print("sizes              ×size  hugo build" + Self.phaseNames.map { "  " + $0 }.joined())
            // (Hugo's time in each round is kept beside every phase's measurement of the round.)
            func hugoTimes(_ k: Int) -> [Double] { compared[k * Self.phaseNames.count].this.compactMap(\.1) }
            for (small, large) in zip(order, order.dropFirst()) {
                var line = "\(corpora[large].size) ÷ \(corpora[small].size)".padding(toLength: 17, withPad: " ", startingAt: 0)
                    + String(format: " %6.2f", Double(corpora[large].size) / Double(corpora[small].size))
                line += hugoTimes(small).isEmpty ? "           —"
                    : String(format: " %11.2f", Self.mean(hugoTimes(large)) / Self.mean(hugoTimes(small)))
                for (i, phase) in Self.phaseNames.enumerated() {
                    let a = compared[small * Self.phaseNames.count + i].this.map(\.0.wall)
                    let b = compared[large * Self.phaseNames.count + i].this.map(\.0.wall)
                    line += String(format: " %\(phase.count + 1).2f", Self.mean(b) / Self.mean(a))
                }
                print(line)
            }
        }
        if let k = corpora.firstIndex(where: { $0.size == BenchTargets.size }) {
            func walls(_ k: Int, _ phase: Int) -> [Double] { compared[k * Self.phaseNames.count + phase].this.map(\.0.wall) }
            let phases = (0..<Self.phaseNames.count).map { compared[k * Self.phaseNames.count + $0].this }
            let rounds = phases[0].indices.map { r in
                BenchTargets.Round(fullBuild: phases[0][r].0.wall, hugo: phases[0][r].1, extract: phases[1][r].0.wall,
                                   rebuildOneChanged: phases[3][r].0.wall, peakMB: phases.map { $0[r].0.peakMB }.max()!)
            }
            // Round by round: each round's larger-size time over its own 10,000-report time.
            let growth = corpora.firstIndex(where: { $0.size == BenchTargets.largerSize }).map { l in
                zip(zip(walls(l, 0), walls(k, 0)), zip(walls(l, 1), walls(k, 1))).map { full, extract in
                    (fullBuild: full.0 / full.1, extract: extract.0 / extract.1)
                }
            } ?? []
            print(BenchTargets.table(BenchTargets.judge(megabytes: corpora[k].megabytes, rounds: rounds, growth: growth), rounds: rounds.count),
                  terminator: "")
        }
        if hugo == nil { print("(hugo is not installed: apt-get install hugo to compare)") }
        if cmark == nil { print("(the cmark program is not installed: apt-get install cmark for the rendering floor)") }
    }

    /// One binary's phases on a corpus, each a process of its own: a full build into `site`
    /// (which must not exist), extraction, a rebuild with nothing changed, and a rebuild after
    /// one report is corrected (put back afterwards, and the site brought back with it).
    func phases(_ executable: String, corpus: URL, site: URL, extractTo output: URL) throws -> [(Measurement, Int)] {
        let full = try measure([executable, "build", "-q", corpus.path, "--output", site.path])
        let pages = ((try? FileManager.default.subpathsOfDirectory(atPath: site.path)) ?? []).filter { $0.hasSuffix(".html") }.count
        let extract = try measure([executable, "extract", "-q", corpus.path, "--format", "jsonl", "--output", output.path])
        let same = try measure([executable, "build", "-q", corpus.path, "--output", site.path])
        // One report corrected: a figure of its table changes, as when a body re-issues it.
        let files = try FileManager.default.subpathsOfDirectory(atPath: corpus.path).sorted().filter { $0.hasSuffix(".txt") }
        var url = corpus.appendingPathComponent(files[0])
        var original = try Data(contentsOf: url)
        var edit: Data?
        for file in files.prefix(50) {
            url = corpus.appendingPathComponent(file)
            original = try Data(contentsOf: url)
            edit = Self.corrected(original)
            if edit != nil { break }
        }
        try (edit ?? original + Data("\n本年度共收到政府信息公开申请 1 件。\n".utf8)).write(to: url)
        let incremental = try measure([executable, "build", "-q", corpus.path, "--output", site.path])
        try original.write(to: url)
        _ = try measure([executable, "build", "-q", corpus.path, "--output", site.path])
        return [(full, pages), (extract, 0), (same, pages), (incremental, pages)]
    }

    /// The report with one figure of a tab-separated table changed (the first whole number
    /// between tabs goes up by one); nil when the report has no such table.
    static func corrected(_ data: Data) -> Data? {
        var text = String(decoding: data, as: UTF8.self)
        guard let r = text.range(of: #"(?<=\t)\d+(?=\t|\n)"#, options: .regularExpression), let n = Int(text[r]) else { return nil }
        text.replaceSubrange(r, with: String(n + 1))
        return Data(text.utf8)
    }

    func row(_ size: Int, _ phase: String, _ m: Measurement, pages: Int, mb: Double, hugo: Double?) -> String {
        let ratio = hugo.map { String(format: "%6.2f", m.wall / $0) } ?? "     —"
        return String(format: "%7d  ", size) + phase.padding(toLength: 18, withPad: " ", startingAt: 0)
            + String(format: " %8.2f %7.2f %8.0f %7d %6.1f ", m.wall, m.cpu, m.peakMB, pages, mb / m.wall) + ratio
    }

    /// Runs a command to completion and returns its wall time, CPU time and peak memory
    /// (from `wait4`'s resource usage of that child alone).
    func measure(_ command: [String]) throws -> Measurement {
        // Each phase starts with the files the one before wrote on disk: a full build leaves
        // 0.6 GB of pages for the kernel to write back, which otherwise falls on the next
        // phase (10,000 reports' extraction right after a full build: 3.65 s, three runs'
        // mean; after a sync: 3.47 s — within this machine's noise, but always one way).
        Self.settle()
        let start = Date()
        var pid: pid_t = 0
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let environment = AllocatorTuning.userEnvironment().map { strdup($0) } + [nil]
        defer { environment.forEach { free($0) } }
        guard posix_spawn(&pid, command[0], &actions, nil, argv, environment) == 0 else { throw CLIError("cannot run \(command[0])") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Measurement(wall: Date().timeIntervalSince(start), cpu: cpu, peakMB: Double(usage.ru_maxrss) / 1024)
    }

    /// Writes back what earlier phases left in the page cache, outside any measurement.
    static func settle() { sync() }

    /// The bytes of the report files in a corpus (what a build reads), not of the generator's
    /// `truth.jsonl` beside them.
    func folderSize(_ url: URL) -> Int {
        ((try? FileManager.default.subpathsOfDirectory(atPath: url.path)) ?? [])
            .filter { InputCollector.reportExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .reduce(0) { total, path in
            total + (((try? FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(path).path))?[.size] as? Int) ?? 0)
        }
    }

    /// The same reports as Hugo content: each report's text as a Markdown page with its
    /// tables as Markdown tables (`HugoPage`), under a trivial layout.
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
        // The corpus's report files as the builds find them, each read as the reader reads it
        // (parsing them, as this once did to find the files, took longer than Hugo's build).
        let (inputs, errors) = InputCollector().collect([corpus.path])
        if let error = errors.first { throw CLIError("\(error)") }
        for (n, input) in inputs.enumerated() {
            let source = try SourceText.load(fileAt: input.url, displayPath: input.displayPath)
            try Data(HugoPage.markdown(title: String(n), lines: source.lines, cellPerLine: source.originalLines != nil).utf8)
                .write(to: folder.appendingPathComponent("content/reports/r\(n).md"))
        }
        return folder
    }

    /// Where the Hugo site for a size is made; named for the way its pages are made, so that a
    /// site made the earlier way (text only) is not taken for one.
    static func hugoFolder(_ work: URL, _ size: Int) -> URL {
        work.appendingPathComponent("hugo-tables-\(size)")
    }

    /// Whether the folder is on tmpfs (its files are memory): the file system of the longest
    /// mount point in /proc/mounts that holds it. False where there is no such file.
    static func inMemory(_ folder: URL) -> Bool {
        guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else { return false }
        let path = folder.resolvingSymlinksInPath().path
        var best: (length: Int, type: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let point = fields[1].replacingOccurrences(of: "\\040", with: " ")
            let holds = point == "/" || path == point || path.hasPrefix(point + "/")
            if holds, point.count > (best?.length ?? -1) { best = (point.count, String(fields[2])) }
        }
        return best?.type == "tmpfs"
    }
}
