import GovReportCheck
import GovReportParse

/// A figure used in the analysis: its value (read or inferred) and whether it was inferred
/// or taken from prose, so pages can mark it.
public struct Measure: Sendable, Equatable {
    public let value: Double?
    public let inferred: Bool
    public let fromProse: Bool

    public init(value: Double?, inferred: Bool, fromProse: Bool) {
        self.value = value
        self.inferred = inferred
        self.fromProse = fromProse
    }

    public static let unknown = Measure(value: nil, inferred: false, fromProse: false)
}

/// The indicators of one report, each defined once here and written out on the site
/// (`IndicatorDefinitions`). Shares over a zero or unknown base are nil, shown as "—".
public struct Indicators: Sendable {
    public let received: Measure
    public let carriedOver: Measure
    public let handled: Measure
    public let disclosed: Measure
    public let partiallyDisclosed: Measure
    public let withheld: Measure
    public let unavailable: Measure
    public let unprocessed: Measure
    public let otherHandling: Measure
    public let carriedForward: Measure
    /// New applications by kind of applicant (the six columns).
    public let applicants: [Measure]
    public let reconsiderations: Measure
    public let lawsuits: Measure
    public let corrected: Measure

    /// The figure keys each indicator sums, built once per edition (building them per report
    /// was most of the cost of planning a rebuild).
    struct Keys: Sendable {
        let received, carriedOver, handled, disclosed, partiallyDisclosed: [PlacedKey]
        let withheld, unavailable, unprocessed, otherHandling, carriedForward: [PlacedKey]
        let applicants: [[PlacedKey]]
        let reconsiderations, lawsuits, corrected: [PlacedKey]

        init(_ edition: Edition) {
            func app(_ row: String, _ column: String) -> PlacedKey { PlacedKey(FigureKeys.application(row, column)) }
            func review(_ group: String, _ column: String) -> PlacedKey { PlacedKey(FigureKeys.review(group, column)) }
            let outcome = FigureKeys.outcomeRows(edition).map(\.key)
            func rows(_ prefix: String) -> [PlacedKey] { outcome.filter { $0.hasPrefix(prefix) }.map { app($0, "total") } }
            received = [app("new", "total")]
            carriedOver = [app("carried_over", "total")]
            handled = [app("outcome_total", "total")]
            disclosed = [app("disclosed", "total")]
            partiallyDisclosed = [app("partially_disclosed", "total")]
            withheld = rows("withheld_")
            unavailable = rows("unavailable_")
            unprocessed = rows("unprocessed_")
            otherHandling = rows("other")
            carriedForward = [app("carried_forward", "total")]
            applicants = FigureKeys.applicantKinds.map { [app("new", $0.key)] }
            let groups = FigureKeys.reviewGroups.map(\.key)
            reconsiderations = [review("reconsideration", "total")]
            lawsuits = groups.dropFirst().map { review($0, "total") }
            corrected = groups.map { review($0, "corrected") }
        }

        static let byEdition: [Edition: Keys] = Dictionary(uniqueKeysWithValues: Edition.allCases.map { ($0, Keys($0)) })
    }

    public init(_ checked: CheckedReport) {
        func measure(_ keys: [PlacedKey]) -> Measure {
            var sum = 0.0
            var inferred = false, prose = false
            for key in keys {
                guard let figure = checked.resolved(key) else { return .unknown }
                sum += figure.value
                inferred = inferred || figure.inferred
                prose = prose || figure.figure?.origin == .prose
            }
            return keys.isEmpty ? .unknown : Measure(value: sum, inferred: inferred, fromProse: prose)
        }
        let keys = Keys.byEdition[checked.report.edition ?? .format2021] ?? Keys(.format2021)
        received = measure(keys.received)
        carriedOver = measure(keys.carriedOver)
        handled = measure(keys.handled)
        disclosed = measure(keys.disclosed)
        partiallyDisclosed = measure(keys.partiallyDisclosed)
        withheld = measure(keys.withheld)
        unavailable = measure(keys.unavailable)
        unprocessed = measure(keys.unprocessed)
        otherHandling = measure(keys.otherHandling)
        carriedForward = measure(keys.carriedForward)
        applicants = keys.applicants.map(measure)
        reconsiderations = measure(keys.reconsiderations)
        lawsuits = measure(keys.lawsuits)
        corrected = measure(keys.corrected)
    }

    /// part / whole, nil when either is unknown or the whole is zero.
    public static func share(_ part: Measure, _ whole: Measure) -> Double? {
        guard let p = part.value, let w = whole.value, w > 0 else { return nil }
        return p / w
    }

    public var disclosureRate: Double? { Self.share(disclosed, handled) }
    public var partialRate: Double? { Self.share(partiallyDisclosed, handled) }
    public var refusalRate: Double? { Self.share(withheld, handled) }
    public var unavailableShare: Double? { Self.share(unavailable, handled) }
    public var unprocessedShare: Double? { Self.share(unprocessed, handled) }
    public var correctedShare: Double? {
        let total = Measure(value: [reconsiderations.value, lawsuits.value].contains(nil) ? nil
                                : (reconsiderations.value ?? 0) + (lawsuits.value ?? 0), inferred: false, fromProse: false)
        return Self.share(corrected, total)
    }
}

/// The definitions printed on the site, so that every number can be checked by hand.
public enum IndicatorDefinitions {
    public static let markdown = """
    - **新收申请**：表三“一、本年新收政府信息公开申请数量”总计列；2008 版报告取正文“受理依申请公开 N 件”，标注“正文”。
    - **办理结果总计**：表三“（七）总计”总计列。
    - **公开率**：（一）予以公开 ÷（七）总计。
    - **部分公开率**：（二）部分公开 ÷（七）总计。
    - **不予公开率**：（三）不予公开各项之和 ÷（七）总计。
    - **无法提供占比**、**不予处理占比**：（四）、（五）各项之和 ÷（七）总计。
    - **复议诉讼纠错率**：行政复议、行政诉讼“结果纠正”之和 ÷ 三组“总计”之和。
    - **同比**：与同一机关上一年度的差；上一年度缺报时不计算。
    - 分母为 0 或未载明时，比率记为“—”，不记为 0。推算补足的数字计入，并标注“推”。
    """
}
