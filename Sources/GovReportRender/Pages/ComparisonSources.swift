import GovReportAnalyse

/// What each comparison page (year, city, province) is made from, as a fingerprint: a
/// corrected report then re-renders the pages that show it, not every comparison page. Each
/// fingerprint must cover everything its page reads (a page left stale would differ from a
/// fresh build, which the incremental build tests compare against).
struct ComparisonSources {
    let analysis: CorpusAnalysis
    /// Entries of each year, in corpus order.
    private let byYear: [Int: [Int]]
    /// Entries of each city name (whatever the province), in corpus order.
    private let byCity: [String: [Int]]
    /// Each entry's agency as a number (-1: none), and per agency what its sparkline shows
    /// (each report's page name, year and received applications), made once: hashing agency
    /// names (Chinese text, hashed through its normal form) per entry and year cost more than
    /// the rest of the fingerprints.
    private let agencyOf: [Int]
    private let sparklines: [UInt64]

    init(_ analysis: CorpusAnalysis) {
        self.analysis = analysis
        let entries = analysis.corpus.entries
        var byYear: [Int: [Int]] = [:], byCity: [String: [Int]] = [:]
        for i in entries.indices {
            if let y = entries[i].report.year { byYear[y, default: []].append(i) }
            if let c = entries[i].report.region.city { byCity[c, default: []].append(i) }
        }
        self.byYear = byYear
        self.byCity = byCity
        var agencyOf = [Int](repeating: -1, count: entries.count)
        var sparklines: [UInt64] = []
        for (key, indices) in analysis.corpus.byAgency {
            var f = Fingerprint()
            f.add(key)
            for j in indices {
                agencyOf[j] = sparklines.count
                f.add(entries[j].id)
                f.add(UInt64(bitPattern: Int64(entries[j].report.year ?? Int.min)))
                if let received = analysis.indicators[j].received.value { f.add(received.bitPattern) } else { f.add("none") }
            }
            sparklines.append(f.value)
        }
        self.agencyOf = agencyOf
        self.sparklines = sparklines
    }

    private func add(_ i: Int, _ content: (Int) -> UInt64, to f: inout Fingerprint) {
        f.add(analysis.corpus.entries[i].id)
        f.add(content(i))
    }

    /// The year's reports (ranking, totals, rows) and, for the sparklines, the received
    /// applications of every report of their agencies in any year.
    func year(_ year: Int, content: (Int) -> UInt64) -> UInt64 {
        var f = Fingerprint()
        f.add("year \(year)")
        // The agencies' sparklines in the order of their first report of the year (a fixed
        // order: the corpus's, whatever the order of the dictionary numbering them).
        var seen = Set<Int>()
        var agencies: [Int] = []
        for i in byYear[year] ?? [] {
            add(i, content, to: &f)
            if agencyOf[i] >= 0, seen.insert(agencyOf[i]).inserted { agencies.append(agencyOf[i]) }
        }
        for a in agencies { f.add(sparklines[a]) }
        return f.value
    }

    /// Every report of the city's agencies (the table and sparklines span their years) and
    /// the provinces it is listed under (the breadcrumb).
    func city(_ city: String, content: (Int) -> UInt64) -> UInt64 {
        var f = Fingerprint()
        f.add("city \(city)")
        for province in analysis.provinces.keys.sorted() where analysis.provinces[province]!.contains(city) { f.add(province) }
        for key in analysis.cities[city] ?? [] {
            f.add(key)
            for j in analysis.corpus.byAgency[key] ?? [] { add(j, content, to: &f) }
        }
        return f.value
    }

    /// Every report of each of the province's cities, and the latest year of the corpus (the
    /// year the page compares).
    func province(_ province: String, content: (Int) -> UInt64) -> UInt64 {
        var f = Fingerprint()
        f.add("province \(province)")
        f.add(UInt64(bitPattern: Int64(analysis.years.last ?? 0)))
        for city in analysis.provinces[province] ?? [] {
            f.add(city)
            for i in byCity[city] ?? [] { add(i, content, to: &f) }
        }
        return f.value
    }
}
