import Foundation
import GovReportParse

/// Consistent figures for one agency over consecutive years: applications carried over equal
/// last year's carried forward, every consistency rule holds, sizes follow a trend.
struct FigureModel {
    struct Plan {
        let size: Double
        let growth: Double
        let startYear: Int
    }

    static let applicantWeights = [0.82, 0.08, 0.01, 0.02, 0.04, 0.03]

    /// Figures for each year from `plan.startYear` to `endYear`, in order.
    static func years(plan: Plan, endYear: Int, random: inout SeededRandom) -> [Int: [String: Double]] {
        var result: [Int: [String: Double]] = [:]
        var forward = [Int](repeating: 0, count: 6)
        for year in plan.startYear...endYear {
            let edition = FigureModel.edition(year)
            var f: [String: Double] = [:]
            let t = Double(year - plan.startYear)
            let expected = plan.size * pow(plan.growth, t) * Double.random(in: 0.7...1.3, using: &random)
            let newTotal = max(0, Int(expected.rounded()))
            let new = random.split(newTotal, weights: applicantWeights)
            let carried = edition == .free2008 ? [Int](repeating: 0, count: 6) : forward
            var handledCols: [Int] = []
            var forwardCols: [Int] = []
            for c in 0..<6 {
                let open = new[c] + carried[c]
                let fw = open > 0 && random.chance(0.3) ? random.int(0...max(0, open / 6)) : 0
                forwardCols.append(fw)
                handledCols.append(open - fw)
            }
            forward = forwardCols
            if edition == .free2008 {
                f[FigureKeys.application("new", "total")] = Double(newTotal)
            } else {
                func put(_ row: String, _ cols: [Int]) {
                    for (i, c) in FigureKeys.applicantKinds.enumerated() { f[FigureKeys.application(row, c.key)] = Double(cols[i]) }
                    f[FigureKeys.application(row, "total")] = Double(cols.reduce(0, +))
                }
                put("new", new)
                put("carried_over", carried)
                put("carried_forward", forwardCols)
                put("outcome_total", handledCols)
                let outcome = FigureKeys.outcomeRows(edition)
                let weights = outcome.map { row -> Double in
                    switch row.key {
                    case "disclosed": 45
                    case "partially_disclosed": 10
                    case "unavailable_not_held": 14
                    case "other", "other_other": 6
                    default: 1.5
                    }
                }
                var perRow = [[Int]](repeating: [Int](repeating: 0, count: 6), count: outcome.count)
                for c in 0..<6 {
                    for (r, n) in random.split(handledCols[c], weights: weights).enumerated() { perRow[r][c] = n }
                }
                for (r, row) in outcome.enumerated() { put(row.key, perRow[r]) }
                proactive(edition, &f, random: &random)
            }
            reviews(edition, total: newTotal, &f, random: &random)
            f[FigureKeys.Prose.itemsPublished] = Double(random.int(200...12000))
            result[year] = f
        }
        return result
    }

    static func edition(_ year: Int) -> Edition {
        year <= 2018 ? .free2008 : year <= 2020 ? .format2019 : .format2021
    }

    static func reviews(_ edition: Edition, total: Int, _ f: inout [String: Double], random: inout SeededRandom) {
        guard edition != .free2008 else {
            for g in FigureKeys.reviewGroups { f[FigureKeys.review(g.key, "total")] = 0 }
            return
        }
        for g in FigureKeys.reviewGroups {
            let n = total > 5 && random.chance(0.35) ? random.int(0...max(1, total / 10)) : 0
            let parts = random.split(n, weights: [5, 1, 2, 1.5])
            for (c, v) in zip(["upheld", "corrected", "other", "pending"], parts) { f[FigureKeys.review(g.key, c)] = Double(v) }
            f[FigureKeys.review(g.key, "total")] = Double(n)
        }
    }

    static func proactive(_ edition: Edition, _ f: inout [String: Double], random: inout SeededRandom) {
        for row in FigureKeys.proactiveRows(edition) {
            for column in row.columns {
                let key = "proactive.\(row.key).\(column.key)"
                let value: Double = switch (row.key, column.key) {
                case ("rules", _): Double(random.chance(0.85) ? 0 : random.int(0...3))
                case ("normative_documents", "in_force"), ("normative_documents", "total_public"): Double(random.int(0...90))
                case ("normative_documents", _): Double(random.int(0...12))
                case (_, "change"): Double(random.int(-8...8))
                case ("fees", "amount"), ("procurement", "amount"):
                    random.chance(0.5) ? 0 : Double(random.int(1...5_000_000)) / 10_000
                case (_, "decisions"): Double(random.chance(0.3) ? 0 : random.int(1...4000))
                default: Double(random.int(0...300))
                }
                f[key] = value
            }
        }
    }
}
