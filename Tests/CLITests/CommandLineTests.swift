import Foundation
import GovReportAnalyse
import GovReportCorpus
import GovReportRender
import TestSupport
import Testing

/// The `govreport` binary run as a user runs it: exit status, diagnostics on standard error,
/// machine formats on standard output.
@Suite struct CommandLineTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable next to the test bundle in the build folder.
    static let binary: URL = {
        var url = Bundle.main.bundleURL
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: url.appendingPathComponent("govreport").path) {
            url = url.deletingLastPathComponent()
        }
        return url.appendingPathComponent("govreport")
    }()

    static func run(_ arguments: [String], in folder: URL = Fixtures.root, environment: [String: String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func checkOnCleanSamplesExitsZeroWithSummary() throws {
        let r = try Self.run(["check"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("Resources/samples/000_24d319d9b4c5a884.txt:36: warning: applications table, row new"))
        #expect(r.stderr.hasSuffix("checked 5 reports: 0 broken rules in 0 reports, 11 warnings, 0 unreadable files\n"))
    }

    /// The program restarts itself once with its allocator settings, unless the user set
    /// `GLIBC_TUNABLES` (empty included); what it starts gets the user's environment back.
    @Test func restartsOnceWithItsAllocatorSettingsUnlessTheUserSetThem() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["GLIBC_TUNABLES"] = nil
        environment["GOVREPORT_ALLOCATOR_TUNED"] = nil
        environment["GOVREPORT_TIMING"] = "1"
        let tuned = try Self.run(["check", "-q"], environment: environment)
        #expect(tuned.status == 0)
        let lines = tuned.stderr.split(separator: "\n").filter { $0.hasPrefix("timing: allocator") }
        #expect(lines == ["timing: allocator GLIBC_TUNABLES=glibc.malloc.hugetlb=1:glibc.malloc.top_pad=33554432:glibc.malloc.tcache_count=1000"])
        // Each step's lap gives its time and the memory resident after it.
        let laps = tuned.stderr.split(separator: "\n").filter { $0.hasPrefix("timing:   reading, parsing and checking ") }
        #expect(laps.count == 1)
        let resident = laps.first.flatMap { $0.split(separator: " ").dropLast(2).last }.flatMap { Int($0) }
        #expect(laps.first?.hasSuffix(" MB resident") == true)
        #expect((resident ?? 0) > 5 && (resident ?? 0) < 400, "\(laps)")

        for given in ["", "glibc.malloc.arena_max=1"] {
            environment["GLIBC_TUNABLES"] = given
            let left = try Self.run(["check", "-q"], environment: environment)
            #expect(left.status == 0)
            #expect(left.stderr.split(separator: "\n").filter { $0.hasPrefix("timing: allocator") } == ["timing: allocator as started"])
        }
    }

    @Test func checkFindsABrokenRuleAndExitsOne() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = Fixtures.sampleText("004").replacingOccurrences(
            of: "(七)总计\n\n7\n\n0\n\n0\n\n0\n\n0\n\n0\n\n7", with: "(七)总计\n\n7\n\n0\n\n0\n\n0\n\n0\n\n0\n\n9")
        try Data(broken.utf8).write(to: folder.appendingPathComponent("r.txt"))
        let r = try Self.run(["check", "r.txt"], in: folder)
        #expect(r.status == 1)
        #expect(r.stderr.contains("r.txt:115: warning: rule 1: 总计列: 本年新收 7 + 上年结转 0 ≠ 办理结果总计 9 + 结转下年度 0"))
        let json = try Self.run(["check", "--json", "r.txt"], in: folder)
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["broken_rules"] as? Int == 3)
        #expect(summary["reports_with_broken_rules"] as? Int == 1)
    }

    /// `check` keeps each report without its figures once it is checked: its `--json` still
    /// gives, report by report, what the reports read whole give — among them inferred figures,
    /// warnings and broken rules — and its summary counts them.
    @Test func checkJSONMatchesTheReportsReadWhole() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CorpusGenerator(options: .init(count: 60, seed: 5, damageRate: 0.5, breakRate: 0.3)).write(to: folder)
        let r = try Self.run(["check", "--json", folder.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let records = try #require(object["reports"] as? [[String: Any]])

        let read = try ReportReader(resources: Fixtures.root).read([folder.path])
        let fields = ["source", "agency", "year", "violations", "warnings", "inferred"]
        // Both sides through the same JSON reading, so that numbers compare as numbers.
        func reread(_ value: Any) throws -> String {
            ExportRecord.json(try JSONSerialization.jsonObject(with: Data(ExportRecord.json(value).utf8)))
        }
        let expected = try read.reports.sorted { $0.report.source < $1.report.source }.map { checked in
            let whole = ExportRecord.object(checked)
            return try reread(Dictionary(uniqueKeysWithValues: fields.map { ($0, whole[$0]!) }))
        }
        let printed = try records.map(reread)
        #expect(printed.count == expected.count)
        let differing = zip(printed, expected).filter { $0 != $1 }
        #expect(differing.isEmpty, "\(differing.count) records differ; the first: \(differing.first.map { "\($0.0)\n≠\n\($0.1)" } ?? "")")
        #expect(records.count == read.reports.count && records.count >= 55)
        // The kinds of content compared are there.
        #expect(records.contains { !(($0["inferred"] as? [String: Any]) ?? [:]).isEmpty })
        #expect(records.contains { !(($0["violations"] as? [Any]) ?? []).isEmpty })
        let broken = read.reports.map(\.violations.count).reduce(0, +)
        #expect(broken > 0 && r.status == 1)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["broken_rules"] as? Int == broken)
        #expect(summary["reports"] as? Int == read.reports.count)
    }

    /// A run on one thread (`--jobs 1`) and a run on every core give the same bytes: the site
    /// (its private cache aside, whose entries are in hash order), the export, the check and
    /// the diagnostics of each.
    @Test func oneJobGivesTheSameBytesAsEveryCore() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        _ = try CorpusGenerator(options: .init(count: 150, seed: 9, damageRate: 0.5, breakRate: 0.3)).write(to: corpus)
        var sites: [[String: Data]] = []
        var printed: [[String]] = []
        for jobs in [[], ["--jobs", "1"]] {
            let site = folder.appendingPathComponent("site-\(jobs.count)")
            let build = try Self.run(["build", corpus.path, "-o", site.path] + jobs)
            #expect(build.status == 0, "\(build.stderr.suffix(300))")
            sites.append(try Self.files(in: site))
            let extract = try Self.run(["extract", corpus.path, "--format", "jsonl"] + jobs)
            let check = try Self.run(["check", "--json", corpus.path] + jobs)
            // The build's diagnostics, without its closing line (the time and the folder).
            let diagnostics = build.stderr.split(separator: "\n").dropLast().joined(separator: "\n")
            printed.append([diagnostics, extract.stdout, extract.stderr, check.stdout])
        }
        #expect(sites[0].count > 300 && sites[0]["index.html"] != nil)
        #expect(sites[0].keys.sorted() == sites[1].keys.sorted())
        let differing = sites[0].keys.filter { sites[0][$0] != sites[1][$0] }.sorted()
        #expect(differing.isEmpty, "files that differ: \(differing.prefix(5))")
        #expect(printed[0][1].split(separator: "\n").count >= 140 && printed[0][0].contains("warning:"))
        for k in printed[0].indices { #expect(printed[0][k] == printed[1][k], "output \(k) differs") }
        #expect(try Self.run(["extract", "--jobs", "0"]).status == 2)
    }

    /// Every file under `folder` by its path there, the build cache left out.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where !path.hasSuffix(".govreport-cache") {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func extractFormats() throws {
        let json = try Self.run(["extract", "-q"])
        #expect(json.status == 0)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(records.count == 5)
        #expect(Set(records[0].keys) == ["source", "agency", "region", "year", "template", "published", "figures", "inferred", "violations", "warnings"])
        let figures = try #require(records.first { ($0["source"] as? String)?.contains("001_") == true }?["figures"] as? [String: Any])
        #expect(figures["applications.new.total"] as? Int == 7)
        #expect(figures["proactive.normative_documents.in_force"] is NSNull)

        let jsonl = try Self.run(["extract", "-q", "--format", "jsonl"])
        #expect(jsonl.stdout.split(separator: "\n").count == 5)
        // Written while the reports are read: in the order of their paths, and to a file the
        // same bytes, with no temporary file left beside it.
        let sources = jsonl.stdout.split(separator: "\n").map {
            ((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any])?["source"] as? String ?? ""
        }
        #expect(sources.count == 5 && !sources.contains("") && sources == sources.sorted())
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.jsonl")
        #expect(try Self.run(["extract", "-q", "--format", "jsonl", "-o", file.path]).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == jsonl.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["x.jsonl"])
        let nowhere = folder.appendingPathComponent("no/such/folder/x.jsonl").path
        let refused = try Self.run(["extract", "-q", "--format", "jsonl", "-o", nowhere])
        #expect(refused.status != 0 && refused.stderr.contains(nowhere + ": cannot write"))

        let csv = try Self.run(["extract", "-q", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "source,agency,year,template,key,value,inferred")
        #expect(lines.contains("Resources/samples/000_24d319d9b4c5a884.txt,西安市高陵区人民政府办公室,2021,2021,applications.new.natural_person,36,true"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Self.run(["extract", "--format", "xml"]).status == 2)
        #expect(try Self.run(["build", "--no-such-flag"]).status == 2)
    }

    @Test func buildRefusesAForeignFolderAndKeepsItsFiles() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = folder.appendingPathComponent("mine.txt")
        try Data("keep me".utf8).write(to: mine)
        let r = try Self.run(["build", "-q", "--output", folder.path])
        #expect(r.status == 3)
        #expect(r.stderr.contains("was not written by govreport"))
        #expect(FileManager.default.fileExists(atPath: mine.path))

        let out = folder.appendingPathComponent("site")
        let built = try Self.run(["build", "--output", out.path])
        #expect(built.status == 0)
        #expect(built.stderr.contains("built 5 reports, 18 pages"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
    }

    @Test func sampleWritesACorpusWithTruth() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Self.run(["sample", "--count", "30", "--seed", "9", "--out", folder.path])
        #expect(r.status == 0)
        let truth = try String(contentsOf: folder.appendingPathComponent("truth.jsonl"), encoding: .utf8)
        #expect(truth.split(separator: "\n").count == 30)
        let check = try Self.run(["check", "-q", folder.path])
        #expect(check.status == 0 || check.status == 1)
    }

    /// The benchmark restarts with its allocator settings, but what it measures starts with
    /// the user's environment: a baseline build tunes itself or not, as it would for a user.
    @Test func benchGivesWhatItStartsTheUsersEnvironment() throws {
        let work = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let log = work.appendingPathComponent("environments.log")
        let baseline = work.appendingPathComponent("baseline.sh")
        try Data("#!/bin/sh\nenv >> '\(log.path)'\necho --- >> '\(log.path)'\nexec '\(Self.binary.path)' \"$@\"\n".utf8).write(to: baseline)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: baseline.path)
        var environment = ProcessInfo.processInfo.environment
        environment["GLIBC_TUNABLES"] = nil
        environment["GOVREPORT_ALLOCATOR_TUNED"] = nil
        environment["GOVREPORT_BENCH_PROBE"] = "kept"
        let r = try Self.run(["bench", "--sizes", "30", "--work", work.path, "--baseline", baseline.path, "--rounds", "1"],
                             environment: environment)
        #expect(r.status == 0, "\(r.stderr)")
        let runs = try String(contentsOf: log, encoding: .utf8).components(separatedBy: "---\n").filter { !$0.isEmpty }
        #expect(runs.count >= 4)
        for run in runs {
            let names = Set(run.split(separator: "\n").map { String($0.prefix { $0 != "=" }) })
            #expect(names.contains("GOVREPORT_BENCH_PROBE") && !names.contains("GLIBC_TUNABLES") && !names.contains("GOVREPORT_ALLOCATOR_TUNED"))
        }
    }

    /// In a work folder in memory (tmpfs) the benchmark removes each size's sites, ours and
    /// Hugo's, once the size is measured: they hold memory the next size's builds and Hugo need.
    /// On disk this run's sites stay until the next run. (The file system told by `stat -f`.)
    @Test func benchLeavesNoSitesInMemory() throws {
        func fileSystem(_ folder: URL) throws -> String {
            let stat = Process()
            stat.executableURL = URL(fileURLWithPath: "/usr/bin/stat")
            stat.arguments = ["-f", "--format=%T", folder.path]
            let pipe = Pipe()
            stat.standardOutput = pipe
            try stat.run()
            stat.waitUntilExit()
            return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var works = [Fixtures.temporaryFolder()]
        let shm = URL(fileURLWithPath: "/dev/shm")
        if FileManager.default.fileExists(atPath: shm.path), try fileSystem(shm) == "tmpfs" {
            works.append(shm.appendingPathComponent("govreport-bench-test-\(UUID().uuidString)"))
        }
        var sawMemory = false
        for work in works {
            defer { try? FileManager.default.removeItem(at: work) }
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let r = try Self.run(["bench", "--sizes", "30", "--work", work.path])
            #expect(r.status == 0, "\(r.stderr)")
            let sites = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix("site-30-") }
            let hugo = work.appendingPathComponent("hugo-tables-30").path
            let publics = ((try? FileManager.default.contentsOfDirectory(atPath: hugo)) ?? []).filter { $0.hasPrefix("public") }
            if try fileSystem(work) == "tmpfs" {
                sawMemory = true
                #expect(sites.isEmpty && publics.isEmpty, "\(sites) \(publics)")
                #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("x.jsonl").path))
            } else {
                #expect(sites.count == 1, "\(sites)")
            }
        }
        #expect(sawMemory || works.count == 1)
    }

    @Test func benchMeasuresABaselinePhaseForPhase() throws {
        let work = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        // The binary against itself: every phase measured for both, in both orders.
        let r = try Self.run(["bench", "--sizes", "30", "--work", work.path, "--baseline", Self.binary.path, "--rounds", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        for phase in ["full build", "extract only", "rebuild, no change", "rebuild, 1 changed"] {
            let words = phase.split(separator: " ").map(String.init)
            let measured = rows.filter { Array($0.dropFirst().prefix(words.count)) == words && $0.first == "30" }
            // Two rounds of the table (base and this each) and one line of the comparison.
            #expect(measured.filter { $0.last == "base" }.count == 2, "\(phase)")
            #expect(measured.filter { $0.last == "this" }.count == 2, "\(phase)")
            let comparison = measured.filter { $0.last != "base" && $0.last != "this" }
            #expect(comparison.count == 1, "\(phase)")
            if let line = comparison.first { #expect(line.suffix(5).allSatisfy { Double($0) != nil || $0 == "—" }, "\(line)") }
        }
        // The same pages for both builds: the full build of each counts them.
        let pages = rows.filter { $0.prefix(3) == ["30", "full", "build"] && ($0.last == "base" || $0.last == "this") }.map { $0[6] }
        #expect(pages.count == 4 && Set(pages).count == 1 && Int(pages[0]).map { $0 > 30 } == true, "\(pages)")

        // Rounds without a baseline: each phase summarised over them, its median between the
        // least and the greatest of the rounds' times.
        let summarised = try Self.run(["bench", "--sizes", "30", "--work", work.path, "--rounds", "3"])
        #expect(summarised.status == 0, "\(summarised.stderr)")
        let lines = summarised.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        for phase in ["full build", "extract only", "rebuild, no change", "rebuild, 1 changed"] {
            let words = phase.split(separator: " ").map(String.init)
            let measured = lines.filter { Array($0.dropFirst().prefix(words.count)) == words && $0.first == "30" }
            // Three rounds of the table (six columns after the phase) and one summary line (five).
            let walls = measured.filter { $0.count == 1 + words.count + 6 }.compactMap { Double($0[1 + words.count]) }
            let summary = measured.filter { $0.count == 1 + words.count + 5 }
            #expect(walls.count == 3 && summary.count == 1, "\(phase): \(measured)")
            if let line = summary.first, let median = Double(line[1 + words.count + 1]) {
                #expect(median >= walls.min()! && median <= walls.max()!, "\(line)")
            } else {
                Issue.record("no summary for \(phase)")
            }
        }

        let missing = try Self.run(["bench", "--sizes", "30", "--work", work.path, "--baseline", work.appendingPathComponent("nothing").path])
        #expect(missing.status != 0 && missing.stderr.contains("not an executable"))
    }

    /// Sizes are measured round by round, each round going through every size (the machine's
    /// drift over minutes falls on all of them alike), and the cost's growth with the corpus is
    /// printed: each size's mean time over the next smaller one's, beside the sizes' ratio.
    @Test func benchInterleavesSizesAndPrintsTheCostsGrowth() throws {
        let work = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let r = try Self.run(["bench", "--sizes", "60,20", "--work", work.path, "--rounds", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        // The full builds' rows of the table (six columns after the phase), in the order measured.
        let fullBuilds = rows.filter { $0.count == 9 && $0[1] == "full" && $0[2] == "build" }
        #expect(fullBuilds.map { $0[0] } == ["60", "20", "60", "20"], "\(fullBuilds)")
        // One line of growth, the larger size over the smaller: the sizes' ratio, Hugo's (or a
        // dash without Hugo) and each phase's, the mean of its two rounds over the other's.
        let growth = rows.filter { $0.first == "60" && $0.dropFirst().first == "÷" }
        #expect(growth.count == 1, "\(r.stdout)")
        guard let line = growth.first, line.count == 9 else { Issue.record("\(growth)"); return }
        #expect(line[2] == "20" && line[3] == "3.00")
        func walls(_ size: String, _ phase: [String]) -> [Double] {
            rows.filter { $0.count == 1 + phase.count + 6 && $0[0] == size && Array($0[1...phase.count]) == phase }
                .compactMap { Double($0[1 + phase.count]) }
        }
        let full = walls("60", ["full", "build"]), fullSmall = walls("20", ["full", "build"])
        #expect(full.count == 2 && fullSmall.count == 2)
        if let ratio = Double(line[5]) {
            // As printed, to two decimals, from times printed to two decimals themselves.
            let expected = (full.reduce(0, +) / 2) / (fullSmall.reduce(0, +) / 2)
            #expect(abs(ratio - expected) <= 0.15 * expected + 0.01, "\(line) \(full) \(fullSmall)")
        } else {
            Issue.record("no ratio in \(line)")
        }
    }
}
