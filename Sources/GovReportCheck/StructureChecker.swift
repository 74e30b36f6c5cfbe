import GovReportIngest
import GovReportParse

/// Checks of a report's shape beside the arithmetic: sections numbered as the format numbers
/// them, tables that have at least one filled cell, counts that are whole and not negative.
/// (Missing sections and rows are reported by the parser, which is where they are noticed.)
struct StructureChecker {
    func diagnostics(_ report: Report) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func at(_ line: Int) -> SourceLocation { SourceLocation(path: report.source, line: line) }
        guard let edition = report.edition else { return out }
        if edition.hasTables {
            for (section, printed) in report.sectionNumbers.sorted(by: { $0.key < $1.key }) where printed != section.numeral {
                out.append(Diagnostic(.warning, at(report.sectionLines[section] ?? 0),
                    "section ‘\(section.title)’ is numbered \(printed); the format numbers it \(section.numeral)"))
            }
            let tables: [(String, String, Section)] = [("proactive.", "section 二 table", .proactive),
                                                       ("applications.", "applications table", .applications),
                                                       ("reviews.", "review table", .reviews)]
            for (prefix, name, section) in tables {
                let cells = report.figures.filter { $0.key.hasPrefix(prefix) && $0.value.origin == .table }
                if !cells.isEmpty && cells.values.allSatisfy({ $0.value == nil }) {
                    out.append(Diagnostic(.warning, at(report.sectionLines[section] ?? 0),
                                          "\(name): all \(cells.count) cells are blank"))
                }
            }
        }
        for (key, figure) in report.figures.sorted(by: { $0.key < $1.key }) {
            guard let v = figure.value, !key.hasSuffix(".change"), !key.hasSuffix(".amount") else { continue }
            if v < 0 || v != v.rounded() {
                out.append(Diagnostic(.warning, at(figure.line),
                                      "\(FigureKeys.label(for: key)) = \(ConsistencyChecker.format(v)) is not a count"))
            } else if v > 1e9 {
                out.append(Diagnostic(.warning, at(figure.line),
                                      "\(FigureKeys.label(for: key)) = \(ConsistencyChecker.format(v)) is implausibly large for a count"))
            }
        }
        return out
    }
}
