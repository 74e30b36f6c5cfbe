import Foundation
import GovReportCheck
import GovReportCorpus
@testable import GovReportRender
import TestSupport
import Testing

/// Rebuilds into the same folder: the cache there lets unchanged inputs and pages be left
/// alone, and whatever changed, the folder ends up byte for byte as a fresh build would
/// write it.
@Suite(.serialized) struct IncrementalBuildTests {
    static func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! {
            let path = String(url.standardizedFileURL.resolvingSymlinksInPath().path.dropFirst(base.count))
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue, path != ".govreport-cache" else { continue }
            files[path] = try Data(contentsOf: url)
        }
        return files
    }

    static func modified(_ url: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    /// Builds `inputs` into `output` (through the cache there) and into a fresh folder, and
    /// checks that both hold the same files.
    static func buildAndCompare(_ inputs: URL, into output: URL, builder: SiteBuilder) throws -> SiteBuilder.Outcome {
        let outcome = try builder.build([inputs.path], into: SiteWriter(output: output, inputs: [inputs]))
        let fresh = output.deletingLastPathComponent().appendingPathComponent("fresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: fresh) }
        _ = try builder.build([inputs.path], into: SiteWriter(output: fresh, inputs: [inputs]))
        let a = try tree(output), b = try tree(fresh)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in b where a[path] != data { Issue.record("\(path) differs from a fresh build") }
        return outcome
    }

    /// A generated corpus built once into a site: where the rebuild tests start.
    struct Built {
        let folder: URL, corpus: URL, site: URL
        let builder: SiteBuilder
        let first: SiteBuilder.Outcome

        /// The report's file (sources are shown relative to the corpus's folder).
        func file(_ checked: CheckedReport) -> URL {
            let source = checked.report.source
            return URL(fileURLWithPath: source.hasPrefix("/") ? source : corpus.deletingLastPathComponent().appendingPathComponent(source).path)
        }
    }

    static func built(_ options: CorpusGenerator.Options) throws -> Built {
        let folder = Fixtures.temporaryFolder()
        let corpus = folder.appendingPathComponent("corpus")
        _ = try CorpusGenerator(options: options).write(to: corpus)
        let site = folder.appendingPathComponent("site")
        let builder = try SiteBuilder(resources: Fixtures.root)
        let first = try builder.build([corpus.path], into: SiteWriter(output: site, inputs: [corpus]))
        return Built(folder: folder, corpus: corpus, site: site, builder: builder, first: first)
    }

    /// Whether the first line of a UTF-8 report holding `label` has a whole number between tabs.
    static func hasTabbedNumber(_ url: URL, after label: String) -> Bool {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return false }
        return text.components(separatedBy: "\n").first { $0.contains(label) }
            .map { $0.components(separatedBy: "\t").contains { Int($0) != nil } } ?? false
    }

    /// Adds `delta` to the last number (the total) of the first line with `label`.
    static func correct(_ url: URL, _ label: String, by delta: Int) throws {
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let i = try #require(lines.firstIndex { $0.contains(label) })
        var cells = lines[i].components(separatedBy: "\t")
        let last = try #require(cells.lastIndex { Int($0) != nil })
        cells[last] = String(Int(cells[last])! + delta)
        lines[i] = cells.joined(separator: "\t")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
    }

    @Test func rebuildsTouchOnlyWhatChanged() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        _ = try CorpusGenerator(options: .init(count: 80, seed: 3, firstYear: 2020, lastYear: 2024)).write(to: corpus)
        let site = folder.appendingPathComponent("site")
        let builder = try SiteBuilder(resources: Fixtures.root)

        let first = try builder.build([corpus.path], into: SiteWriter(output: site, inputs: [corpus]))
        #expect(first.reports.count == 80)
        #expect(first.reusedInputs == 0 && first.skippedPages == 0 && first.summary.unchanged == 0)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(".govreport-cache").path))

        // Nothing changed: every input comes from the cache and every page is left alone.
        let pages = try Self.tree(site).keys.filter { $0.hasPrefix("reports/") }.sorted()
        let untouched = site.appendingPathComponent(pages.last!)
        let before = try Self.modified(untouched)
        Thread.sleep(forTimeInterval: 0.02)
        let second = try builder.build([corpus.path], into: SiteWriter(output: site, inputs: [corpus]))
        #expect(second.reusedInputs == 80)
        #expect(second.summary.written == 0)
        #expect(second.skippedPages == second.summary.unchanged)
        #expect(try Self.modified(untouched) == before)

        // A file rewritten with the same bytes (a new time): read again, found unchanged, and
        // nothing is rendered.
        let files0 = try FileManager.default.subpathsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
        let touched = corpus.appendingPathComponent(files0[2])
        let bytes = try Data(contentsOf: touched)
        Thread.sleep(forTimeInterval: 0.02)
        try bytes.write(to: touched)
        let touchedBuild = try builder.build([corpus.path], into: SiteWriter(output: site, inputs: [corpus]))
        #expect(touchedBuild.reusedInputs == 80)
        #expect(touchedBuild.summary.written == 0)
        #expect(touchedBuild.skippedPages == touchedBuild.summary.unchanged, "a touched file made pages render again")

        // One report replaced by another agency's report: its old pages go, new ones come,
        // pages of unrelated agencies are not re-rendered, and the result equals a fresh build.
        let files = try FileManager.default.subpathsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
        try Data(contentsOf: Fixtures.sampleURL("001")).write(to: corpus.appendingPathComponent(files[0]))
        let third = try Self.buildAndCompare(corpus, into: site, builder: builder)
        #expect(third.reusedInputs == 79)
        #expect(third.summary.written >= 3)
        #expect(third.summary.removed >= 1 || third.summary.written >= 4)
        #expect(third.skippedPages > 80, "pages of unchanged agencies were rendered again")

        // A report removed: its page is removed too.
        try FileManager.default.removeItem(at: corpus.appendingPathComponent(files[1]))
        let fourth = try Self.buildAndCompare(corpus, into: site, builder: builder)
        #expect(fourth.reports.count == 79)
        #expect(fourth.summary.removed >= 2)
    }

    @Test func exportsCopiedInRunsMatchAFreshBuild() throws {
        // The exports copy unchanged records from the previous file in runs; corrected
        // reports break the runs. A figure changed to one of the same width keeps its
        // record's length, so old bytes of the same size lie where the new record goes:
        // they must not be copied in its place. Corrections at the first, a middle, two
        // neighbouring and the last report, of the same width and of another width.
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        _ = try CorpusGenerator(options: .init(count: 40, seed: 8, damageRate: 0, breakRate: 0, firstYear: 2021, lastYear: 2024)).write(to: corpus)
        let site = folder.appendingPathComponent("site")
        let builder = try SiteBuilder(resources: Fixtures.root)
        _ = try builder.build([corpus.path], into: SiteWriter(output: site, inputs: [corpus]))
        let csvBefore = try String(contentsOf: site.appendingPathComponent("data/reports.csv"), encoding: .utf8)
        // The records' order in the export (the site's: agency, year, source).
        var ordered: [String] = []
        for line in csvBefore.split(separator: "\n").dropFirst() {
            let source = String(line.prefix { $0 != "," })
            if ordered.last != source { ordered.append(source) }
        }
        #expect(ordered.count == 40)

        func correct(_ source: String, sameWidth: Bool, dryRun: Bool = false) throws -> Bool {
            let url = URL(fileURLWithPath: source.hasPrefix("/") ? source : corpus.deletingLastPathComponent().appendingPathComponent(source).path)
            // UTF-8 files only (some are GB18030); the first whole number between tabs.
            guard var text = String(data: try Data(contentsOf: url), encoding: .utf8) else { return false }
            guard let r = text.range(of: #"(?<=\t)[1-7](?=\t|\n)"#, options: .regularExpression), let n = Int(text[r]) else { return false }
            if dryRun { return true }
            text.replaceSubrange(r, with: sameWidth ? String(n + 1) : String(n + 100))
            try Data(text.utf8).write(to: url)
            return true
        }
        // Among the reports with a tab-separated table: the first, the last, two neighbours
        // and one more (that one to another width).
        let correctable = try ordered.indices.filter { try correct(ordered[$0], sameWidth: true, dryRun: true) }
        let pair = try #require(correctable.first { $0 > 0 && correctable.contains($0 + 1) && $0 + 1 < ordered.count - 1 })
        var corrected = Set([correctable.first!, pair, pair + 1, correctable.last!])
        for i in corrected { _ = try correct(ordered[i], sameWidth: true) }
        if let other = correctable.first(where: { !corrected.contains($0) }) {
            _ = try correct(ordered[other], sameWidth: false)
            corrected.insert(other)
        }
        #expect(corrected.count == 5, "corrected \(corrected.sorted()) of \(correctable)")
        let rebuilt = try Self.buildAndCompare(corpus, into: site, builder: builder)
        #expect(rebuilt.reusedInputs == 40 - corrected.count)
        let csvAfter = try String(contentsOf: site.appendingPathComponent("data/reports.csv"), encoding: .utf8)
        #expect(csvAfter != csvBefore)
    }

    /// The inode of a file: the same after a rebuild when the file was mended where it
    /// stands, another when it was written anew and renamed into place.
    static func inode(_ url: URL) throws -> UInt64 {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
    }

    @Test func exportsMendedWhereTheyStandMatchAFreshBuild() throws {
        // One report changed, added or removed at a time: the exports are mended in place
        // (same inode) and equal a fresh build's. An export changed since the last build (by
        // hand, or left half mended by a build that was stopped) is written anew.
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        _ = try CorpusGenerator(options: .init(count: 30, seed: 12, damageRate: 0, breakRate: 0, firstYear: 2021, lastYear: 2024)).write(to: corpus)
        let site = folder.appendingPathComponent("site")
        let builder = try SiteBuilder(resources: Fixtures.root)
        _ = try builder.build([corpus.path], into: SiteWriter(output: site, inputs: [corpus]))
        let csv = site.appendingPathComponent("data/reports.csv"), json = site.appendingPathComponent("data/reports.json")
        let files = try FileManager.default.subpathsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { corpus.appendingPathComponent($0) }
        /// Replaces the first whole number between tabs of a UTF-8 report; false when it has none.
        func correct(_ url: URL, _ change: (Int) -> Int) throws -> Bool {
            guard var text = String(data: try Data(contentsOf: url), encoding: .utf8),
                  let r = text.range(of: #"(?<=\t)\d+(?=\t|\n)"#, options: .regularExpression), let n = Int(text[r]) else { return false }
            text.replaceSubrange(r, with: String(change(n)))
            try Data(text.utf8).write(to: url)
            return true
        }
        let correctable = try files.filter { try correct($0, { $0 }) }
        #expect(correctable.count >= 4)
        func step(_ what: String, mended: Bool, _ change: () throws -> Void) throws {
            let inodes = (try Self.inode(csv), try Self.inode(json))
            try change()
            let outcome = try Self.buildAndCompare(corpus, into: site, builder: builder)
            #expect(outcome.summary.written > 0, "\(what): nothing written")
            let same = (try Self.inode(csv) == inodes.0, try Self.inode(json) == inodes.1)
            #expect(same.0 == mended && same.1 == mended, "\(what): mended \(same), expected \(mended)")
        }
        try step("same width", mended: true) { _ = try correct(correctable[1], { $0 + 1 < 10 ? $0 + 1 : $0 - 1 }) }
        // A section 二 figure (the first number between tabs) shows only on its report's page
        // and in the exports: no corpus-wide page is made again, their views being the same.
        let corrected = try builder.build([corpus.path], into: SiteWriter(output: site, inputs: [corpus]))
        #expect(corrected.rendered.isEmpty)
        _ = try correct(correctable[1], { $0 + 1 < 10 ? $0 + 1 : $0 - 1 })
        let viewsSame = try Self.buildAndCompare(corpus, into: site, builder: builder)
        #expect(viewsSame.rendered.allSatisfy { $0.hasPrefix("reports/") || $0.hasPrefix("data/") }, "\(viewsSame.rendered)")
        #expect(viewsSame.rendered.contains("index.html") == false && viewsSame.skippedPages > 0)
        try step("wider", mended: true) { _ = try correct(correctable[2], { $0 + 100_000 }) }
        try step("narrower", mended: true) { _ = try correct(correctable[2], { $0 - 100_000 }) }
        try step("first report", mended: true) { _ = try correct(correctable[0], { $0 + 3 }) }
        try step("last report", mended: true) { _ = try correct(correctable.last!, { $0 + 3 }) }
        let added = corpus.appendingPathComponent("added.txt")
        try step("added", mended: true) { try Data(contentsOf: Fixtures.sampleURL("001")).write(to: added) }
        let removed = try #require(files.dropFirst().first { !correctable.prefix(4).contains($0) && $0 != correctable.last })
        try step("removed", mended: true) { try FileManager.default.removeItem(at: removed) }
        // Changed since the last build: same size, other bytes, a new time.
        try step("export changed by hand", mended: false) {
            let handle = try FileHandle(forWritingTo: csv)
            try handle.seek(toOffset: 60)
            try handle.write(contentsOf: Data("#".utf8))
            try handle.close()
            let text = try Data(contentsOf: json)
            Thread.sleep(forTimeInterval: 0.02)
            try Data(text.reversed()).write(to: json)
            _ = try correct(correctable[3], { $0 + 2 })
        }
    }

    @Test func aBuildStoppedPartWayLeavesNoCacheToTrust() throws {
        // A rebuild writes the pages a correction changed (the index shows the corrected
        // figure) and then fails; the report is put back as it was. The cache of the build
        // before must not be taken at its word (it would leave the index showing the
        // correction): the failed build removed it before writing, so the next build reads
        // everything and equals a fresh one.
        let built = try Self.built(.init(count: 30, seed: 4, damageRate: 0, breakRate: 0, firstYear: 2021, lastYear: 2023))
        defer { try? FileManager.default.removeItem(at: built.folder) }
        let (corpus, site, builder) = (built.corpus, built.site, built.builder)
        let received = "一、本年新收政府信息公开申请数量"
        let target = try #require(built.first.reports.first { Self.hasTabbedNumber(built.file($0), after: received) })
        let url = built.file(target)
        let original = try Data(contentsOf: url)
        try Self.correct(url, received, by: 7000)
        // The agency's page (made after the index) cannot be replaced: a folder stands there.
        let agencyName = try #require(target.report.agencyKey)
        let agencyPages = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("agencies").path)
            .filter { try String(contentsOf: site.appendingPathComponent("agencies/\($0)"), encoding: .utf8).contains("<h1>\(agencyName)") }
        #expect(agencyPages.count == 1)
        for page in agencyPages {
            let path = site.appendingPathComponent("agencies/\(page)")
            try FileManager.default.removeItem(at: path)
            try FileManager.default.createDirectory(at: path.appendingPathComponent("blocker"), withIntermediateDirectories: true)
        }
        let index = try Data(contentsOf: site.appendingPathComponent("index.html"))
        #expect(throws: BuildError.self) { try builder.build([corpus.path], into: SiteWriter(output: site, inputs: [corpus])) }
        #expect(try Data(contentsOf: site.appendingPathComponent("index.html")) != index, "the index was not written before the failure")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(".govreport-cache").path))

        for page in agencyPages { try FileManager.default.removeItem(at: site.appendingPathComponent("agencies/\(page)")) }
        try original.write(to: url)
        let next = try Self.buildAndCompare(corpus, into: site, builder: builder)
        #expect(next.reusedInputs == 0)
    }

    @Test func movingAFilesEndWorksWhereTheRangesOverlap() throws {
        // Mending moves an export's end by the change in length, a chunk at a time; with
        // chunks smaller than the distance and than the length, both directions, against the
        // same move made in memory.
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("f").path
        let original = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 256) }
        for (from, to, length) in [(100, 130, 870), (130, 100, 870), (0, 1, 999), (1, 0, 999), (500, 900, 100), (900, 10, 100)] {
            for chunk in [1, 7, 64, 4096] {
                try Data(original).write(to: URL(fileURLWithPath: file))
                let descriptor = open(file, O_RDWR)
                try #require(descriptor >= 0)
                try SiteWriter.Session.move(descriptor, from: from, to: to, length: length, path: file, chunk: chunk)
                close(descriptor)
                var expected = original
                let moved = Array(original[from..<from + length])
                if to + length > expected.count { expected += [UInt8](repeating: 0, count: to + length - expected.count) }
                expected.replaceSubrange(to..<to + length, with: moved)
                #expect(Array(try Data(contentsOf: URL(fileURLWithPath: file))) == expected, "from \(from) to \(to), \(length) bytes, chunks of \(chunk)")
            }
        }
    }

    @Test func aCorrectionReRendersOnlyTheComparisonPagesThatShowIt() throws {
        // Year, city and province pages are fingerprinted by what they show. A correction to
        // one report's disclosed applications shows on its own year's page only; a correction
        // to its received applications also shows in the sparklines of the other years' pages
        // where its agency is listed. Either way the site must equal a fresh build.
        let built = try Self.built(.init(count: 60, seed: 5, damageRate: 0, breakRate: 0, firstYear: 2020, lastYear: 2024))
        defer { try? FileManager.default.removeItem(at: built.folder) }
        let (corpus, site, builder, first) = (built.corpus, built.site, built.builder, built.first)
        // A UTF-8 report of the 2019/2021 table format whose agency reported in other years too.
        let received = "一、本年新收政府信息公开申请数量", disclosed = "（一）予以公开"
        let candidates = first.reports.filter { checked in
            let years = first.reports.filter { $0.report.agencyKey == checked.report.agencyKey }.compactMap(\.report.year)
            return Set(years).count >= 3 && [received, disclosed].allSatisfy { Self.hasTabbedNumber(built.file(checked), after: $0) }
        }
        let target = try #require(candidates.first, "\(Set(first.reports.compactMap(\.report.agencyKey)).count) agencies")
        let url = built.file(target)
        let ownYear = "years/\(target.report.year!).html"
        let otherYears = Set(first.reports.filter { $0.report.agencyKey == target.report.agencyKey && $0.report.year != target.report.year }
            .map { "years/\($0.report.year!).html" })
        #expect(!otherYears.isEmpty)

        func correct(_ label: String, by delta: Int) throws { try Self.correct(url, label, by: delta) }
        /// The year pages' modification times.
        func stamps() throws -> [String: Date] {
            var all: [String: Date] = [:]
            for path in try Self.tree(site).keys where path.hasPrefix("years/") { all[path] = try Self.modified(site.appendingPathComponent(path)) }
            return all
        }

        let before = try stamps()
        let treeBefore = try Self.tree(site)
        Thread.sleep(forTimeInterval: 0.02)
        try correct(disclosed, by: 1)
        let afterDisclosed = try Self.buildAndCompare(corpus, into: site, builder: builder)
        #expect(afterDisclosed.rendered.filter { $0.hasPrefix("years/") } == [ownYear])
        // Corpus-wide pages are made again only when their view changed: a city or province
        // page compares one year, which need not be the corrected report's. One made again
        // has changed.
        let treeAfter = try Self.tree(site)
        let comparisons = afterDisclosed.rendered.filter { $0.hasPrefix("cities/") || $0.hasPrefix("provinces/") }
        #expect(comparisons.count <= 2)
        for path in comparisons { #expect(treeAfter[path] != treeBefore[path], "\(path) was made again from the same view") }
        let stamped = try stamps()
        #expect(stamped[ownYear] != before[ownYear], "the corrected report's year page was not rewritten")
        for path in before.keys where path != ownYear { #expect(stamped[path] == before[path], "\(path) was touched") }

        let pages = try Self.tree(site)
        try correct(received, by: 5000)
        let afterReceived = try Self.buildAndCompare(corpus, into: site, builder: builder)
        #expect(Set(afterReceived.rendered.filter { $0.hasPrefix("years/") }) == otherYears.union([ownYear]))
        let rebuilt = try Self.tree(site)
        for path in otherYears { #expect(rebuilt[path] != pages[path], "\(path) still shows the old sparkline") }
    }

    @Test func pageRowsAreKeyedByAllTheyAreMadeFrom() throws {
        // A rebuild fingerprints the index and the year pages from their rows' fingerprints,
        // taking those of rows whose key it has seen from the previous build, and copies those
        // rows' text: a row must be the same whenever its key is. And the index's rows keep
        // their key when their report is unchanged. Checked across a correction (the row
        // changes, and on the year pages its agency's sparklines and the ranks), a removal
        // (the rows after it move up) and an added report.
        let built = try Self.built(.init(count: 60, seed: 7, damageRate: 0, breakRate: 0, firstYear: 2020, lastYear: 2024))
        defer { try? FileManager.default.removeItem(at: built.folder) }
        /// Per page compared row by row: each row's fingerprint by key.
        func rows() throws -> [String: [UInt64: UInt64]] {
            let reading = built.builder.read([built.corpus.path], relativeTo: nil, cache: { nil })
            let jobs = try built.builder.jobs(reading.reports, notes: reading.notes, digests: reading.digests)
            var pages: [String: [UInt64: UInt64]] = [:]
            for job in jobs {
                guard case .comparedPage(let makeView, _) = job.body, case let view = makeView(), let rows = view.rows else { continue }
                var prints: [UInt64: UInt64] = [:]
                for i in rows.keys.indices { prints[rows.keys[i]] = rows.make(i).fingerprint }
                #expect(prints.count == rows.keys.count, "two rows of \(job.path) share a key")
                // Fingerprinted from known rows' prints or by making every row: the same.
                let made = view.fingerprint(known: [:])
                let reused = view.fingerprint(known: made.rows)
                #expect(made.whole != nil && reused.whole == nil && reused.fingerprint == made.fingerprint && made.rows == prints)
                pages[job.path] = prints
            }
            #expect(pages["index.html"]?.count == reading.reports.count)
            #expect(pages.keys.filter { $0.hasPrefix("years/") }.count == 5)
            return pages
        }
        let before = try rows()
        let received = "一、本年新收政府信息公开申请数量"
        let files = built.first.reports.map(built.file).filter { Self.hasTabbedNumber($0, after: received) }.sorted { $0.path < $1.path }
        try #require(files.count >= 3)
        try Self.correct(files[1], received, by: 5000)
        try FileManager.default.removeItem(at: files[0])
        try FileManager.default.copyItem(at: files[2], to: files[2].deletingLastPathComponent().appendingPathComponent("zz-copy.txt"))
        let after = try rows()
        for (path, prints) in after {
            var shared = 0
            for (key, print) in prints {
                guard let old = before[path]?[key] else { continue }
                shared += 1
                #expect(old == print, "a row of \(path) changed under the same key")
            }
            #expect(shared < prints.count || path.hasPrefix("years/"), "the corrected row of \(path) kept its key")
            // All but the corrected, the added and the copied-from (now a duplicate) rows.
            if path == "index.html" { #expect(shared >= prints.count - 3, "\(prints.count - shared) rows have new keys") }
        }
        _ = try Self.buildAndCompare(built.corpus, into: built.site, builder: built.builder)
    }

    @Test func theIndexCopiesRowsOnlyFromTheFileItLeft() throws {
        // The index is rendered row by row, rows of unchanged reports copied from the file as
        // the previous build left it. A correction the index shows: the site equals a fresh
        // build. An index edited by hand since: nothing is copied from it.
        let built = try Self.built(.init(count: 40, seed: 9, damageRate: 0, breakRate: 0, firstYear: 2021, lastYear: 2023))
        defer { try? FileManager.default.removeItem(at: built.folder) }
        let received = "一、本年新收政府信息公开申请数量"
        let files = built.first.reports.map(built.file).filter { Self.hasTabbedNumber($0, after: received) }.sorted { $0.path < $1.path }
        try #require(files.count >= 2)
        let index = built.site.appendingPathComponent("index.html")

        try Self.correct(files[0], received, by: 7000)
        let corrected = try Self.buildAndCompare(built.corpus, into: built.site, builder: built.builder)
        #expect(corrected.rendered.contains("index.html"))
        let cache = try #require(BuildCache.load(from: built.site, key: try built.builder.cacheKey()))
        #expect(cache.fragments["index.html"]?.file.records.count == built.first.reports.count)

        // Every agency link's text changed by hand, the file's size kept.
        var html = try String(contentsOf: index, encoding: .utf8)
        let agency = try #require(built.first.reports.compactMap(\.report.agencyKey).first { html.contains(">\($0)</a>") })
        html = html.replacingOccurrences(of: ">\(agency)</a>", with: ">" + String(repeating: "X", count: agency.utf8.count) + "</a>")
        try Data(html.utf8).write(to: index)
        Thread.sleep(forTimeInterval: 0.02)
        try Self.correct(files[1], received, by: 9000)
        _ = try Self.buildAndCompare(built.corpus, into: built.site, builder: built.builder)
    }

    @Test func changedTemplatesOrDamagedCacheMeanAFullBuild() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        let builder = try SiteBuilder(resources: Fixtures.root)
        _ = try builder.build([Fixtures.samplesFolder.path], into: SiteWriter(output: site))

        // Another template: nothing may be skipped, and the new template shows everywhere.
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let report = try String(contentsOf: Fixtures.root.appendingPathComponent("Templates/report.mustache"), encoding: .utf8)
        try Data(report.replacingOccurrences(of: "<h2 id=\"summary-heading\">摘要</h2>", with: "<h2 id=\"summary-heading\">报告摘要</h2>").utf8)
            .write(to: templates.appendingPathComponent("report.mustache"))
        let custom = try SiteBuilder(resources: Fixtures.root, templateOverrides: templates)
        let rebuilt = try custom.build([Fixtures.samplesFolder.path], into: SiteWriter(output: site))
        #expect(rebuilt.skippedPages == 0 && rebuilt.reusedInputs == 0)
        for (path, data) in try Self.tree(site) where path.hasPrefix("reports/") {
            #expect(String(decoding: data, as: UTF8.self).contains("报告摘要"), "\(path) kept the old template")
        }

        // A damaged cache is ignored, not trusted.
        let cache = site.appendingPathComponent(".govreport-cache")
        var bytes = try Data(contentsOf: cache)
        bytes.replaceSubrange(bytes.count / 2..<bytes.count, with: Data(repeating: 0xFF, count: bytes.count - bytes.count / 2))
        try bytes.write(to: cache)
        let repaired = try Self.buildAndCompare(Fixtures.samplesFolder, into: site, builder: builder)
        #expect(repaired.reusedInputs == 0)
        #expect(repaired.reports.count == 5)
    }
}

/// The writer in a folder a previous build left: it never overwrites a file it did not
/// write, and an interrupted rebuild leaves nothing the next one would take for a stranger's.
@Suite struct SiteWriterTests {
    @Test func aNewPageOverAStrangersFileIsRefusedAndTheFileKept() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        _ = try SiteWriter(output: site).write(["index.html": Data("one".utf8)])
        // Someone puts a file where the next build will want to write a page.
        let theirs = site.appendingPathComponent("reports/x.html")
        try FileManager.default.createDirectory(at: theirs.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("theirs".utf8).write(to: theirs)
        #expect(throws: BuildError.self) {
            _ = try SiteWriter(output: site).write(["index.html": Data("two".utf8), "reports/x.html": Data("ours".utf8)])
        }
        #expect(try String(contentsOf: theirs, encoding: .utf8) == "theirs")
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "one")
        // With --force it is replaced, and from then on it is ours.
        _ = try SiteWriter(output: site, force: true).write(["index.html": Data("two".utf8), "reports/x.html": Data("ours".utf8)])
        #expect(try String(contentsOf: theirs, encoding: .utf8) == "ours")
    }

    @Test func aRebuildClaimsItsPathsBeforeWriting() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        _ = try SiteWriter(output: site).write(["a.html": Data("a".utf8)])
        // A rebuild that stops after claiming (killed): the manifest already lists the new path,
        // so the page it may have written is not a stranger's to the next build.
        let session = try SiteWriter(output: site).open()
        try session.claim(["a.html", "b.html"])
        try session.put("b.html", Data("b".utf8))
        let manifest = try String(contentsOf: site.appendingPathComponent(SiteWriter.manifestName), encoding: .utf8)
        #expect(manifest == "a.html\nb.html\n")
        let summary = try SiteWriter(output: site).write(["b.html": Data("b".utf8)])
        #expect(summary.unchanged == 1 && summary.removed == 1)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("a.html").path))
        // No temporary file is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.contains("govreport-tmp") }
        #expect(left.isEmpty)
    }
}
