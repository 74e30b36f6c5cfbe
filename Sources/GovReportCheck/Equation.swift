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

    /// An edition's equations over numbered slots, one per key they use: a report's values
    /// are looked up once into an array, and the rules work on the array (looking every key
    /// up in the report's dictionaries at every turn was most of the checking).
    struct System: Sendable {
        /// The keys, by slot.
        let keys: [String]
        /// The keys with their places in a figure table, by slot.
        let placed: [PlacedKey]
        let equations: [Equation]
        /// Per equation, the slots of `left`, of `right` and of both.
        let left: [[Int]]
        let right: [[Int]]
        let both: [[Int]]

        init(_ equations: [Equation]) {
            var slot: [String: Int] = [:]
            var keys: [String] = []
            func number(_ key: String) -> Int {
                if let n = slot[key] { return n }
                slot[key] = keys.count
                keys.append(key)
                return keys.count - 1
            }
            self.equations = equations
            left = equations.map { $0.left.map(number) }
            right = equations.map { $0.right.map(number) }
            both = equations.map { $0.keys.map(number) }
            self.keys = keys
            placed = keys.map(PlacedKey.init)
        }

        static let byEdition: [Edition: System] = Dictionary(uniqueKeysWithValues: Edition.allCases.map { ($0, System(Equation.all(for: $0))) })
    }

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
