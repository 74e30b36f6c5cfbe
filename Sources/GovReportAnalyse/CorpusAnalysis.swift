import GovReportCheck
import GovReportIngest
import GovReportParse

/// Comparisons across the corpus: each agency over its years (gaps kept as gaps), each year
/// across agencies, each city across its districts and streets, and totals per year.
public struct CorpusAnalysis: Sendable {
    public struct AgencyHistory: Sendable {
        public let key: String
        public let name: String
        public let region: Region
        public let id: String
        /// Every year from the first to the last report; nil where the agency has no report.
        public let years: [Int]
        public let entries: [Int: Int]
    }

    public struct YearTotals: Sendable {
        public let year: Int
        public let reports: Int
        /// Sums over the reports that state the figure; nil when none does.
        public let received: Double?
        public let handled: Double?
        public let disclosed: Double?
        /// Reports whose figure was unknown and so not in the sum.
        public let incomplete: Int
    }

    public let corpus: Corpus
    public let indicators: [Indicators]
    public let agencies: [AgencyHistory]
    /// Agency key → index into `agencies`.
    public let agencyIndex: [TextKey: Int]
    public let years: [Int]
    /// City name → agency keys of its districts, streets and departments.
    public let cities: [String: [String]]
    /// Province → its cities that have reports.
    public let provinces: [String: [String]]
    /// City name → the entries of its reports (whatever the province), in corpus order.
    private let entriesByCity: [String: [Int]]
    /// City → the first province (by name) listing it: a city name found under two provinces
    /// is given the same one on every build.
    private let provinceOfCity: [String: String]
    public let totals: [YearTotals]
    /// Each year's entries, in corpus order (`entries(ofYear:)`) and ranked (`ranking(year:)`).
    private let entriesByYear: [Int: [Int]]
    private let rankings: [Int: [Int]]

    public init(_ corpus: Corpus) {
        self.corpus = corpus
        // On every core: at national scale this is a noticeable part of a rebuild.
        indicators = corpus.entries.parallelMap(chunk: 256) { Indicators($0.checked) }
        var agencies: [AgencyHistory] = []
        // (In the order of `corpus.agencyKeys`: an entry's agency is `agencies[corpus.agencyOf[i]]`.)
        for (key, indices) in zip(corpus.agencyKeys, corpus.agencyGroups) {
            let first = corpus.entries[indices[0]]
            var entries: [Int: Int] = [:]
            for i in indices { if let y = corpus.entries[i].report.year, entries[y] == nil { entries[y] = i } }
            let ys = entries.keys.sorted()
            agencies.append(AgencyHistory(key: key, name: first.agencyName, region: first.report.region,
                                          id: StableHash.hex(key), years: ys.isEmpty ? [] : Array(ys.first!...ys.last!), entries: entries))
        }
        self.agencies = agencies
        agencyIndex = Dictionary(uniqueKeysWithValues: agencies.enumerated().map { (TextKey($1.key), $0) })
        // Each year's entries found once: the years, their rankings, their totals and the pages'
        // fingerprints all go by them.
        var ofYear: [Int: [Int]] = [:]
        for i in corpus.entries.indices { if let y = corpus.entries[i].report.year { ofYear[y, default: []].append(i) } }
        entriesByYear = ofYear
        years = ofYear.keys.sorted()
        // An agency's reports lie side by side and nearly always share their region: a pair
        // equal to the previous entry's is skipped (comparing is cheaper than hashing names).
        // (Grouped and sorted as `TextKey`s: the groups and order `String` gives, without
        // hashing and comparing Chinese names through their normal form.)
        var cities: [TextKey: Set<TextKey>] = [:]
        var provinces: [TextKey: Set<TextKey>] = [:]
        var lastCity: (String, String)?, lastProvince: (String, String)?
        // Each city's entries, its name looked up only when it is not the one before it's.
        var cityEntries: [(name: String, entries: [Int])] = []
        var cityNumbers: [TextKey: Int] = [:]
        var cityNumber = -1
        for i in corpus.entries.indices {
            let report = corpus.entries[i].report
            if let city = report.region.city, let key = report.agencyKey, lastCity.map({ $0 != (city, key) }) ?? true {
                cities[TextKey(city), default: []].insert(TextKey(key))
                lastCity = (city, key)
            }
            if let p = report.region.province, let c = report.region.city, lastProvince.map({ $0 != (p, c) }) ?? true {
                provinces[TextKey(p), default: []].insert(TextKey(c))
                lastProvince = (p, c)
            }
            if let c = report.region.city {
                if cityNumber < 0 || !cityEntries[cityNumber].name.hasSameBytes(as: c) {
                    let key = TextKey(c)
                    if let known = cityNumbers[key] {
                        cityNumber = known
                    } else {
                        cityNumber = cityEntries.count
                        cityNumbers[key] = cityNumber
                        cityEntries.append((c, []))
                    }
                }
                cityEntries[cityNumber].entries.append(i)
            }
        }
        entriesByCity = Dictionary(uniqueKeysWithValues: cityEntries.lazy.map { ($0.name, $0.entries) })
        self.cities = Dictionary(uniqueKeysWithValues: cities.lazy.map { ($0.key.text, $0.value.sorted().map(\.text)) })
        self.provinces = Dictionary(uniqueKeysWithValues: provinces.lazy.map { ($0.key.text, $0.value.sorted().map(\.text)) })
        var provinceOfCity: [String: String] = [:]
        for province in provinces.keys.sorted() {
            for city in provinces[province]! where provinceOfCity[city.text] == nil { provinceOfCity[city.text] = province.text }
        }
        self.provinceOfCity = provinceOfCity
        let indicators = self.indicators
        // Each year ranked once, the years on every core (a year's page and its rows' keys both
        // rank it). Each entry's name is made a key once, ordered as `String` orders it: ties
        // in applications received are many at national scale, and comparing Chinese names as
        // `String`s, through their normal form, for each was a visible part of a year page.
        let ranked = years.parallelMap(chunk: 1) { year -> [Int] in
            var keyed = ofYear[year]!.map { (index: $0, received: indicators[$0].received.value ?? -1, name: TextKey(corpus.entries[$0].agencyName)) }
            keyed.sort { a, b in a.received != b.received ? a.received > b.received : a.name < b.name }
            return keyed.map(\.index)
        }
        rankings = Dictionary(uniqueKeysWithValues: zip(years, ranked))
        totals = years.map { year in
            let idx = ofYear[year]!
            func sum(_ f: (Indicators) -> Measure) -> (Double?, Int) {
                var s: Double?, missing = 0
                for i in idx { if let v = f(indicators[i]).value { s = (s ?? 0) + v } else { missing += 1 } }
                return (s, missing)
            }
            let (r, m1) = sum(\.received), (h, m2) = sum(\.handled), (d, m3) = sum(\.disclosed)
            return YearTotals(year: year, reports: idx.count, received: r, handled: h, disclosed: d, incomplete: max(m1, m2, m3))
        }
    }

    /// Every year from the first to the last of the corpus, gaps included.
    public var yearSpan: [Int] {
        guard let first = years.first, let last = years.last else { return [] }
        return Array(first...last)
    }

    /// The index of the agency's report for the year before, if there is one.
    public func previousYear(of index: Int) -> Int? {
        guard let y = corpus.entries[index].report.year, let history = history(ofEntry: index) else { return nil }
        return history.entries[y - 1]
    }

    /// The entries of a year, ranked by applications received (unknown last).
    public func ranking(year: Int) -> [Int] { rankings[year] ?? [] }

    /// The entries of a year's reports, in corpus order.
    public func entries(ofYear year: Int) -> [Int] { entriesByYear[year] ?? [] }

    /// The entries of a city's reports (whatever the province), in corpus order.
    public func entries(ofCity city: String) -> [Int] { entriesByCity[city] ?? [] }

    /// The province a city's pages name (the first by name, if the city is listed under two).
    public func province(of city: String) -> String? { provinceOfCity[city] }

    /// The history of an agency by key.
    public func history(of key: String) -> AgencyHistory? { agencyIndex[TextKey(key)].map { agencies[$0] } }

    /// The history of entry `index`'s agency (nil when the report names none), found by the
    /// entry's place, not by hashing the agency's name.
    public func history(ofEntry index: Int) -> AgencyHistory? {
        let k = corpus.agencyOf[index]
        return k >= 0 ? agencies[k] : nil
    }

    public static func cityID(_ city: String) -> String { StableHash.hex("city:" + city) }

    public static func provinceID(_ province: String) -> String { StableHash.hex("province:" + province) }
}
