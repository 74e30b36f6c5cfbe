import GovReportParse

/// One instance of a consistency rule as a linear equation: the sum of `left` equals the sum
/// of `right`. Checking and inference both work on these, so a rule is written once.
struct Equation: Sendable {
    let rule: Int
    /// What the instance is about, e.g. "自然人 column".
    let scope: String
    let left: [String]
    let right: [String]
    /// Both sides, kept rather than joined at every use.
    let keys: [String]

    init(rule: Int, scope: String, left: [String], right: [String]) {
        self.rule = rule
        self.scope = scope
        self.left = left
        self.right = right
        keys = left + right
    }

    /// Every equation the rules of the spec give for a report of this edition.
    /// Built once per edition: the same forty equations serve every report.
    static let byEdition: [Edition: [Equation]] = Dictionary(uniqueKeysWithValues: Edition.allCases.map { ($0, build(for: $0)) })

    static func all(for edition: Edition) -> [Equation] { byEdition[edition] ?? [] }

    static func build(for edition: Edition) -> [Equation] {
        guard edition.hasTables else { return [] }
        var equations: [Equation] = []
        let columns = FigureKeys.applicantColumns
        let app = FigureKeys.application
        for c in columns.reversed() {
            equations.append(Equation(rule: 1, scope: "\(c.label)列",
                                      left: [app("new", c.key), app("carried_over", c.key)],
                                      right: [app("outcome_total", c.key), app("carried_forward", c.key)]))
        }
        for row in FigureKeys.applicationRows(edition) {
            equations.append(Equation(rule: 2, scope: row.short,
                                      left: [app(row.key, "total")],
                                      right: FigureKeys.applicantKinds.map { app(row.key, $0.key) }))
        }
        for c in columns.reversed() {
            equations.append(Equation(rule: 3, scope: "\(c.label)列",
                                      left: [app("outcome_total", c.key)],
                                      right: FigureKeys.outcomeRows(edition).map { app($0.key, c.key) }))
        }
        for g in FigureKeys.reviewGroups {
            equations.append(Equation(rule: 4, scope: g.label,
                                      left: [FigureKeys.review(g.key, "total")],
                                      right: ["upheld", "corrected", "other", "pending"].map { FigureKeys.review(g.key, $0) }))
        }
        return equations
    }
}
