import GovReportCheck
import GovReportIngest
import GovReportParse

/// The checked reports of one build, in a fixed order (agency, year, source), each with a
/// stable page name, and the links between the years of the same agency.
public struct Corpus: Sendable {
    public struct Entry: Sendable {
        public let checked: CheckedReport
        /// The page name without extension: `<year>-<hash of agency>`, stable across rebuilds
        /// and independent of the input order.
        public let id: String
        /// Its place in the list of reports the corpus was made from (what a caller keeps
        /// alongside the reports is found by it, not by hashing the report's path).
        public let input: Int
        public var report: Report { checked.report }
        public var agencyName: String { report.agency?.name ?? "（未识别机关）" }
    }

    public let entries: [Entry]
    /// Indices into `entries` of every report of an agency, by year.
    public let byAgency: [String: [Int]]
    /// The keys of `byAgency` in order.
    public let agencyKeys: [String]
    /// `byAgency`'s lists in the order of `agencyKeys`.
    public let agencyGroups: [[Int]]
    /// Each entry's agency: its place in `agencyKeys` (-1 when the report names none). Pages
    /// find an entry's agency by it rather than by its name: hashing a Chinese name, through
    /// its normal form, into a table that grows with the corpus was a part of every report,
    /// year and agency page that grew faster than the corpus.
    public let agencyOf: [Int]

    public init(_ reports: [CheckedReport]) {
        // In (agency, year, source) order, sorting the agencies once each and then each
        // agency's few reports: comparing agency names (Chinese text, compared through its
        // normal form) for every pair of reports was most of the time planning a rebuild.
        // (Keyed and sorted as `TextKey`s: the same groups and order as by `String`, without
        // hashing and comparing every name through its normal form.)
        var groups: [TextKey: [Int]] = [:]
        for (i, checked) in reports.enumerated() { groups[TextKey(checked.report.agencyKey ?? "~"), default: []].append(i) }
        var sorted: [Int] = []
        sorted.reserveCapacity(reports.count)
        // Each agency's reports end up side by side: their places are known without hashing
        // every report's agency name again.
        var byAgency: [String: [Int]] = [:]
        byAgency.reserveCapacity(groups.count)
        var agencyKeys: [String] = []
        agencyKeys.reserveCapacity(groups.count)
        var agencyGroups: [[Int]] = []
        agencyGroups.reserveCapacity(groups.count)
        var agencyOf = [Int](repeating: -1, count: reports.count)
        for key in groups.keys.sorted() {
            let members = groups[key]!.sorted {
                (reports[$0].report.year ?? 0, reports[$0].report.source) < (reports[$1].report.year ?? 0, reports[$1].report.source)
            }
            // (Reports without an agency share the group "~" and are left out.)
            let named = members.indices.filter { reports[members[$0]].report.agencyKey != nil }.map { sorted.count + $0 }
            if !named.isEmpty {
                for j in named { agencyOf[j] = agencyKeys.count }
                byAgency[key.text] = named
                agencyKeys.append(key.text)
                agencyGroups.append(named)
            }
            sorted += members
        }
        var used: [String: Int] = [:]
        var entries: [Entry] = []
        // An agency's reports are side by side: the hash of its name is made once for them
        // (reused only for the same bytes: the hash is of the bytes).
        var last: (part: String, hex: String)?
        for input in sorted {
            let checked = reports[input]
            let agencyPart = checked.report.agencyKey ?? checked.report.source
            let hex: String
            if let last, last.part.hasSameBytes(as: agencyPart) { hex = last.hex } else { hex = StableHash.hex(agencyPart); last = (agencyPart, hex) }
            var id = "\(checked.report.year.map(String.init) ?? "unknown")-\(hex)"
            used[id, default: 0] += 1
            let n = used[id]!
            if n > 1 { id += "-\(n)" }
            entries.append(Entry(checked: checked, id: id, input: input))
        }
        self.entries = entries
        self.byAgency = byAgency
        self.agencyKeys = agencyKeys
        self.agencyGroups = agencyGroups
        self.agencyOf = agencyOf
    }

    /// Every entry of the agency of entry `index`, in year order (nil when it names none).
    public func agencyMembers(of index: Int) -> [Int]? {
        agencyOf[index] >= 0 ? agencyGroups[agencyOf[index]] : nil
    }

    /// Other reports of the same agency for the same year (duplicates or re-issues).
    public func sameYear(as index: Int) -> [Entry] {
        otherYears(of: index).filter { $0.report.year == entries[index].report.year }
    }

    /// The other reports of the same agency, in year order.
    public func otherYears(of index: Int) -> [Entry] {
        guard let all = agencyMembers(of: index) else { return [] }
        return all.filter { $0 != index }.map { entries[$0] }
    }
}
