import GovReportAnalyse
import GovReportIngest

/// What each file of the site is made from, as a fingerprint: when it equals the previous
/// build's, the file is left alone. Each fingerprint must cover everything its page reads (a
/// page left stale would differ from a fresh build, which the incremental build tests compare
/// against), and no more: a corrected report then re-renders the pages that show it — its
/// own, its agency's, its year, city and province — not every page.
struct PageSources {
    let analysis: CorpusAnalysis
    /// Each entry's report digest (what was read from it), in corpus order.
    let contents: [UInt64]
    /// Every report: the index, the quality page and the exports show them all.
    let whole: UInt64
    /// Per agency (numbered as `Corpus.agencyOf` numbers them) its reports and what its
    /// sparkline shows (each report's page name, year and received applications), made once:
    /// hashing agency names (Chinese text, hashed through its normal form) per entry and per
    /// year cost more than the rest of the fingerprints.
    private let families: [UInt64]
    private let sparklines: [UInt64]

    /// - Parameter digests: the digest of each checked report, in the order of the reports
    ///   the corpus was made from (empty: none known).
    init(_ analysis: CorpusAnalysis, digests: [UInt64]) {
        self.analysis = analysis
        let entries = analysis.corpus.entries
        contents = entries.map { $0.input < digests.count ? digests[$0.input] : 0 }
        var whole = Fingerprint()
        for i in entries.indices {
            whole.add(entries[i].id)
            whole.add(contents[i])
        }
        self.whole = whole.value
        // Numbered as the corpus numbers the agencies.
        let corpus = analysis.corpus
        var families: [UInt64] = [], sparklines: [UInt64] = []
        families.reserveCapacity(corpus.agencyKeys.count)
        sparklines.reserveCapacity(corpus.agencyKeys.count)
        for (key, indices) in zip(corpus.agencyKeys, corpus.agencyGroups) {
            var sparkline = Fingerprint()
            sparkline.add(key)
            for j in indices {
                sparkline.add(entries[j].id)
                sparkline.add(UInt64(bitPattern: Int64(entries[j].report.year ?? Int.min)))
                if let received = analysis.indicators[j].received.value { sparkline.add(received.bitPattern) } else { sparkline.add("none") }
            }
            sparklines.append(sparkline.value)
            var family = Fingerprint()
            Self.add(indices, entries, contents, to: &family)
            families.append(family.value)
        }
        self.families = families
        self.sparklines = sparklines
    }

    /// Each entry's agency as a number (-1: none): the corpus's.
    private var agencyOf: [Int] { analysis.corpus.agencyOf }

    /// Adds each report's page name and digest.
    private static func add(_ indices: [Int], _ entries: [Corpus.Entry], _ contents: [UInt64], to f: inout Fingerprint) {
        for i in indices {
            f.add(entries[i].id)
            f.add(contents[i])
        }
    }

    private func add(_ indices: [Int], to f: inout Fingerprint) { Self.add(indices, analysis.corpus.entries, contents, to: &f) }

    /// What a year page's row of entry `i` is made from besides the entry: its agency's
    /// sparkline (0 without an agency).
    func sparkline(of i: Int) -> UInt64 { agencyOf[i] >= 0 ? sparklines[agencyOf[i]] : 0 }

    /// These reports, and any other text the page shows (a note).
    func group(_ indices: [Int], _ extra: String...) -> UInt64 {
        var f = Fingerprint()
        add(indices, to: &f)
        for e in extra { f.add(e) }
        return f.value
    }

    /// A report page: every report of its agency (the page links and compares their years)
    /// and the report's note.
    func report(_ i: Int, note: String?) -> UInt64 {
        var f = Fingerprint()
        f.add(agencyOf[i] >= 0 ? families[agencyOf[i]] : group([i]))
        f.add(note ?? "")
        return f.value
    }

    /// The year's reports (ranking, totals, rows) and, for the sparklines, the received
    /// applications of every report of their agencies in any year.
    func year(_ year: Int) -> UInt64 {
        var f = Fingerprint()
        f.add("year \(year)")
        let indices = analysis.entries(ofYear: year)
        add(indices, to: &f)
        // The agencies' sparklines in the order of their first report of the year (the
        // corpus's order, whatever the order of the dictionary numbering them).
        var seen = Set<Int>()
        for i in indices where agencyOf[i] >= 0 && seen.insert(agencyOf[i]).inserted { f.add(sparklines[agencyOf[i]]) }
        return f.value
    }

    /// Every report of the city's agencies (the table and sparklines span their years) and
    /// the province its breadcrumb names.
    func city(_ city: String) -> UInt64 {
        var f = Fingerprint()
        f.add("city \(city)")
        f.add(analysis.province(of: city) ?? "")
        for key in analysis.cities[city] ?? [] {
            f.add(key)
            add(analysis.corpus.byAgency[key] ?? [], to: &f)
        }
        return f.value
    }

    /// Every report of each of the province's cities, and the latest year of the corpus (the
    /// year the page compares).
    func province(_ province: String) -> UInt64 {
        var f = Fingerprint()
        f.add("province \(province)")
        f.add(UInt64(bitPattern: Int64(analysis.years.last ?? 0)))
        for city in analysis.provinces[province] ?? [] {
            f.add(city)
            add(analysis.entries(ofCity: city), to: &f)
        }
        return f.value
    }
}
