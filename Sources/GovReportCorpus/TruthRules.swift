import GovReportParse

/// An independent statement of the five consistency rules over ground-truth figures, used to
/// know which rules a deliberately broken report breaks. Kept separate from the checker on
/// purpose: the accuracy test compares the two.
enum TruthRules {
    static func broken(_ f: [String: Double?], edition: Edition) -> [Int] {
        guard edition.hasTables else { return [] }
        func v(_ k: String) -> Double? { f[k] ?? nil }
        func sum(_ keys: [String]) -> Double? {
            var s = 0.0
            for k in keys { guard let x = v(k) else { return nil }; s += x }
            return s
        }
        func differ(_ a: [String], _ b: [String]) -> Bool {
            guard let x = sum(a), let y = sum(b) else { return false }
            return x != y
        }
        let app = FigureKeys.application
        var rules = Set<Int>()
        for c in FigureKeys.applicantColumns.map(\.key) {
            if differ([app("new", c), app("carried_over", c)], [app("outcome_total", c), app("carried_forward", c)]) { rules.insert(1) }
            if differ([app("outcome_total", c)], FigureKeys.outcomeRows(edition).map { app($0.key, c) }) { rules.insert(3) }
        }
        for row in FigureKeys.applicationRows(edition) {
            if differ([app(row.key, "total")], FigureKeys.applicantKinds.map { app(row.key, $0.key) }) { rules.insert(2) }
        }
        for g in FigureKeys.reviewGroups {
            if differ([FigureKeys.review(g.key, "total")], ["upheld", "corrected", "other", "pending"].map { FigureKeys.review(g.key, $0) }) {
                rules.insert(4)
            }
        }
        if let said = v(FigureKeys.Prose.applicationsReceived), let new = v(app("new", "total")) {
            let withCarried = v(app("carried_over", "total")).map { new + $0 }
            if said != new && said != withCarried { rules.insert(5) }
        }
        return rules.sorted()
    }
}
