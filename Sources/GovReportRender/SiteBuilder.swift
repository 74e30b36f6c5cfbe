import Foundation
import Synchronization
import GovReportAnalyse
import GovReportCheck
import GovReportIngest
import GovReportParse

/// The whole pipeline behind `govreport build`: read the inputs, parse and check every
/// report, and render the site's files. A report that cannot be read becomes a diagnostic;
/// the others still build.
public struct SiteBuilder {
    public struct Result: Sendable {
        /// Relative path → bytes, for the site writer (or a test) to use.
        public var files: [String: Data]
        public var reports: [CheckedReport]
        public var diagnostics: [Diagnostic]
    }

    public let resources: URL
    public let templates: TemplateSet
    public let dictionary: LabelDictionary
    public let gazetteer: Gazetteer
    public var settings: SiteSettings
    /// A folder of Markdown notes (`<agency name>.md`, `<report file name>.md`).
    public var notesFolder: URL?
    /// Keep raw HTML in notes (trusted authors only).
    public var allowHTMLInNotes = false
    /// Told how far the build is (from any thread): the CLI draws a progress bar with it.
    public var progress: (@Sendable (BuildProgress) -> Void)?
    private(set) var notes = Notes()

    /// - Parameters:
    ///   - resources: the package root holding `Resources/` and `Templates/`.
    ///   - templateOverrides: a folder whose templates replace the bundled ones by name.
    public init(resources: URL, templateOverrides: URL? = nil, settings: SiteSettings = SiteSettings()) throws(BuildError) {
        self.resources = resources
        self.settings = settings
        templates = try TemplateSet(defaults: resources.appendingPathComponent("Templates"), overrides: templateOverrides)
        do {
            dictionary = try LabelDictionary.load(from: resources.appendingPathComponent("Resources/labels/labels.tsv"))
            gazetteer = try Gazetteer.load(from: resources.appendingPathComponent("Resources/regions.tsv"))
        } catch {
            throw .resources(reason: "\(error)")
        }
    }

    /// Reads, parses and checks the given inputs (files or folders).
    public func read(_ inputs: [String], relativeTo base: URL? = nil) -> (reports: [CheckedReport], diagnostics: [Diagnostic]) {
        var copy = self
        return copy.readWithNotes(inputs, relativeTo: base)
    }

    mutating func readWithNotes(_ inputs: [String], relativeTo base: URL?) -> (reports: [CheckedReport], diagnostics: [Diagnostic]) {
        let (files, errors) = InputCollector().collect(inputs, relativeTo: base)
        let (notes, noteErrors) = Notes.collect(beside: files, folder: notesFolder)
        self.notes = notes
        var diagnostics = (errors + noteErrors).map(\.diagnostic)
        var reports: [CheckedReport] = []
        let parser = ReportParser(dictionary: dictionary, gazetteer: gazetteer)
        let checker = ConsistencyChecker()
        // Files are read, parsed and checked on every core; results are kept by input index,
        // so the output is the same as a single-threaded run's.
        let results = Mutex<[Int: Swift.Result<CheckedReport, IngestError>]>([:])
        let progress = self.progress
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let file = files[i]
            let outcome: Swift.Result<CheckedReport, IngestError>
            do throws(IngestError) {
                let text = try SourceText.load(fileAt: file.url, displayPath: file.displayPath)
                outcome = .success(checker.check(parser.parse(text)))
            } catch {
                outcome = .failure(error)
            }
            let done = results.withLock { r in r[i] = outcome; return r.count }
            progress?(BuildProgress(stage: .reading, done: done, total: files.count))
        }
        let collected = results.withLock { $0 }
        for i in files.indices {
            switch collected[i]! {
            case .success(let checked):
                diagnostics += checked.diagnostics
                if checked.report.isRecognised { reports.append(checked) }
            case .failure(let error):
                diagnostics.append(error.diagnostic)
            }
        }
        // Two reports of one agency for one year: a duplicate or a corrected re-issue. Both
        // are kept (the site shows them side by side); the user is told.
        let groups = Dictionary(grouping: reports.filter { $0.report.agencyKey != nil && $0.report.year != nil }) {
            "\($0.report.agencyKey!)|\($0.report.year!)"
        }
        for (_, group) in groups where group.count > 1 {
            let paths = group.map(\.report.source).sorted()
            for path in paths {
                let others = paths.filter { $0 != path }.joined(separator: ", ")
                diagnostics.append(Diagnostic(.warning, SourceLocation(path: path, line: 0),
                    "another report of ‘\(group[0].report.agencyKey!)’ for \(group[0].report.year!) is in \(others) (a duplicate or a corrected re-issue); both are kept"))
            }
        }
        return (reports, diagnostics.sorted())
    }

    /// Renders the site for already checked reports.
    public func render(_ reports: [CheckedReport]) throws(BuildError) -> [String: Data] {
        let corpus = Corpus(reports)
        guard let css = try? Data(contentsOf: resources.appendingPathComponent("Resources/style.css")) else {
            throw .resources(reason: "cannot read Resources/style.css")
        }
        var settings = self.settings
        if settings.standalone {
            // The stylesheet inline, allowed by its hash: still no script and no other style.
            let hash = Data(SHA256.digest(Array(css))).base64EncodedString()
            settings.inlineStyle = String(decoding: css, as: UTF8.self)
            settings.contentSecurityPolicy = "default-src 'none'; style-src 'sha256-\(hash)'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
        }
        let analysis = CorpusAnalysis(corpus)
        // Every page is a job: built and rendered on every core, collected by path, so the
        // bytes do not depend on the order the jobs finish in.
        let site = settings
        var jobs: [(path: String, make: @Sendable () throws(BuildError) -> Data)] = []
        func page(_ path: String, _ template: String, _ model: @escaping @Sendable () -> Any) {
            let templates = self.templates
            jobs.append((path, { () throws(BuildError) -> Data in Data(try templates.render(model(), template).utf8) }))
        }
        page("index.html", "index") { IndexPage(analysis: analysis, site: site) }
        page("quality.html", "quality") { QualityPage(analysis: analysis, site: site) }
        let notes = self.notes
        let allowHTML = allowHTMLInNotes
        let noteHTML: @Sendable (String) -> String = { markdown in
            Markdown.userHTML(markdown, options: allowHTML ? [.smart, .validateUTF8, .unsafe] : .default)
        }
        for history in analysis.agencies {
            page("agencies/\(history.id).html", "agency") {
                AgencyPage(analysis: analysis, history: history, site: site, notes: notes.forAgency(history.name).map(noteHTML))
            }
        }
        for year in analysis.years {
            page("years/\(year).html", "year") { YearPage(analysis: analysis, year: year, site: site) }
        }
        for city in analysis.cities.keys {
            page("cities/\(CorpusAnalysis.cityID(city)).html", "city") { CityPage(analysis: analysis, city: city, site: site) }
        }
        for province in analysis.provinces.keys {
            page("provinces/\(CorpusAnalysis.provinceID(province)).html", "province") {
                ProvincePage(analysis: analysis, province: province, site: site)
            }
        }
        for i in corpus.entries.indices {
            let entry = corpus.entries[i]
            page("reports/\(entry.id).html", "report") {
                ReportPage(corpus: corpus, index: i, site: site, notes: notes.forReport(source: entry.report.source).map(noteHTML))
            }
            jobs.append(("data/\(entry.id).json", { Data((ExportRecord.json(ExportRecord.object(entry.checked)) + "\n").utf8) }))
        }
        let rendered = Mutex<[String: Data]>([:])
        let failure = Mutex<BuildError?>(nil)
        let work = jobs
        let progress = self.progress
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            do throws(BuildError) {
                let data = try work[i].make()
                let done = rendered.withLock { r in r[work[i].path] = data; return r.count }
                progress?(BuildProgress(stage: .writing, done: done, total: work.count))
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        var files = rendered.withLock { $0 }
        let ordered = corpus.entries.map(\.checked)
        files["data/reports.json"] = Data((ExportRecord.json(ordered.map(ExportRecord.object)) + "\n").utf8)
        files["data/reports.csv"] = Data(ExportRecord.csv(ordered).utf8)
        if !settings.standalone { files["assets/style.css"] = css }
        if let base = settings.baseURL {
            // Stable URLs: the same paths on every build.
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for path in files.keys.filter({ $0.hasSuffix(".html") }).sorted() {
                xml += "<url><loc>\(HTML.escape(base + path))</loc></url>\n"
            }
            files["sitemap.xml"] = Data((xml + "</urlset>\n").utf8)
        }
        return files
    }

    public func build(_ inputs: [String], relativeTo base: URL? = nil) throws(BuildError) -> Result {
        var builder = self
        let (reports, diagnostics) = builder.readWithNotes(inputs, relativeTo: base)
        let files = try builder.render(reports)
        return Result(files: files, reports: reports, diagnostics: diagnostics)
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
