import GovReportCheck
import GovReportParse

/// How a report's applications were handled, in the six outcome groups of section 三,
/// summed over the total column. A group whose rows are not all known is nil, never 0.
public struct Handling: Sendable {
    public struct Category: Sendable {
        public let key: String
        public let label: String
        public let value: Double?
        /// True when a figure of the group was inferred rather than read.
        public let inferred: Bool
    }

    public let categories: [Category]

    /// - Parameter indicators: the report's indicators when already made (the analysis makes
    ///   them for every report); made here otherwise.
    public init(_ report: CheckedReport, indicators: Indicators? = nil) {
        guard let edition = report.report.edition, edition.hasTables else {
            categories = []
            return
        }
        // The group sums are the indicators' own, so the chart, the summary and the
        // comparison pages count a group the same way.
        let i = indicators ?? Indicators(report)
        categories = Self.groups.map { group in
            let m = group.measure(i)
            return Category(key: group.key, label: group.label, value: m.value, inferred: m.inferred)
        }
    }

    /// One outcome group: its key, its label, and where the indicators keep its sum.
    public struct Group: Sendable {
        public let key: String
        public let label: String
        public let measure: @Sendable (Indicators) -> Measure
    }

    /// The six groups in the order of the table: every chart of outcomes lists these.
    public static let groups: [Group] = [
        Group(key: "disclosed", label: "予以公开", measure: { $0.disclosed }),
        Group(key: "partially_disclosed", label: "部分公开", measure: { $0.partiallyDisclosed }),
        Group(key: "withheld", label: "不予公开", measure: { $0.withheld }),
        Group(key: "unavailable", label: "无法提供", measure: { $0.unavailable }),
        Group(key: "unprocessed", label: "不予处理", measure: { $0.unprocessed }),
        Group(key: "other", label: "其他处理", measure: { $0.otherHandling }),
    ]

    public var total: Double? {
        let values = categories.map(\.value)
        return values.contains(where: { $0 == nil }) || values.isEmpty ? nil : values.compactMap { $0 }.reduce(0, +)
    }
}
