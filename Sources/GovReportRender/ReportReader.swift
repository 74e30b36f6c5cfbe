import Foundation
import Synchronization
import GovReportAnalyse
import GovReportCheck
import GovReportIngest
import GovReportParse

/// Reads, parses and checks reports: the first half of a build, and all that `extract` and
/// `check` do. A type of its own so that those need not load the site's templates (parsing
/// them was a quarter of starting `extract`, on one core while the other waited).
public struct ReportReader: Sendable {
    public let dictionary: LabelDictionary
    public let gazetteer: Gazetteer
    /// A folder of Markdown notes (`<agency name>.md`, `<report file name>.md`).
    public var notesFolder: URL?
    /// Told how far reading is (from any thread).
    public var progress: (@Sendable (BuildProgress) -> Void)?

    /// - Parameter resources: the package root holding `Resources/`.
    public init(resources: URL) throws(BuildError) {
        do {
            dictionary = try LabelDictionary.load(from: resources.appendingPathComponent("Resources/labels/labels.tsv"))
            gazetteer = try Gazetteer.load(from: resources.appendingPathComponent("Resources/regions.tsv"))
        } catch {
            throw .resources(reason: "\(error)")
        }
    }

    /// The reports of one build and what the cache needs to know about them.
    struct Reading {
        var reports: [CheckedReport] = []
        var diagnostics: [Diagnostic] = []
        var notes = Notes()
        /// The digest of each checked report in `reports`, for page fingerprints.
        var digests: [UInt64] = []
        var inputs: [String: BuildCache.Input] = [:]
        var reused = 0
    }

    /// Reads, parses and checks the given inputs (files or folders), in the order of their
    /// displayed paths (`String`'s order, that of the reports' `source`; the collector sorts
    /// them), and returns the reports in that order.
    public func read(_ inputs: [String], relativeTo base: URL? = nil) -> (reports: [CheckedReport], diagnostics: [Diagnostic]) {
        // Nothing is cached or fingerprinted: only the reports are wanted.
        let reading = read(inputs, relativeTo: base, cache: { nil }, fingerprints: false)
        return (reading.reports, reading.diagnostics)
    }

    /// Reads as `read(_:relativeTo:)` does, but hands each report over as soon as it is
    /// checked, on the thread that read it, so that what is made of it (an export record) is
    /// made while reading goes on; `each` is given each file's place in the path order and its
    /// report, or nil when the file gave none that was recognised — every place from 0 on,
    /// once. The reports' figures are not kept after that (`CheckedReport.withoutFigures`):
    /// holding them all for the end was most of an export's memory (at 50,000 reports 290 of
    /// 294 MB) for nothing. Returns how many reports were recognised, and every diagnostic.
    public func stream(_ inputs: [String], relativeTo base: URL? = nil,
                       inPathOrder each: @escaping @Sendable (Int, CheckedReport?) -> Void) -> (reports: Int, diagnostics: [Diagnostic]) {
        let reading = read(inputs, relativeTo: base, cache: { nil }, fingerprints: false, inPathOrder: each)
        return (reading.reports.count, reading.diagnostics)
    }

    /// `cache` is asked for once the inputs are listed, so that it can be loaded meanwhile.
    /// Without `fingerprints`, the files' hashes, the reports' digests and the inputs for the
    /// cache (which only a site build uses) are not made, nor the files' sizes and times asked
    /// for. With `each`, each report is handed over as it is checked and kept without its
    /// figures (`stream`).
    func read(_ inputs: [String], relativeTo base: URL?, cache loadCache: () -> BuildCache?, fingerprints: Bool = true,
              inPathOrder each: (@Sendable (Int, CheckedReport?) -> Void)? = nil) -> Reading {
        let laps = Laps(indent: 2)
        let (files, errors, markdown) = InputCollector().collectListing(inputs, relativeTo: base, stamps: fingerprints)
        laps.lap("listing \(files.count) files")
        assert(zip(files, files.dropFirst()).allSatisfy { $0.displayPath <= $1.displayPath })
        let (notes, noteErrors) = Notes.collect(beside: files, folder: notesFolder, listed: markdown)
        let cache = loadCache()
        var reading = Reading()
        reading.notes = notes
        reading.reports.reserveCapacity(files.count)
        if fingerprints {
            reading.digests.reserveCapacity(files.count)
            reading.inputs.reserveCapacity(files.count)
        }
        reading.diagnostics = (errors + noteErrors).map(\.diagnostic)
        let parser = ReportParser(dictionary: dictionary, gazetteer: gazetteer)
        let checker = ConsistencyChecker()
        // Files are read, parsed and checked on every core; results are kept by input index,
        // so the output is the same as a single-threaded run's.
        let results = Mutex<[BuildCache.Input?]>(Array(repeating: nil, count: files.count))
        let done = Atomic<Int>(0)
        let reused = Atomic<Int>(0)
        let progress = self.progress
        Parallel.forEach(files.count) { i in
            let file = files[i]
            let stamp = file.size >= 0 ? FileStamp(size: file.size, modified: file.modified) : fingerprints ? FileStamp.of(path: file.path) : nil
            let cached = cache?.inputs[file.displayPath]
            var entry: BuildCache.Input
            if let stamp, let cached, cached.size == stamp.size, cached.modified == stamp.modified {
                entry = cached
                reused.add(1, ordering: .relaxed)
            } else {
                entry = BuildCache.Input(size: stamp?.size ?? -1, modified: stamp?.modified ?? -1, hash: 0, digest: 0,
                                         outcome: .failure(Diagnostic(.error, SourceLocation(path: file.displayPath, line: 0), "unread")))
                do throws(IngestError) {
                    let data = try SourceText.read(filePath: file.path, displayPath: file.displayPath)
                    if fingerprints {
                        var fingerprint = Fingerprint()
                        fingerprint.add(file.displayPath)
                        fingerprint.add(bytes: data)
                        entry.hash = fingerprint.value
                    }
                    if let cached, cached.hash == entry.hash {
                        // Touched but not changed: what was read from it stands.
                        entry.outcome = cached.outcome
                        entry.digest = cached.digest
                        reused.add(1, ordering: .relaxed)
                    } else {
                        let text = try SourceText.decode(data, fromPath: file.path, displayPath: file.displayPath)
                        entry.outcome = .report(checker.check(parser.parse(text)))
                        if fingerprints { entry.digest = ReportDigest.of(entry.outcome) }
                    }
                } catch {
                    entry.outcome = .failure(error.diagnostic)
                    // Not cached: an unreadable file may become readable without changing.
                    entry.size = -1
                }
            }
            if let each {
                if case .report(let checked) = entry.outcome, checked.report.isRecognised {
                    each(i, checked)
                    entry.outcome = .report(checked.withoutFigures)
                } else {
                    each(i, nil)
                }
            }
            results.withLock { $0[i] = entry }
            let n = done.add(1, ordering: .relaxed).newValue
            progress?(BuildProgress(stage: .reading, done: n, total: files.count))
        }
        laps.lap("reading, parsing and checking")
        reading.reused = reused.load(ordering: .relaxed)
        // The entries taken out of the lock whole (its array left empty) and each moved out in
        // turn, not copied: copying each report's entry (a retain for every array and table it
        // holds) and freeing the copies were a third of this serial part.
        var collected = results.withLock { entries in
            var taken: [BuildCache.Input?] = []
            swap(&taken, &entries)
            return taken
        }
        for i in files.indices {
            let entry = collected[i].take()!
            switch entry.outcome {
            case .report(let checked):
                // Unsorted: all are sorted together below.
                checked.appendDiagnostics(to: &reading.diagnostics)
                if checked.report.isRecognised {
                    reading.reports.append(checked)
                    if fingerprints { reading.digests.append(entry.digest) }
                }
            case .failure(let diagnostic):
                reading.diagnostics.append(diagnostic)
            }
            if fingerprints, entry.size >= 0 { reading.inputs[files[i].displayPath] = entry }
        }
        // Two reports of one agency for one year: a duplicate or a corrected re-issue. Both
        // are kept (the site shows them side by side); the user is told.
        // (By index, the first of each agency and year remembered: grouping copies of every
        // report under a made-up key was a tenth of reading a rebuild's inputs.)
        // (The agency as a `TextKey`: its Chinese name hashed through its normal form for every
        // report was a visible part of a rebuild's serial reading.)
        struct AgencyYear: Hashable {
            let agency: TextKey
            let year: Int
        }
        var first: [AgencyYear: Int] = [:]
        first.reserveCapacity(reading.reports.count)
        var shared: [AgencyYear: [Int]] = [:]
        for i in reading.reports.indices {
            guard let agency = reading.reports[i].report.agencyKey, let year = reading.reports[i].report.year else { continue }
            let key = AgencyYear(agency: TextKey(agency), year: year)
            if let j = first[key] { shared[key, default: [j]].append(i) } else { first[key] = i }
        }
        for (key, group) in shared {
            let paths = group.map { reading.reports[$0].report.source }.sorted()
            for path in paths {
                let others = paths.filter { $0 != path }.joined(separator: ", ")
                reading.diagnostics.append(Diagnostic(.warning, SourceLocation(path: path, line: 0),
                    "another report of ‘\(key.agency.text)’ for \(key.year) is in \(others) (a duplicate or a corrected re-issue); both are kept"))
            }
        }
        laps.lap("collecting the reports")
        reading.diagnostics.sort()
        laps.lap("sorting \(reading.diagnostics.count) diagnostics")
        return reading
    }
}
