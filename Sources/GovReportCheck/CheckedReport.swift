import GovReportIngest
import GovReportParse

/// A report after checking: the figures read, the figures inferred from the rules (kept
/// apart, never mixed into `report.figures`), the broken rules and every diagnostic.
public struct CheckedReport: Sendable {
    public struct Inference: Sendable, Hashable {
        public let value: Double
        /// The rule that determined it.
        public let rule: Int
        /// The equation written out, for the page and the export.
        public let reason: String

        public init(value: Double, rule: Int, reason: String) {
            self.value = value
            self.rule = rule
            self.reason = reason
        }
    }

    public init(report: Report, inferred: [String: Inference], violations: [Violation]) {
        storage = Storage(report: report, inferred: inferred, violations: violations)
    }

    /// The parts, shared by every copy: a checked report is never changed, and the site
    /// copies each one into its reading, its corpus entry and its cache record (copying the
    /// fields one by one touched every string and table of the report each time).
    @usableFromInline final class Storage: Sendable {
        @usableFromInline let report: Report
        @usableFromInline let inferred: [String: Inference]
        @usableFromInline let violations: [Violation]

        init(report: Report, inferred: [String: Inference], violations: [Violation]) {
            self.report = report
            self.inferred = inferred
            self.violations = violations
        }
    }

    @usableFromInline let storage: Storage

    @inlinable public var report: Report { storage.report }
    @inlinable public var inferred: [String: Inference] { storage.inferred }
    @inlinable public var violations: [Violation] { storage.violations }

    /// A figure as the site uses it: the read value, else the inferred one (and whether it
    /// was inferred), with the figure as read (for its origin); nil when neither exists.
    /// The one place that says which wins.
    public func resolved(_ key: String, figure: Figure?) -> (value: Double, inferred: Bool, figure: Figure?)? {
        if let v = figure?.value { return (v, false, figure) }
        // (Most reports infer nothing: no key is hashed for them.)
        if !inferred.isEmpty, let inference = inferred[key] { return (inference.value, true, figure) }
        return nil
    }

    public func resolved(_ key: String) -> (value: Double, inferred: Bool, figure: Figure?)? {
        resolved(key, figure: report.figures[key])
    }

    /// `resolved(key)` for a key whose place in a figure table is known.
    public func resolved(_ key: PlacedKey) -> (value: Double, inferred: Bool, figure: Figure?)? {
        resolved(key.key, figure: report.figures[key])
    }

    /// The read value, else the inferred one.
    public func value(_ key: String) -> Double? { resolved(key)?.value }

    public func isInferred(_ key: String) -> Bool { resolved(key)?.inferred ?? false }

    /// Parser diagnostics and broken rules together, sorted, as `govreport check` prints them.
    public var diagnostics: [Diagnostic] {
        var all: [Diagnostic] = []
        appendDiagnostics(to: &all)
        return all.sorted()
    }

    /// `diagnostics` before sorting, appended to `all`: for what sorts many reports' at once
    /// (each report's sorted first, then all of them again, was a third of collecting a
    /// build's reports; a stable sort gives the same order either way).
    public func appendDiagnostics(to all: inout [Diagnostic]) {
        all += report.diagnostics
        for violation in violations { all.append(violation.diagnostic) }
    }

    /// This report without its figures, inferences and section places: what is left to keep
    /// of a report once it has been written out (its source, metadata, diagnostics and broken
    /// rules, for the closing diagnostics and the duplicate check), so that an export does
    /// not hold every report's figures until the end.
    public var withoutFigures: CheckedReport { withoutFigures(keepingInferred: false) }

    /// `withoutFigures`, keeping the inferred figures when asked: what `govreport check`
    /// prints of a report (its `--json` lists them).
    public func withoutFigures(keepingInferred: Bool) -> CheckedReport {
        var report = self.report
        report.figures = [:]
        report.sectionLines = [:]
        report.sectionNumbers = [:]
        return CheckedReport(report: report, inferred: keepingInferred ? inferred : [:], violations: violations)
    }

    public var warningCount: Int { report.diagnostics.filter { $0.severity >= .warning }.count }
}
