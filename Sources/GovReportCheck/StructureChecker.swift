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
            // (A table of sections walks in section order.)
            for (section, printed) in report.sectionNumbers where printed != section.numeral {
                out.append(Diagnostic(.warning, at(report.sectionLines[section] ?? 0),
                    "section ‘\(section.title)’ is numbered \(printed); the format numbers it \(section.numeral)"))
            }
        }
        // One pass over the figures (a walk is some two hundred figures a report, over every
        // canonical slot): count each table's cells and its filled ones (the table of a
        // canonical key known by its place, not by comparing prefixes), and find the values
        // that are not counts. The order does not matter: the checker sorts all diagnostics.
        // (The statics read once: read in the walk, each figure checked their initialisation.)
        let tables = Self.tables, tableOfPlace = Self.tableOfPlace
        let countsTables = edition.hasTables
        var cells = [0, 0, 0], filled = [0, 0, 0]
        report.figures.forEachPlaced { place, key, figure in
            if countsTables && figure.origin == .table {
                let t = place.map { Int(tableOfPlace[$0]) } ?? tables.firstIndex(where: { key.text.hasPrefix($0.0) }) ?? -1
                if t >= 0 {
                    cells[t] += 1
                    if figure.value != nil { filled[t] += 1 }
                }
            }
            // (Between 0 and 10^9 a whole number is one below 10^15: no call to `round` per figure.)
            guard let v = figure.value, v < 0 || v > 1e9 || !v.isWholeBelowE15 else { return }
            let key = key.text
            guard !key.hasSuffix(".change"), !key.hasSuffix(".amount") else { return }
            if v < 0 || v != v.rounded() {
                out.append(Diagnostic(.warning, at(figure.line),
                                      "\(FigureKeys.label(for: key)) = \(ConsistencyChecker.format(v)) is not a count"))
            } else {
                out.append(Diagnostic(.warning, at(figure.line),
                                      "\(FigureKeys.label(for: key)) = \(ConsistencyChecker.format(v)) is implausibly large for a count"))
            }
        }
        for (t, (_, name, section)) in tables.enumerated() where cells[t] > 0 && filled[t] == 0 {
            out.append(Diagnostic(.warning, at(report.sectionLines[section] ?? 0), "\(name): all \(cells[t]) cells are blank"))
        }
        return out
    }

    /// The tables whose cells are counted: key prefix, name, section.
    static let tables: [(String, String, Section)] = [("proactive.", "section 二 table", .proactive),
                                                      ("applications.", "applications table", .applications),
                                                      ("reviews.", "review table", .reviews)]
    /// For each canonical key's place, the index of its table in `tables` (-1 for none).
    static let tableOfPlace: [Int8] = FigureKeys.sortedCanonical.map { key in
        Int8(tables.firstIndex { key.hasPrefix($0.0) } ?? -1)
    }
}
