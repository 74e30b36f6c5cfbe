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
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let file = files[i]
            let outcome: Swift.Result<CheckedReport, IngestError>
            do throws(IngestError) {
                let text = try SourceText.load(fileAt: file.url, displayPath: file.displayPath)
                outcome = .success(checker.check(parser.parse(text)))
            } catch {
                outcome = .failure(error)
            }
            results.withLock { $0[i] = outcome }
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
        var files: [String: Data] = [:]
        func page(_ object: Any, _ template: String, to path: String) throws(BuildError) {
            files[path] = Data(try templates.render(object, template).utf8)
        }
        let analysis = CorpusAnalysis(corpus)
        try page(IndexPage(analysis: analysis, site: settings), "index", to: "index.html")
        try page(QualityPage(analysis: analysis, site: settings), "quality", to: "quality.html")
        for history in analysis.agencies {
            try page(AgencyPage(analysis: analysis, history: history, site: settings, notes: notes.forAgency(history.name).map(noteHTML)),
                     "agency", to: "agencies/\(history.id).html")
        }
        for year in analysis.years {
            try page(YearPage(analysis: analysis, year: year, site: settings), "year", to: "years/\(year).html")
        }
        for city in analysis.cities.keys {
            try page(CityPage(analysis: analysis, city: city, site: settings), "city", to: "cities/\(CorpusAnalysis.cityID(city)).html")
        }
        for i in corpus.entries.indices {
            let entry = corpus.entries[i]
            try page(ReportPage(corpus: corpus, index: i, site: settings, notes: notes.forReport(source: entry.report.source).map(noteHTML)),
                     "report", to: "reports/\(entry.id).html")
            files["data/\(entry.id).json"] = Data((ExportRecord.json(ExportRecord.object(entry.checked)) + "\n").utf8)
        }
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

    func noteHTML(_ markdown: String) -> String {
        Markdown.userHTML(markdown, options: allowHTMLInNotes ? [.smart, .validateUTF8, .unsafe] : .default)
    }

    public func build(_ inputs: [String], relativeTo base: URL? = nil) throws(BuildError) -> Result {
        var builder = self
        let (reports, diagnostics) = builder.readWithNotes(inputs, relativeTo: base)
        let files = try builder.render(reports)
        return Result(files: files, reports: reports, diagnostics: diagnostics)
    }
}
