import GovReportIngest

/// A broken consistency rule (勾稽关系), with the figures involved and where they were read.
public struct Violation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The rule's number in the spec (1–5).
    public let rule: Int
    /// The rule written out with the figures ("本年新收 7 + 上年结转 1 ≠ 办理结果总计 9 + 结转下年度 0").
    public let message: String
    /// The canonical keys of the figures involved.
    public let keys: [String]
    public let location: SourceLocation

    public init(rule: Int, message: String, keys: [String], location: SourceLocation) {
        self.rule = rule
        self.message = message
        self.keys = keys
        self.location = location
    }

    public var description: String { "\(location): warning: rule \(rule): \(message)" }

    public var diagnostic: Diagnostic { Diagnostic(.warning, location, "rule \(rule): \(message)") }

    public static func < (a: Violation, b: Violation) -> Bool {
        (a.location, a.rule, a.message) < (b.location, b.rule, b.message)
    }
}
