import GovReportIngest

/// Reads section 二, the small tables of proactive disclosure, into `proactive.<row>.<column>`.
struct ProactiveTableParser {
    let dictionary: LabelDictionary
    let edition: Edition
    let source: SourceText

    func parse(_ rows: [RawRow], into reading: inout TableReading) {
        let definitions = FigureKeys.proactiveRowFacts[edition] ?? ByteKeyedMap()
        var ledger = RowLedger(table: "section 二")
        // (The section's rows are named by the dictionary alone: every answer is the text's own.)
        let dictionary = dictionary
        let match = { (text: String) -> String? in dictionary.match(text, in: .proactive)?.key }
        let pure = { (text: String) -> String?? in .some(match(text)) }
        let memo = dictionary.proactiveRowLabels
        for row in rows {
            if row.values.isEmpty {
                // A label alone: a row of blank cells (see ApplicationsTableParser), used below
                // only if the row has no values anywhere.
                if let (key, _) = row.label(matching: match, pure: pure, memo: memo, isFragment: dictionary.isFragment) { ledger.blank(key, line: row.line) }
                continue
            }
            guard let (key, noise) = row.label(matching: match, pure: pure, memo: memo, isFragment: dictionary.isFragment) else {
                if row.hasNumber {
                    let label = row.labels.compactMap(\.text).last.map { "‘\($0)’" } ?? "no label"
                    reading.warn(source, row.line, "section 二: values with \(label) are not under a known row; ignored")
                }
                continue
            }
            guard let (definition, placed) = definitions[key] else {
                reading.warn(source, row.line, "section 二: row \(key) does not belong to the \(edition.rawValue) format; ignored")
                continue
            }
            guard ledger.take(key, line: row.line, into: &reading, source) else { continue }
            if !noise.isEmpty {
                reading.warn(source, row.line, "stray text ‘\(noise.joined(separator: " "))’ before the value of \(definition.label); ignored")
            }
            let cells = row.aligned(to: definition.columns.count, rightAlignShort: false)
            if let problem = cells.problem { reading.warn(source, row.line, "section 二, \(definition.label): \(problem)") }
            // (A tab-separated row whose trailing cells are blank: the blank is the cell.)
            placed.withUnsafeBufferPointer { reading.figures.setRow($0, cells, lost: Cell(content: .blank, line: row.line)) }
        }
        for (key, line) in ledger.blankOnly(where: { definitions[$0] != nil }) {
            for figureKey in definitions[key]!.placed { reading.figures[figureKey] = Figure(nil, line: line) }
        }
        ledger.reportMissing(FigureKeys.proactiveRows(edition).map { ($0.key, $0.label) }, at: rows.first?.line ?? 0, into: &reading, source)
    }
}
