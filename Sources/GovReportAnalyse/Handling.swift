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

    public init(_ report: CheckedReport) {
        guard let edition = report.report.edition, edition.hasTables else {
            categories = []
            return
        }
        // The group sums are the indicators' own, so the chart, the summary and the
        // comparison pages count a group the same way.
        let i = Indicators(report)
        let groups: [(String, String, Measure)] = [
            ("disclosed", "予以公开", i.disclosed), ("partially_disclosed", "部分公开", i.partiallyDisclosed),
            ("withheld", "不予公开", i.withheld), ("unavailable", "无法提供", i.unavailable),
            ("unprocessed", "不予处理", i.unprocessed), ("other", "其他处理", i.otherHandling),
        ]
        categories = groups.map { Category(key: $0.0, label: $0.1, value: $0.2.value, inferred: $0.2.inferred) }
    }

    public var total: Double? {
        let values = categories.map(\.value)
        return values.contains(where: { $0 == nil }) || values.isEmpty ? nil : values.compactMap { $0 }.reduce(0, +)
    }
}
