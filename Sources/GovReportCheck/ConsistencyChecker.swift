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
        let system = Equation.System.byEdition[edition] ?? Equation.System([])
        // The report's figures in the system's slots: present (read, possibly blank) and value.
        var present = [Bool](repeating: false, count: system.keys.count)
        var known = [Double?](repeating: nil, count: system.keys.count)
        for (slot, key) in system.placed.enumerated() {
            if let figure = report.figures[key] {
                present[slot] = true
                known[slot] = figure.value
            }
        }
        // The equations that touch at least one figure of the report.
        let active = system.equations.indices.filter { e in system.both[e].contains { present[$0] } }

        // Inference: repeat until no equation has exactly one unknown left.
        var inferred: [String: CheckedReport.Inference] = [:]
        var inferredSlots = Set<Int>()
        var changed = true
        while changed {
            changed = false
            for e in active {
                var unknown = -1, unknowns = 0
                for slot in system.both[e] where known[slot] == nil {
                    unknowns += 1
                    unknown = slot
                }
                guard unknowns == 1 else { continue }
                // (Summed in order in place: an array of the known values for each side of every
                // equation tried was most of the checker's own work.)
                var leftSum = 0.0, rightSum = 0.0
                for slot in system.left[e] { if let v = known[slot] { leftSum += v } }
                for slot in system.right[e] { if let v = known[slot] { rightSum += v } }
                let value = system.left[e].contains(unknown) ? rightSum - leftSum : leftSum - rightSum
                guard value >= 0, value == value.rounded() else { continue }
                known[unknown] = value
                let key = system.keys[unknown]
                inferred[key] = CheckedReport.Inference(value: value, rule: system.equations[e].rule,
                                                        reason: render(e, system, known, inferred: [unknown]))
                inferredSlots.insert(unknown)
                changed = true
            }
        }

        var violations: [Violation] = []
        for e in active {
            guard system.both[e].allSatisfy({ known[$0] != nil }) else { continue }
            var l = 0.0, r = 0.0
            for slot in system.left[e] { l += known[slot]! }
            for slot in system.right[e] { r += known[slot]! }
            guard abs(l - r) > 1e-9 else { continue }
            let eq = system.equations[e]
            let line = eq.keys.compactMap { report.figures[$0]?.line }.min() ?? 0
            violations.append(Violation(rule: eq.rule, message: "\(eq.scope): " + render(e, system, known, inferred: inferredSlots, equal: false),
                                        keys: eq.keys, location: SourceLocation(path: report.source, line: line)))
        }
        func knownValue(_ key: PlacedKey) -> Double? {
            report.figures[key]?.value ?? inferred[key.key]?.value
        }

        // Rule 5: the prose restates a table figure.
        if let said = report.figures[FigureKeys.Placed.proseReceived], let n = said.value {
            let new = knownValue(FigureKeys.Placed.newTotal)
            let carried = knownValue(FigureKeys.Placed.carriedOverTotal)
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

    func render(_ e: Int, _ system: Equation.System, _ known: [Double?], inferred: Set<Int>, equal: Bool = true) -> String {
        func term(_ slot: Int) -> String {
            let v = known[slot].map { Self.format($0) } ?? "?"
            return "\(FigureKeys.label(for: system.keys[slot])) \(v)\(inferred.contains(slot) ? "（推算）" : "")"
        }
        return system.left[e].map(term).joined(separator: " + ") + (equal ? " = " : " ≠ ") + system.right[e].map(term).joined(separator: " + ")
    }

    /// Numbers as reports print them: integers without a decimal point.
    /// The text of 0 to 9999, made once.
    static let smallCounts: [String] = (0..<10_000).map { String($0) }

    public static func format(_ v: Double) -> String {
        if v.isWholeBelowE15 {
            // Most figures are small counts: their text made once (a table cell each, a
            // hundred thousand a build).
            if v >= 0 && v < Double(smallCounts.count) { return smallCounts[Int(v)] }
            return String(Int64(v))
        }
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
