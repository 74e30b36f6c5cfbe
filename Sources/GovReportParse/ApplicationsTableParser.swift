import GovReportIngest

/// Reads section 三, the applications table, into `applications.<row>.<column>` figures.
struct ApplicationsTableParser {
    let dictionary: LabelDictionary
    let edition: Edition
    let source: SourceText

    func parse(_ rows: [RawRow], into reading: inout TableReading) {
        let columns = FigureKeys.applicantColumns
        // The group heading (三)…(六) last seen, read only when a row needs it: every label
        // cell of every row asked of the group table was some 1 % of extraction, and only the
        // "other" row asks. `groupRead` rows' labels have been read for it; `current` is the
        // row being matched.
        var group: String?
        var groupRead = 0
        var current = 0
        func currentGroup() -> String? {
            while groupRead <= current {
                for cell in rows[groupRead].labels {
                    if let text = cell.text, let g = dictionary.match(text, in: .group) { group = g.key }
                }
                groupRead += 1
            }
            return group
        }
        var previousKey: String?
        let facts = FigureKeys.applicationRowFacts
        var ledger = RowLedger(table: "applications table")
        /// Whether an outcome row has been taken (noted as rows are taken: asking every taken
        /// key at each candidate label hashed them all again).
        var outcomeTaken = false

        /// The row a text names by the dictionary alone: an applications row, or "other" for
        /// the (六) group heading.
        let dictionary = dictionary
        let named = { (text: String) -> String? in
            if let m = dictionary.match(text, in: .applications) { return m.key }
            return dictionary.match(text, in: .group)?.key == "other" ? "other" : nil
        }
        func matchRow(_ text: String) -> String? {
            guard let key = named(text) else { return nil }
            if key == "other_other" && !(previousKey?.hasPrefix("other_") ?? false) && currentGroup() != "other" { return nil }
            // "总计" heads the applicant columns too: the total row comes after outcome rows.
            if key == "outcome_total" && !outcomeTaken { return nil }
            return key
        }
        /// `matchRow`'s answer when it depends on the text alone; nil for the two rows whose
        /// answer depends on the rows read so far.
        let pureMatch = { (text: String) -> String?? in
            let key = named(text)
            return key == "other_other" || key == "outcome_total" ? nil : .some(key)
        }
        let memo = dictionary.applicationRowLabels
        for (index, row) in rows.enumerated() {
            current = index
            // A row of blank cells counts only when it has a cell for every column: shorter ones
            // are header debris ("总计" over an empty cell). A known label alone on a line of a
            // tab-separated or aligned table is a row whose cells are all blank, unless the
            // label continues on the next line with its values.
            if row.values.isEmpty {
                if let (key, _) = row.label(matching: matchRow, pure: pureMatch, memo: memo, isFragment: dictionary.isFragment) { ledger.blank(key, line: row.line) }
                continue
            }
            if !row.hasNumber && row.values.count < columns.count { continue }
            let found = row.label(matching: matchRow, pure: pureMatch, memo: memo, isFragment: dictionary.isFragment)
            guard let (key, noise) = found else {
                if row.hasNumber {
                    let label = row.labels.compactMap(\.text).last.map { "‘\($0)’" } ?? "no label"
                    reading.warn(source, row.values.first?.line ?? row.line,
                                 "applications table: values with \(label) are not under a known row; ignored")
                }
                continue
            }
            guard ledger.take(key, line: row.line, into: &reading, source) else { continue }
            let known = facts[key]
            if !outcomeTaken && known?.isOutcome == true { outcomeTaken = true }
            if known?.editions.contains(edition) != true {
                reading.warn(source, row.line, "applications table: row \(key) does not belong to the \(edition.rawValue) format")
            }
            previousKey = key
            if !noise.isEmpty {
                reading.warn(source, row.line, "stray text ‘\(noise.joined(separator: " "))’ before the values of row \(key); ignored")
            }
            let placed = known?.placed ?? FigureKeys.applicationKeys(key).map(PlacedKey.init)
            let cells = row.aligned(to: columns.count, rightAlignShort: true)
            if let problem = cells.problem {
                let lost = columns.indices.filter { cells[$0] == nil }.map { columns[$0].label }
                let lostText = lost.isEmpty ? "" : " (\(lost.joined(separator: "、")) not stated)"
                reading.warn(source, row.values.first?.line ?? row.line, "applications table, row \(key): \(problem)\(lostText)")
            }
            placed.withUnsafeBufferPointer { reading.figures.setRow($0, cells) }
        }
        for (key, line) in ledger.blankOnly(where: { facts[$0]?.editions.contains(edition) == true }) {
            for figureKey in FigureKeys.applicationKeys(key) { reading.figures[figureKey] = Figure(nil, line: line) }
        }
        ledger.reportMissing(FigureKeys.applicationRows(edition).map { ($0.key, $0.label) }, at: rows.first?.line ?? 0, into: &reading, source)
    }
}
