import GovReportParse

/// Expected figures of a report written by hand from the sample text, row by row as the
/// report prints them: a number, "_" for a blank cell (present, null), "?" for a cell the
/// text lost (the key must be absent).
struct GoldenFigures {
    private(set) var figures: [String: Double?] = [:]

    mutating func row(_ key: String, _ cells: String) {
        let tokens = cells.split(separator: " ").map(String.init)
        precondition(tokens.count == FigureKeys.applicantColumns.count, "row \(key) needs 7 cells")
        for (column, token) in zip(FigureKeys.applicantColumns, tokens) {
            set(FigureKeys.application(key, column.key), token)
        }
    }

    /// Every applications row of the edition not yet given, with the same cells.
    mutating func remainingRows(_ edition: Edition, _ cells: String) {
        for row in FigureKeys.applicationRows(edition) where figures[FigureKeys.application(row.key, "total")] == nil
            && !figures.keys.contains(where: { $0.hasPrefix("applications.\(row.key).") }) {
            self.row(row.key, cells)
        }
    }

    mutating func reviews(_ cells: String) {
        let tokens = cells.split(separator: " ").map(String.init)
        precondition(tokens.count == 15)
        for (key, token) in zip(FigureKeys.reviewKeys, tokens) { set(key, token) }
    }

    mutating func proactive(_ row: String, _ columns: [String], _ cells: String) {
        let tokens = cells.split(separator: " ").map(String.init)
        precondition(tokens.count == columns.count)
        for (column, token) in zip(columns, tokens) { set("proactive.\(row).\(column)", token) }
    }

    mutating func set(_ key: String, _ token: String) {
        switch token {
        case "?": figures.removeValue(forKey: key)
        case "_": figures[key] = .some(nil)
        default: figures[key] = .some(Double(token)!)
        }
    }

    /// The report's figures in the same shape, for a whole-dictionary comparison.
    static func actual(_ report: Report) -> [String: Double?] {
        report.figures.mapValues { $0.value }
    }
}
