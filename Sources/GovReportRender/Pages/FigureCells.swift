import GovReportCheck
import GovReportParse

/// Builds table cells from figures: read, blank, lost or inferred, and whether a broken rule
/// involves them, so that every table on the site shows the state of each number.
struct FigureCells {
    /// The report's figures and inferences (not the whole checked report: a table of cells is
    /// made for every row of the index).
    let figures: Figures
    let inferred: [String: CheckedReport.Inference]
    let violatedKeys: [String: [Int]]

    init(_ checked: CheckedReport) {
        figures = checked.report.figures
        inferred = checked.inferred
        var keys: [String: [Int]] = [:]
        for (i, v) in checked.violations.enumerated() {
            for k in v.keys { keys[k, default: []].append(i + 1) }
        }
        violatedKeys = keys
    }

    func cell(_ key: String) -> CellView { cell(key, figures[key]) }

    /// "第 n 行", the note of a cell read from line n: made once for the first 1,024 lines
    /// (nearly every cell is read from one of them; made the first time a page asks, 4,096 cost
    /// a rebuild that makes one report page some 5 M instructions more).
    static func lineNote(_ line: Int) -> String {
        line >= 0 && line < lineNotes.count ? lineNotes[line] : "第 \(line) 行"
    }

    private static let lineNotes: [String] = (0..<1024).map { "第 \($0) 行" }

    /// "报告中此格为空（第 n 行）", the note of a blank cell, made once for the first 1,024
    /// lines (a report's blank cells are one in five, and each note interpolated was some 600
    /// instructions; the table costs a rebuild that makes one page 2 M instructions, 7 M at
    /// 4,096).
    static func blankNote(_ line: Int) -> String {
        line >= 0 && line < blankNotes.count ? blankNotes[line] : "报告中此格为空（第 \(line) 行）"
    }

    private static let blankNotes: [String] = (0..<1024).map { "报告中此格为空（第 \($0) 行）" }

    /// The cell of a key whose place is known (a page's two hundred cells are looked up
    /// without hashing their keys).
    func cell(_ key: PlacedKey) -> CellView { cell(key.key, figures[key]) }

    private func cell(_ key: String, _ figure: Figure?) -> CellView {
        // The class list and the note built as strings (arrays joined per cell were a visible
        // part of a report page: a page has some two hundred cells).
        // The class list one of eight texts made once (" inferred" and the like appended to "num"
        // made a string of its own for every such cell).
        var kind = Kind.plain
        var note: String
        var text: String
        if let figure {
            if let v = figure.value {
                text = NumberFormat.count(v)
                note = Self.lineNote(figure.line)
            } else if let inf = inferred[key] {
                text = NumberFormat.count(inf.value)
                kind = .inferred
                note = "报告中此格为空（第 \(figure.line) 行）；按规则 \(inf.rule) 推算：\(inf.reason)"
            } else {
                text = ""
                kind = .blank
                note = Self.blankNote(figure.line)
            }
        } else if let inf = inferred[key] {
            text = NumberFormat.count(inf.value)
            kind = .inferred
            note = "报告未载明；按规则 \(inf.rule) 推算：\(inf.reason)"
        } else {
            text = "?"
            kind = .lost
            note = "报告未载明此数"
        }
        var violation = false
        if let rules = violatedKeys[key] {
            violation = true
            note += "；涉及勾稽关系问题 " + rules.map { "#\($0)" }.joined(separator: "、")
        }
        return CellView(text: text, cls: Self.classes[kind.rawValue * 2 + (violation ? 1 : 0)], note: note, key: key)
    }

    /// What a cell shows besides its number: its class list names it.
    private enum Kind: Int { case plain, inferred, blank, lost }

    /// Each kind's class list, without and with " violation", by `kind * 2 + violation`.
    private static let classes: [String] = ["", " inferred", " blank", " lost"].flatMap { ["num" + $0, "num" + $0 + " violation"] }
}
