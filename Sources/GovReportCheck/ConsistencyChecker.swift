import Foundation
import GovReportIngest
import GovReportParse

/// Applies the consistency rules of the spec to a report: fills in figures that exactly one
/// rule determines (marked inferred), then reports every rule instance that does not hold.
public struct ConsistencyChecker: Sendable {
    public init() {}

    public func check(_ report: Report) -> CheckedReport {
        guard let edition = report.edition else {
            return CheckedReport(report: report, inferred: [:], violations: [])
        }
        let equations = Equation.all(for: edition).filter { eq in eq.keys.contains { report.figures[$0] != nil } }
        var known: [String: Double] = [:]
        for (key, figure) in report.figures { if let v = figure.value { known[key] = v } }

        // Inference: repeat until no equation has exactly one unknown left.
        var inferred: [String: CheckedReport.Inference] = [:]
        var changed = true
        while changed {
            changed = false
            for eq in equations {
                let unknown = eq.keys.filter { known[$0] == nil }
                guard unknown.count == 1, let key = unknown.first else { continue }
                let leftSum = eq.left.compactMap { known[$0] }.reduce(0, +)
                let rightSum = eq.right.compactMap { known[$0] }.reduce(0, +)
                let value = eq.left.contains(key) ? rightSum - leftSum : leftSum - rightSum
                guard value >= 0, value == value.rounded() else { continue }
                known[key] = value
                inferred[key] = CheckedReport.Inference(value: value, rule: eq.rule, reason: render(eq, known, inferred: [key]))
                changed = true
            }
        }

        var violations: [Violation] = []
        for eq in equations {
            guard eq.keys.allSatisfy({ known[$0] != nil }) else { continue }
            let l = eq.left.map { known[$0]! }.reduce(0, +)
            let r = eq.right.map { known[$0]! }.reduce(0, +)
            guard abs(l - r) > 1e-9 else { continue }
            let line = eq.keys.compactMap { report.figures[$0]?.line }.min() ?? 0
            violations.append(Violation(rule: eq.rule, message: "\(eq.scope): " + render(eq, known, inferred: Set(inferred.keys), equal: false),
                                        keys: eq.keys, location: SourceLocation(path: report.source, line: line)))
        }

        // Rule 5: the prose restates a table figure.
        if let said = report.figures[FigureKeys.Prose.applicationsReceived], let n = said.value {
            let new = known[FigureKeys.application("new", "total")]
            let carried = known[FigureKeys.application("carried_over", "total")]
            let candidates = [new, new.flatMap { a in carried.map { a + $0 } }].compactMap { $0 }
            if !candidates.isEmpty && !candidates.contains(n) {
                let table = new.map { Self.format($0) } ?? "—"
                violations.append(Violation(rule: 5,
                    message: "正文称收到申请 \(Self.format(n)) 件，表中本年新收 \(table)" + (carried.map { "、上年结转 \(Self.format($0))" } ?? ""),
                    keys: [FigureKeys.Prose.applicationsReceived, FigureKeys.application("new", "total")],
                    location: SourceLocation(path: report.source, line: said.line)))
            }
        }

        let diagnostics = report.diagnostics + StructureChecker().diagnostics(report)
        var checkedReport = report
        checkedReport.diagnostics = diagnostics.sorted()
        return CheckedReport(report: checkedReport, inferred: inferred, violations: violations.sorted())
    }

    func render(_ eq: Equation, _ known: [String: Double], inferred: Set<String>, equal: Bool = true) -> String {
        func term(_ key: String) -> String {
            let v = known[key].map { Self.format($0) } ?? "?"
            return "\(FigureKeys.label(for: key)) \(v)\(inferred.contains(key) ? "（推算）" : "")"
        }
        return eq.left.map(term).joined(separator: " + ") + (equal ? " = " : " ≠ ") + eq.right.map(term).joined(separator: " + ")
    }

    /// Numbers as reports print them: integers without a decimal point.
    public static func format(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        // Four decimals at most, trailing zeros dropped: "%.4f" without Foundation's
        // formatter, which was a tenth of a rebuild (charts print many coordinates).
        let scaled = (abs(v) * 10000).rounded(.toNearestOrEven)
        guard v.isFinite, scaled < 1e15 else {
            var s = String(format: "%.4f", v)
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            return s
        }
        let n = Int64(scaled)
        var out = v < 0 ? "-" : ""
        out += String(n / 10000)
        var fraction = n % 10000
        guard fraction != 0 else { return out }
        var digits = 4
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let text = String(fraction)
        return out + "." + String(repeating: "0", count: digits - text.count) + text
    }
}
