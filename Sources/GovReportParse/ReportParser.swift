import Foundation
import GovReportIngest

/// Turns the text of one report into a `Report`: metadata, edition, and every figure of
/// sections 二, 三 and 四 (or, for 2008-style reports, the figures stated in the prose).
/// It never throws: what it cannot read becomes a diagnostic on the report.
public struct ReportParser: Sendable {
    public let dictionary: LabelDictionary
    public let gazetteer: Gazetteer

    public init(dictionary: LabelDictionary, gazetteer: Gazetteer = Gazetteer()) {
        self.dictionary = dictionary
        self.gazetteer = gazetteer
    }

    static let markers2021 = ["本年制发件数", "本年废止件数", "现行有效件数", "逾期不补正", "本年收费金额"]
    static let markers2019 = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量"]

    public func parse(_ source: SourceText) -> Report {
        var report = Report(source: source.path)
        let metadata = MetadataExtractor(source: source, gazetteer: gazetteer).extract()
        report.agency = metadata.agency
        report.region = gazetteer.complete(metadata.region)
        report.year = metadata.year
        report.published = metadata.published
        report.titleLine = metadata.titleLine
        report.diagnostics += metadata.diagnostics

        let edition = detectEdition(source, year: metadata.year)
        report.edition = edition
        if let year = metadata.year {
            if edition == .free2008 && year >= 2019 {
                report.diagnostics.append(Diagnostic(.warning, source.location(metadata.titleLine ?? 0),
                    "report on \(year) has no applications table; read as a 2008-style prose report"))
            } else if edition.hasTables && year < 2019 {
                report.diagnostics.append(Diagnostic(.warning, source.location(metadata.titleLine ?? 0),
                    "report on \(year) uses the \(edition.rawValue) table format"))
            }
        }

        let splitter = SectionSplitter()
        let headings = splitter.headings(in: source)
        let ranges = splitter.ranges(headings, lineCount: source.lineCount)
        for h in headings {
            report.sectionLines[h.section] = h.index + 1
            report.sectionNumbers[h.section] = h.printedNumber
        }

        let prose = ProseFigureExtractor()
        // Every table and the prose read into the report's own table of figures, taken out of
        // the report while they are read (so that it is not copied when written) and put back:
        // each reading's table made, filled and merged into the report's was some 2 % of
        // reading. Their keys never meet (proactive.*, applications.*, reviews.*, prose.*; a
        // 2008-style report has the prose alone), so nothing read is written over.
        var reading = TableReading()
        swap(&reading.figures, &report.figures)
        if edition.hasTables {
            for section in Section.allCases where ranges[section] == nil {
                report.diagnostics.append(Diagnostic(.warning, source.location(0), "section ‘\(section.title)’ not found"))
            }
            func stream(_ section: Section) -> CellStream? {
                guard let r = ranges[section] else { return nil }
                let columns: Int? = switch section {
                case .applications: FigureKeys.applicantColumns.count
                case .reviews: FigureKeys.reviewKeys.count
                default: nil
                }
                return CellStream(source: source, lines: r, firstLine: r.lowerBound + 1, columnHint: columns)
            }
            if let s = stream(.proactive) {
                ProactiveTableParser(dictionary: dictionary, edition: edition, source: source).parse(s.rows, into: &reading)
            }
            if let s = stream(.applications) {
                ApplicationsTableParser(dictionary: dictionary, edition: edition, source: source).parse(s.rows, into: &reading)
            }
            if let s = stream(.reviews) {
                ReviewTableParser(source: source).parse(s, sectionLine: report.sectionLines[.reviews] ?? 0, into: &reading)
            }
            let overview = ranges[.overview] ?? 0..<(ranges.values.map(\.lowerBound).min() ?? source.lineCount)
            prose.extract(source, lines: overview, edition: edition, into: &reading.figures)
        } else {
            prose.extract(source, lines: 0..<source.lineCount, edition: edition, into: &reading.figures)
        }
        swap(&reading.figures, &report.figures)
        report.diagnostics += reading.diagnostics
        let tableFigures = report.figures.containsFigure { $0.origin == .table && $0.value != nil }
        if metadata.titleLine == nil && headings.count < 2 && !tableFigures {
            report.isRecognised = false
            report.diagnostics.append(Diagnostic(.error, source.location(0),
                "not an open-government-information annual report (no report title, no standard sections, no tables); skipped"))
        }
        if source.originalLines != nil {
            // Text made from HTML: point figures and diagnostics at the lines of the HTML file.
            report.figures.mapLines(source.originalLine)
            for i in report.diagnostics.indices where report.diagnostics[i].location.line > 0 {
                report.diagnostics[i].location.line = source.originalLine(report.diagnostics[i].location.line)
            }
            report.titleLine = report.titleLine.map(source.originalLine)
            report.sectionLines = report.sectionLines.mapValues(source.originalLine)
        }
        report.diagnostics.sort()
        // Every parser keys its figures with the canonical key strings, so ten thousand
        // reports hold one copy of each key (a test checks that they do).
        return report
    }

    func detectEdition(_ source: SourceText, year: Int?) -> Edition {
        // The markers may be split by white space, so they are looked for with it dropped. On
        // the UTF-8 bytes: controls and spaces are single bytes, U+00A0 is C2 A0 and U+3000 is
        // E3 80 80 (`droppedLength`), so dropping them keeps every other character whole.
        // The markers looked for in the source's text as it is (a web page's lines joined by
        // line feeds, which are dropped as the spaces are: a marker may run from one line
        // into the next), the dropped scalars passed over while matching
        // (`containsIgnoringSpaces`) — the same answers as in a spaceless copy, without making
        // the copy, which was some 2 % of reading.
        source.withBytes { text in
            Self.edition(has: { marker in marker.withUTF8Bytes { Self.containsIgnoringSpaces(text, $0) } }, year: year)
        }
    }

    /// Whether `marker` (valid UTF-8 holding none of the scalars `droppedLength` drops)
    /// is in `text` (valid UTF-8) once those scalars are dropped: its scalars one after
    /// another with only such scalars between them. Each place the marker's first scalar is
    /// (found with memchr by its last byte, as `ByteSearch` finds a needle) is read on from
    /// there, the dropped scalars passed over — each is whole, so what is read next starts a
    /// scalar.
    static func containsIgnoringSpaces(_ text: UnsafeBufferPointer<UInt8>, _ marker: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, !marker.isEmpty else { return marker.isEmpty }
        let n = text.count
        let firstLength = UTF8Scalar.decode(marker, at: 0).length
        let anchor = Int32(marker[firstLength - 1])
        var from = firstLength - 1
        while from < n {
            guard let hit = memchr(base + from, anchor, n - from) else { return false }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            from = at + 1
            let start = at - (firstLength - 1)
            var k = 0
            while k < firstLength - 1 && text[start + k] == marker[k] { k += 1 }
            guard k == firstLength - 1 else { continue }
            // The rest of the marker, the dropped scalars passed over before each of its bytes.
            var i = at + 1
            var j = firstLength
            while j < marker.count {
                while i < n {
                    let skip = droppedLength(text, at: i)
                    if skip == 0 { break }
                    i += skip
                }
                let length = UTF8Scalar.decode(marker, at: j).length
                guard i + length <= n else { break }
                var same = true
                for m in 0..<length where text[i + m] != marker[j + m] { same = false; break }
                guard same else { break }
                i += length
                j += length
            }
            if j == marker.count { return true }
        }
        return false
    }

    /// How many bytes the scalar at `i` of `b` (valid UTF-8) takes when it is one the edition's
    /// markers are looked for without — a control or an ASCII space (1), U+00A0 (C2 A0, 2),
    /// U+3000 (E3 80 80, 3) — and 0 for any other.
    @inline(__always)
    static func droppedLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c = b[i]
        if c <= 32 { return 1 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        return 0
    }

    /// The edition the markers found say, given how to find one. Asks only what can change
    /// the answer (`editionByEveryMarker`'s, which asks for all of them): the 2019 markers are
    /// counted only until they outnumber the 2021 markers found or can no longer reach them —
    /// each marker is a search of the whole text, and a report of one edition has none of the
    /// other's.
    static func edition(has: (String) -> Bool, year: Int?) -> Edition {
        let score2021 = Self.markers2021.filter(has).count
        var score2019 = 0
        for (k, marker) in Self.markers2019.enumerated() {
            if score2019 > score2021 { return .format2019 }
            if score2019 + (Self.markers2019.count - k) < score2021 { return .format2021 }
            if has(marker) { score2019 += 1 }
        }
        return edition(score2021: score2021, score2019: score2019, has: has, year: year)
    }

    /// The edition the markers found say, every marker looked for: the reference `edition`
    /// is tested against.
    static func editionByEveryMarker(has: (String) -> Bool, year: Int?) -> Edition {
        edition(score2021: Self.markers2021.filter(has).count, score2019: Self.markers2019.filter(has).count, has: has, year: year)
    }

    private static func edition(score2021: Int, score2019: Int, has: (String) -> Bool, year: Int?) -> Edition {
        if score2021 > score2019 { return .format2021 }
        if score2019 > score2021 { return .format2019 }
        // (The table's own words asked only when the markers tie.)
        guard score2021 > 0 || has("本年新收") || has("上年结转") else { return .free2008 }
        return (year ?? 2021) >= 2021 ? .format2021 : .format2019
    }
}
