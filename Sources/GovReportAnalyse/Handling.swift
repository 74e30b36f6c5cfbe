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

    public static let groups: [(key: String, label: String, prefix: String)] = [
        ("disclosed", "予以公开", "disclosed"),
        ("partially_disclosed", "部分公开", "partially_disclosed"),
        ("withheld", "不予公开", "withheld_"),
        ("unavailable", "无法提供", "unavailable_"),
        ("unprocessed", "不予处理", "unprocessed_"),
        ("other", "其他处理", "other"),
    ]

    public init(_ report: CheckedReport) {
        guard let edition = report.report.edition, edition.hasTables else {
            categories = []
            return
        }
        let rows = FigureKeys.outcomeRows(edition)
        categories = Self.groups.map { group in
            let keys = rows.filter { $0.key == group.prefix || ($0.key.hasPrefix(group.prefix) && group.prefix.hasSuffix("_"))
                || (group.key == "other" && $0.key.hasPrefix("other")) }
                .map { FigureKeys.application($0.key, "total") }
            let values = keys.map { report.value($0) }
            let sum: Double? = values.contains(where: { $0 == nil }) ? nil : values.compactMap { $0 }.reduce(0, +)
            return Category(key: group.key, label: group.label, value: sum, inferred: keys.contains { report.isInferred($0) })
        }
    }

    public var total: Double? {
        let values = categories.map(\.value)
        return values.contains(where: { $0 == nil }) || values.isEmpty ? nil : values.compactMap { $0 }.reduce(0, +)
    }
}
