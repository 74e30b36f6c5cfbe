import GovReportCheck
import GovReportParse

/// Builds table cells from figures: read, blank, lost or inferred, and whether a broken rule
/// involves them, so that every table on the site shows the state of each number.
struct FigureCells {
    let checked: CheckedReport
    let violatedKeys: [String: [Int]]

    init(_ checked: CheckedReport) {
        self.checked = checked
        var keys: [String: [Int]] = [:]
        for (i, v) in checked.violations.enumerated() {
            for k in v.keys { keys[k, default: []].append(i + 1) }
        }
        violatedKeys = keys
    }

    func cell(_ key: String) -> CellView {
        var classes = ["num"]
        var notes: [String] = []
        var text: String
        if let figure = checked.report.figures[key] {
            if let v = figure.value {
                text = NumberFormat.count(v)
                notes.append("第 \(figure.line) 行")
            } else if let inf = checked.inferred[key] {
                text = NumberFormat.count(inf.value)
                classes.append("inferred")
                notes.append("报告中此格为空（第 \(figure.line) 行）；按规则 \(inf.rule) 推算：\(inf.reason)")
            } else {
                text = ""
                classes.append("blank")
                notes.append("报告中此格为空（第 \(figure.line) 行）")
            }
        } else if let inf = checked.inferred[key] {
            text = NumberFormat.count(inf.value)
            classes.append("inferred")
            notes.append("报告未载明；按规则 \(inf.rule) 推算：\(inf.reason)")
        } else {
            text = "?"
            classes.append("lost")
            notes.append("报告未载明此数")
        }
        if let rules = violatedKeys[key] {
            classes.append("violation")
            notes.append("涉及勾稽关系问题 " + rules.map { "#\($0)" }.joined(separator: "、"))
        }
        return CellView(text: text, cls: classes.joined(separator: " "), note: notes.joined(separator: "；"), key: key)
    }
}
