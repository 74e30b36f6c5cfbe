import GovReportIngest

/// Reads section 四: fifteen numbers in a fixed order. Its header is often garbled beyond
/// use, so the parser looks for the run of fifteen values rather than for labels.
struct ReviewTableParser {
    let source: SourceText

    func parse(_ stream: CellStream, sectionLine: Int, into reading: inout TableReading) {
        let runs = stream.valueRuns

        let keys = FigureKeys.reviewKeys
        // A run of fifteen, after dropping padding: blank cells at its ends beyond fifteen.
        func fifteen(_ run: ArraySlice<Cell>) -> ArraySlice<Cell>? {
            var cells = run
            while cells.count > keys.count, cells.last?.content == .blank { cells.removeLast() }
            while cells.count > keys.count, cells.first?.content == .blank { cells.removeFirst() }
            return cells.count == keys.count ? cells : nil
        }
        var chosen = runs.reversed().lazy.compactMap(fifteen).first
        if chosen == nil {
            let all = runs.flatMap { $0 }
            if all.count == keys.count {
                chosen = all[...]
                reading.note(source, all.first?.line ?? sectionLine, "review table: the 15 values are split over several rows; read in order")
            }
        }
        guard let cells = chosen else {
            let longest = runs.map(\.count).max() ?? 0
            reading.warn(source, sectionLine,
                         "review table: no run of 15 values found (longest has \(longest)); its figures are not read")
            return
        }
        // By the keys' places (by their texts, each cell's key was hashed to find its place).
        for (key, cell) in zip(FigureKeys.reviewPlacedKeys, cells) {
            let value: Double? = if case .number(let n) = cell.content { n } else { nil }
            reading.figures[key] = Figure(value, line: cell.line)
        }
    }
}
