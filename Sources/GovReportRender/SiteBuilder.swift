import Foundation
import Synchronization
import GovReportAnalyse
import GovReportCheck
import GovReportIngest
import GovReportParse

/// The whole pipeline behind `govreport build`: read the inputs, parse and check every
/// report, and render the site's files. A report that cannot be read becomes a diagnostic;
/// the others still build.
///
/// Building into a folder (`build(_:relativeTo:into:)`) streams pages to disk as they are
/// rendered and keeps a cache there: the next build re-reads only changed input files and
/// re-renders only pages whose inputs changed.
public struct SiteBuilder {
    public struct Result: Sendable {
        /// Relative path → bytes, for the site writer (or a test) to use.
        public var files: [String: Data]
        public var reports: [CheckedReport]
        public var diagnostics: [Diagnostic]
    }

    /// What a build into a folder did.
    public struct Outcome: Sendable {
        public var reports: [CheckedReport]
        public var diagnostics: [Diagnostic]
        public var summary: SiteWriter.Summary
        /// HTML pages in the site.
        public var pages: Int
        /// Input files taken from the cache without reading them again.
        public var reusedInputs: Int
        /// Pages left alone because nothing they show changed.
        public var skippedPages: Int
        /// The files made again because something they show changed (or had no previous
        /// version), sorted: what a rebuild after a correction had to touch. (Sorted when
        /// asked: sorting a full build's twenty thousand paths as it ended was some 30 ms of
        /// one core while the other waited.)
        public var rendered: [String] {
            get { made.sorted() }
            set { made = newValue }
        }
        /// `rendered` in the order the pages were made.
        var made: [String] = []
    }

    public let resources: URL
    public let templates: TemplateSet
    /// The first half of a build: reading, parsing and checking the reports.
    public var reader: ReportReader
    public var dictionary: LabelDictionary { reader.dictionary }
    public var gazetteer: Gazetteer { reader.gazetteer }
    public var settings: SiteSettings
    /// A folder of Markdown notes (`<agency name>.md`, `<report file name>.md`).
    public var notesFolder: URL? {
        get { reader.notesFolder }
        set { reader.notesFolder = newValue }
    }
    /// Keep raw HTML in notes (trusted authors only).
    public var allowHTMLInNotes = false
    /// Told how far the build is (from any thread): the CLI draws a progress bar with it.
    public var progress: (@Sendable (BuildProgress) -> Void)? {
        get { reader.progress }
        set { reader.progress = newValue }
    }
    /// `GOVREPORT_TIMING` set: print slow pages and why the cache was not used. Read once
    /// (reading the environment is slow enough to show in a rebuild).
    static let tracing = ProcessInfo.processInfo.environment["GOVREPORT_TIMING"] != nil

    /// Set by a program that ends right after its build: what the build made is kept rather
    /// than freed piece by piece (the process's end returns it at once; freeing ten thousand
    /// reports' structures one by one was a tenth of a rebuild after one change).
    public var keepsMemory = false
    /// Where kept builds stay until the process ends.
    private static let kept = Mutex<[Any]>([])

    /// Bumped when the cache format or anything the program renders changes meaning.
    public static let version = "govreport 0.5"

    /// - Parameters:
    ///   - resources: the package root holding `Resources/` and `Templates/`.
    ///   - templateOverrides: a folder whose templates replace the bundled ones by name.
    public init(resources: URL, templateOverrides: URL? = nil, settings: SiteSettings = SiteSettings()) throws(BuildError) {
        self.resources = resources
        self.settings = settings
        templates = try TemplateSet(defaults: resources.appendingPathComponent("Templates"), overrides: templateOverrides)
        reader = try ReportReader(resources: resources)
    }

    // MARK: Reading

    /// Reads, parses and checks the given inputs (`ReportReader.read(_:relativeTo:)`).
    public func read(_ inputs: [String], relativeTo base: URL? = nil) -> (reports: [CheckedReport], diagnostics: [Diagnostic]) {
        reader.read(inputs, relativeTo: base)
    }

    /// `ReportReader.read(_:relativeTo:cache:fingerprints:inPathOrder:)`, with this build's
    /// notes folder and progress.
    func read(_ inputs: [String], relativeTo base: URL?, cache loadCache: () -> BuildCache?, fingerprints: Bool = true) -> ReportReader.Reading {
        reader.read(inputs, relativeTo: base, cache: loadCache, fingerprints: fingerprints)
    }

    // MARK: Rendering

    /// One file of the site. `fingerprint` summarises everything the file is made from
    /// (nil: always made); when it equals the previous build's, the file is left alone.
    struct Job: Sendable {
        enum Body: Sendable {
            case page(@Sendable () throws(BuildError) -> Data)
            /// A page whose view is fingerprinted before it is rendered: when the view is the
            /// one the previous build rendered, the page is left alone although its inputs
            /// changed (a corpus-wide page, which any report's change puts up for rendering,
            /// seldom shows the change).
            /// `render` renders a view, or its frame with its rows one by one when given them.
            /// (The view made when the page is compared: some views sort their rows first.)
            case comparedPage(@Sendable () -> ComparedView, render: @Sendable (TemplateValue, KeyedSection?) throws(BuildError) -> Data)
            case records(Records)
        }

        /// A file made of one record per report (the corpus-wide exports): a rebuild copies
        /// the records of unchanged reports from the previous file instead of making them.
        struct Records: Sendable {
            /// What goes around and between the records.
            let framing: ExportRecord.Framing
            /// Each record's report digest.
            let keys: [UInt64]
            /// Record i's bytes.
            let render: @Sendable (Int) -> [UInt8]

            /// A part of the file: bytes, the separator between two records, or a record to
            /// copy from the previous file.
            enum Piece {
                case bytes([UInt8])
                case separator([UInt8])
                case copy(offset: Int, length: Int)
            }

            /// The file: header, records joined by the separator, footer (or `empty` when
            /// there is no record). `record` gives record i, made or to be copied.
            func assemble(_ emit: (Piece) throws -> Void, record: (Int) throws -> Piece) rethrows {
                try framing.walk(count: keys.count) { part in
                    switch part {
                    case .text(let bytes): try emit(.bytes(bytes))
                    case .separator(let bytes): try emit(.separator(bytes))
                    case .record(let i): try emit(try record(i))
                    }
                }
            }

            var bytes: Data {
                var out = Data()
                assemble({ piece in
                    switch piece {
                    case .bytes(let b), .separator(let b): out.append(contentsOf: b)
                    case .copy: preconditionFailure("nothing to copy from in memory")
                    }
                }, record: { .bytes(render($0)) })
                return out
            }
        }

        let path: String
        let fingerprint: UInt64?
        let body: Body
        var isRecords: Bool { if case .records = body { true } else { false } }
        /// For pages: the template and the view (tests render them with other engines).
        var view: (template: String, make: @Sendable () -> Any)? = nil
    }

    func stylesheet() throws(BuildError) -> Data {
        guard let css = try? Data(contentsOf: resources.appendingPathComponent("Resources/style.css")) else {
            throw .resources(reason: "cannot read Resources/style.css")
        }
        return css
    }

    /// Every file of the site for these reports, as jobs.
    func jobs(_ reports: [CheckedReport], notes: Notes, digests: [UInt64]) throws(BuildError) -> [Job] {
        let laps = Laps(indent: 2)
        let corpus = Corpus(reports)
        laps.lap("corpus")
        let css = try stylesheet()
        var settings = self.settings
        if settings.standalone {
            // The stylesheet inline, allowed by its hash: still no script and no other style.
            let hash = Data(SHA256.digest(Array(css))).base64EncodedString()
            settings.inlineStyle = String(decoding: css, as: UTF8.self)
            settings.contentSecurityPolicy = "default-src 'none'; style-src 'sha256-\(hash)'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
        }
        let analysis = CorpusAnalysis(corpus)
        laps.lap("analysis")
        let allowHTML = allowHTMLInNotes
        // The closures below capture this one object, not the structures it holds.
        let plan = PagePlan(analysis: analysis, site: settings, templates: templates, noteHTML: { markdown in
            Markdown.userHTML(markdown, options: allowHTML ? [.smart, .validateUTF8, .unsafe] : .default)
        })

        let sources = PageSources(analysis, digests: digests)
        laps.lap("fingerprints")

        var jobs: [Job] = []
        jobs.reserveCapacity(2 * corpus.entries.count + analysis.agencies.count + analysis.years.count + analysis.cities.count
                             + analysis.provinces.count + 8)
        func page(_ path: String, _ template: String, _ fingerprint: UInt64?, compared: (@Sendable () -> ComparedView)? = nil,
                  _ model: @escaping @Sendable () -> Any) {
            // Report pages show what changed whenever their report's reading did: not compared.
            let body: Job.Body = path.hasPrefix("reports/")
                ? .page({ () throws(BuildError) -> Data in try plan.templates.render(model(), template) })
                : .comparedPage(compared ?? { ComparedView(frame: { TemplateValue(model()) }) }, render: {
                    (value: TemplateValue, keyed: KeyedSection?) throws(BuildError) -> Data in
                    try plan.templates.render(value, template, keyed: keyed)
                })
            jobs.append(Job(path: path, fingerprint: fingerprint, body: body, view: (template, model)))
        }
        // The corpus-wide exports first: the largest jobs start while pages fill the other core.
        let ordered = corpus.entries.map(\.checked)
        let keys = sources.contents
        jobs.append(Job(path: "data/reports.json", fingerprint: sources.whole, body: .records(Job.Records(
            framing: .of(.jsonArray), keys: keys,
            render: { ExportRecord.jsonRecordBytes(ordered[$0]) }))))
        jobs.append(Job(path: "data/reports.csv", fingerprint: sources.whole, body: .records(Job.Records(
            framing: .of(.csv), keys: keys,
            render: { ExportRecord.csvRowBytes(ordered[$0]) }))))
        // A row per report, each made from its report alone: keyed by the report's page name
        // and digest.
        page("index.html", "index", sources.whole, compared: {
            let rows = ComparedView.Rows(name: "rows", keys: plan.corpus.entries.indices.map { sources.group([$0]) }) {
                IndexPage.row(analysis: plan.analysis, site: plan.site, index: $0).templateValue
            }
            return ComparedView(frame: { IndexPage(analysis: plan.analysis, site: plan.site, rows: false).templateValue }, rows: rows)
        }) {
            IndexPage(analysis: plan.analysis, site: plan.site)
        }
        // An item per broken rule, inferred figure and warning, each made from its report
        // alone: keyed by the report's page name and digest and the item's place in it.
        page("quality.html", "quality", sources.whole, compared: {
            let places = QualityPage.itemPlaces(plan.analysis)
            let keys = places.map { place in
                var f = Fingerprint()
                f.add(sources.group([place.entry]))
                f.add(UInt64(place.index))
                return f.value
            }
            let rows = ComparedView.Rows(name: "items", keys: keys) { QualityPage.item(analysis: plan.analysis, place: places[$0]).templateValue }
            return ComparedView(frame: { QualityPage(analysis: plan.analysis, site: plan.site, items: false).templateValue }, rows: rows)
        }) {
            QualityPage(analysis: plan.analysis, site: plan.site)
        }
        for (k, history) in analysis.agencies.enumerated() {
            let note = notes.forAgency(history.name)
            page("agencies/\(history.id).html", "agency", sources.group(history.entries.values.sorted(), note ?? "")) {
                AgencyPage(analysis: plan.analysis, history: plan.analysis.agencies[k], site: plan.site, notes: note.map(plan.noteHTML))
            }
        }
        laps.lap("exports, index, agencies")
        for year in analysis.years {
            // A row per report of the year, in rank order: keyed by the rank, the report and its
            // agency's sparkline.
            page("years/\(year).html", "year", sources.year(year), compared: {
                let ranked = plan.analysis.ranking(year: year)
                let keys = ranked.enumerated().map { n, i in
                    var f = Fingerprint()
                    f.add(UInt64(n + 1))
                    f.add(sources.group([i]))
                    f.add(sources.sparkline(of: i))
                    return f.value
                }
                let rows = ComparedView.Rows(name: "rows", keys: keys) { YearPage.row(analysis: plan.analysis, rank: $0 + 1, index: ranked[$0], sparklines: plan.yearSparklines).templateValue }
                return ComparedView(frame: { YearPage(analysis: plan.analysis, year: year, site: plan.site, rows: false).templateValue }, rows: rows)
            }) {
                YearPage(analysis: plan.analysis, year: year, site: plan.site)
            }
        }
        for city in analysis.cities.keys {
            page("cities/\(CorpusAnalysis.cityID(city)).html", "city", sources.city(city)) {
                CityPage(analysis: plan.analysis, city: city, site: plan.site)
            }
        }
        for province in analysis.provinces.keys {
            page("provinces/\(CorpusAnalysis.provinceID(province)).html", "province", sources.province(province)) {
                ProvincePage(analysis: plan.analysis, province: province, site: plan.site)
            }
        }
        laps.lap("comparison pages")
        for i in corpus.entries.indices {
            let entry = corpus.entries[i]
            let note = notes.forReport(source: entry.report.source)
            page("reports/\(entry.id).html", "report", sources.report(i, note: note)) {
                ReportPage(corpus: plan.corpus, index: i, site: plan.site, notes: note.map(plan.noteHTML), indicators: plan.analysis.indicators[i])
            }
            jobs.append(Job(path: "data/\(entry.id).json", fingerprint: sources.group([i], "data"), body: .page({
                Data(ExportRecord.jsonBytes(plan.corpus.entries[i].checked) + [0x0A])
            })))
        }
        if !settings.standalone {
            var f = Fingerprint()
            f.add(bytes: css)
            jobs.append(Job(path: "assets/style.css", fingerprint: f.value, body: .page({ css })))
        }
        if let base = settings.baseURL {
            // Stable URLs: the same paths on every build.
            let paths = jobs.map(\.path).filter { $0.hasSuffix(".html") }.sorted()
            var f = Fingerprint()
            f.add(base)
            for path in paths { f.add(path) }
            jobs.append(Job(path: "sitemap.xml", fingerprint: f.value, body: .page({
                var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                for path in paths { xml += "<url><loc>\(HTML.escape(base + path))</loc></url>\n" }
                return Data((xml + "</urlset>\n").utf8)
            })))
        }
        laps.lap("report pages")
        return jobs
    }

    /// Runs jobs on every core; the first error stops the rest and is thrown.
    func perform(_ jobs: [Job], _ run: @escaping @Sendable (Job) throws(BuildError) -> Void) throws(BuildError) {
        let failure = Mutex<BuildError?>(nil)
        let done = Atomic<Int>(0)
        let progress = self.progress
        Parallel.forEach(jobs.count) { i in
            guard failure.withLock({ $0 == nil }) else { return }
            do throws(BuildError) {
                let t0 = SiteBuilder.tracing ? Date() : .distantPast
                try run(jobs[i])
                if SiteBuilder.tracing, Date().timeIntervalSince(t0) > 0.02 {
                    FileHandle.standardError.write(Data("timing: \(jobs[i].path) \(Int(Date().timeIntervalSince(t0) * 1000)) ms\n".utf8))
                }
                let n = done.add(1, ordering: .relaxed).newValue
                progress?(BuildProgress(stage: .writing, done: n, total: jobs.count))
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Renders the site for already checked reports, in memory.
    public func render(_ reports: [CheckedReport]) throws(BuildError) -> [String: Data] {
        try render(reports, notes: Notes())
    }

    func render(_ reports: [CheckedReport], notes: Notes) throws(BuildError) -> [String: Data] {
        let rendered = Mutex<[String: Data]>([:])
        try perform(try jobs(reports, notes: notes, digests: [])) { (job: Job) throws(BuildError) in
            let data: Data
            switch job.body {
            case .page(let make): data = try make()
            case .comparedPage(let view, let render): data = try render(view().whole(), nil)
            case .records(let records): data = records.bytes
            }
            rendered.withLock { $0[job.path] = data }
        }
        return rendered.withLock { $0 }
    }

    /// Reads and renders in memory (tests, and callers that write the files themselves).
    public func build(_ inputs: [String], relativeTo base: URL? = nil) throws(BuildError) -> Result {
        let reading = read(inputs, relativeTo: base, cache: { nil })
        let files = try render(reading.reports, notes: reading.notes)
        return Result(files: files, reports: reading.reports, diagnostics: reading.diagnostics)
    }

    /// Everything besides the inputs that the pages depend on: a cache made under another key
    /// is not used.
    func cacheKey() throws(BuildError) -> UInt64 {
        var f = Fingerprint()
        f.add(Self.version)
        // The program itself: a rebuilt binary may render differently under the same version.
        if let exe = FileStamp.of(path: "/proc/self/exe") ?? FileStamp.of(path: CommandLine.arguments[0]) {
            f.add(UInt64(exe.size))
            f.add(UInt64(bitPattern: exe.modified))
        }
        f.add(templates.fingerprint)
        f.add(String(describing: settings))
        f.add(allowHTMLInNotes ? "html-notes" : "")
        for resource in ["Resources/labels/labels.tsv", "Resources/regions.tsv"] {
            f.add(bytes: (try? Data(contentsOf: resources.appendingPathComponent(resource))) ?? Data())
        }
        f.add(bytes: try stylesheet())
        return f.value
    }

    /// Reads the inputs and writes the site into `writer`'s folder, page by page, reusing what
    /// the previous build there left in its cache.
    public func build(_ inputs: [String], relativeTo base: URL? = nil, into writer: SiteWriter) throws(BuildError) -> Outcome {
        let laps = Laps()
        let session = try writer.open()
        let key = try cacheKey()
        laps.lap("open output")
        // The cache is decoded while the inputs are listed and stamped (both take a fifth of
        // a rebuild; one waits on the disk, the other on the processor).
        let loading = Pending<BuildCache?>()
        let root = session.root
        Parallel.async { loading.fulfil(BuildCache.load(from: root, key: key)) }
        let reading = read(inputs, relativeTo: base, cache: {
            laps.lap("list inputs")
            let cache = loading.wait()
            laps.lap("load cache (rest)")
            return cache
        })
        let previous = loading.wait()
        laps.lap("read inputs")
        if reading.reports.isEmpty {
            // Nothing to build: the caller reports why, from the diagnostics.
            session.abandon()
            return Outcome(reports: [], diagnostics: reading.diagnostics, summary: .init(), pages: 0, reusedInputs: 0, skippedPages: 0)
        }
        // What was read changed: encode it for the cache now, while pages are planned and
        // rendered (a tenth of a rebuild after one change, measured side by side).
        let inputsChanged = previous.map { previous in
            previous.inputs.count != reading.inputs.count
                || !reading.inputs.allSatisfy { path, input in previous.inputs[path].map(input.isSame) ?? false }
        } ?? true
        let encoding = Pending<BuildCache.PartialEncoding>()
        if inputsChanged {
            let inputs = reading.inputs
            let source = previous?.source
            Parallel.async { encoding.fulfil(BuildCache.encode(inputs, key: key, reusing: source)) }
        }
        let jobs = try jobs(reading.reports, notes: reading.notes, digests: reading.digests)
        // The pages' fingerprints are known before any page is made: their table is made, and
        // encoded after the inputs, while pages render (it was most of writing the cache,
        // at the end of a rebuild, where nothing else runs).
        let pageTable = Pending<(pages: [String: UInt64], encoding: BuildCache.PartialEncoding?)>()
        Parallel.async {
            var pages: [String: UInt64] = [:]
            pages.reserveCapacity(jobs.count)
            for job in jobs { if let f = job.fingerprint { pages[job.path] = f } }
            pageTable.fulfil((pages, inputsChanged ? BuildCache.encode(pages: pages, continuing: encoding.take()) : nil))
        }
        let paths = Set(jobs.map(\.path))
        laps.lap("plan pages")
        do {
            try session.claim(paths)
            laps.lap("claim paths")
            let skipped = Atomic<Int>(0)
            let rendered = Mutex<[String]>([])
            let exports = Mutex<[String: BuildCache.Export]>([:])
            // The view fingerprints of compared pages: the previous build's, replaced by this
            // build's for the pages it made a view of.
            let views = Mutex<[String: UInt64]>(previous?.views ?? [:])
            // Likewise their rows' fingerprints, by row key.
            let rows = Mutex<[String: [UInt64: UInt64]]>(previous?.rows ?? [:])
            // And where their rows lie in the files as written (see `KeyedSection`).
            let fragments = Mutex<[String: BuildCache.Fragments]>(previous?.fragments ?? [:])
            // A build stopped part-way must not leave a cache that describes the files as they
            // were before it (the next build would trust it): the cache goes before the first
            // file is written, and the new one is written at the end.
            if let previous, inputsChanged || jobs.contains(where: { $0.fingerprint == nil || previous.pages[$0.path] != $0.fingerprint }) {
                session.removePrivate(BuildCache.fileName)
            }
            try perform(jobs) { (job: Job) throws(BuildError) in
                func keep() {
                    session.keep(job.path)
                    skipped.add(1, ordering: .relaxed)
                }
                if let fingerprint = job.fingerprint, previous?.pages[job.path] == fingerprint, session.hasPrevious(job.path),
                   !job.isRecords || previous?.exports[job.path] != nil {
                    keep()
                    if job.isRecords { exports.withLock { $0[job.path] = previous?.exports[job.path] } }
                    return
                }
                switch job.body {
                case .comparedPage(let makeView, let render):
                    let view = makeView()
                    let made = view.fingerprint(known: previous?.rows[job.path] ?? [:])
                    views.withLock { $0[job.path] = made.fingerprint }
                    if view.rows != nil { rows.withLock { $0[job.path] = made.rows } }
                    if previous?.views[job.path] == made.fingerprint, session.hasPrevious(job.path) { return keep() }
                    rendered.withLock { $0.append(job.path) }
                    guard view.rows != nil else { return try session.put(job.path, try render(made.whole ?? view.whole(), nil)) }
                    let record = try view.write(job.path, made, render: render, into: session, previous: previous?.fragments[job.path])
                    fragments.withLock { $0[job.path] = record }
                case .page(let make):
                    rendered.withLock { $0.append(job.path) }
                    try session.put(job.path, try make())
                case .records(let records):
                    rendered.withLock { $0.append(job.path) }
                    let export = try session.records(job.path, records, previous: previous?.exports[job.path])
                    exports.withLock { $0[job.path] = export }
                }
            }
            laps.lap("render pages")
            var cache = BuildCache(key: key)
            // Its inputs' records can be copied from the archive they were loaded from.
            cache.source = previous?.source
            cache.exports = exports.withLock { $0 }
            cache.inputs = reading.inputs
            var (pages, pagesEncoded) = pageTable.take()
            cache.pages = pages
            cache.views = views.withLock { $0 }.filter { paths.contains($0.key) }
            cache.rows = rows.withLock { $0 }.filter { paths.contains($0.key) }
            cache.fragments = fragments.withLock { $0 }.filter { paths.contains($0.key) }
            // Written before the swap of a first build, so it moves into place with the site;
            // not rewritten when nothing changed.
            // (The archive encoded while pages rendered is there exactly when the inputs
            // changed; were it not, the cache is encoded here whole, not taken twice.)
            if inputsChanged, let encoded = pagesEncoded.take() {
                try session.putPrivate(BuildCache.fileName, cache.encodedParts(continuing: encoded))
            } else if inputsChanged || previous?.pages != cache.pages || previous?.exports != cache.exports || previous?.views != cache.views
                        || previous?.rows != cache.rows || previous?.fragments != cache.fragments
                        || !session.hasPrivate(BuildCache.fileName) {
                try session.putPrivate(BuildCache.fileName, cache.encodedParts())
            }
            laps.lap("write cache")
            let summary = try session.finish()
            laps.lap("finish")
            if keepsMemory { Self.kept.withLock { $0.append(contentsOf: [reading, jobs, previous as Any, session, cache]) } }
            return Outcome(reports: reading.reports, diagnostics: reading.diagnostics, summary: summary,
                           pages: paths.filter { $0.hasSuffix(".html") }.count, reusedInputs: reading.reused,
                           skippedPages: skipped.load(ordering: .relaxed), made: rendered.withLock { $0 })
        } catch {
            session.abandon()
            throw error
        }
    }
}

/// How far a build is, for a progress display.
public struct BuildProgress: Sendable {
    public enum Stage: String, Sendable {
        case reading = "reports read"
        case writing = "pages written"
    }

    public let stage: Stage
    public let done: Int
    public let total: Int
}
