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
            // One pass over the figures: count each table's cells and its filled ones.
            var cells = [0, 0, 0], filled = [0, 0, 0]
            for (key, figure) in report.figures where figure.origin == .table {
                guard let t = tables.firstIndex(where: { key.hasPrefix($0.0) }) else { continue }
                cells[t] += 1
                if figure.value != nil { filled[t] += 1 }
            }
            for (t, (_, name, section)) in tables.enumerated() where cells[t] > 0 && filled[t] == 0 {
                out.append(Diagnostic(.warning, at(report.sectionLines[section] ?? 0), "\(name): all \(cells[t]) cells are blank"))
            }
        }
        // The order does not matter: the checker sorts all diagnostics.
        for (key, figure) in report.figures {
            guard let v = figure.value, v < 0 || v != v.rounded() || v > 1e9, !key.hasSuffix(".change"), !key.hasSuffix(".amount") else { continue }
            if v < 0 || v != v.rounded() {
                out.append(Diagnostic(.warning, at(figure.line),
                                      "\(FigureKeys.label(for: key)) = \(ConsistencyChecker.format(v)) is not a count"))
            } else {
                out.append(Diagnostic(.warning, at(figure.line),
                                      "\(FigureKeys.label(for: key)) = \(ConsistencyChecker.format(v)) is implausibly large for a count"))
            }
        }
        return out
    }
}
