/// Turns the lines of a table section into cells and rows, whatever the layout: tab-separated
/// rows, one cell per line with rows separated by blank lines, or one cell per line with
/// blank lines between every cell. The layout is decided per block of consecutive lines, so
/// a report that mixes layouts still reads.
public struct CellStream: Sendable {
    public enum Item: Sendable, Equatable {
        case cell(Cell, RawRow.Layout)
        case rowBreak
    }

    public private(set) var items: [Item] = []

    /// - Parameters:
    ///   - lines: the section's lines.
    ///   - firstLine: the 1-based line number of `lines[0]`.
    public init<C: Collection>(lines: C, firstLine: Int) where C.Element == String {
        var block: [(Int, String)] = []
        var number = firstLine
        for line in lines {
            if Self.isEmpty(line) {
                flush(&block)
            } else {
                block.append((number, line))
            }
            number += 1
        }
        flush(&block)
    }

    static func isEmpty(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\u{3000}" || $0 == "\r" }
    }

    private mutating func flush(_ block: inout [(Int, String)]) {
        defer { block.removeAll() }
        guard !block.isEmpty else { return }
        let split = block.map { (line, text) in
            (line, text.split(separator: "\t", omittingEmptySubsequences: false)
                .map { TextNormalizer.halfWidth(String($0)).trimmingCharacters(in: .whitespaces) })
        }
        if split.contains(where: { $0.1.filter { !$0.isEmpty }.count >= 2 }) {
            for (line, cells) in split {
                var row: [Cell] = []
                for c in cells { row += Self.tokens(c, line: line) }
                // Blank cells are real only between two numbers; elsewhere they are padding.
                let kept = row.indices.filter { i in
                    guard row[i].content == .blank else { return true }
                    let before = row[..<i].last { $0.content != .blank }
                    let after = row[(i + 1)...].first { $0.content != .blank }
                    if case .number = before?.content, case .number = after?.content { return true }
                    return false
                }
                for i in kept { items.append(.cell(row[i], .tabbed)) }
                items.append(.rowBreak)
            }
        } else if split.count >= 2 {
            for (line, cells) in split {
                let text = cells.first { !$0.isEmpty } ?? ""
                for cell in Self.tokens(text, line: line) { items.append(.cell(cell, .cellPerLine)) }
            }
            items.append(.rowBreak)
        } else {
            let (line, cells) = split[0]
            let text = cells.first { !$0.isEmpty } ?? ""
            for cell in Self.tokens(text, line: line) where cell.content != .blank {
                items.append(.cell(cell, .loose))
            }
        }
    }

    /// One cell's text as cells: a label followed by numbers ("行政许可 0", "费 0") becomes a
    /// text cell and number cells.
    static func tokens(_ text: String, line: Int) -> [Cell] {
        if text.isEmpty { return [Cell(content: .blank, line: line)] }
        if let n = TextNormalizer.number(text) { return [Cell(content: .number(n), line: line)] }
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var numbers: [Double] = []
        var cut = words.count
        while cut > 0, let n = TextNormalizer.number(words[cut - 1]) {
            numbers.insert(n, at: 0)
            cut -= 1
        }
        if numbers.isEmpty { return [Cell(content: .text(text), line: line)] }
        var cells: [Cell] = []
        if cut > 0 { cells.append(Cell(content: .text(words[..<cut].joined(separator: " ")), line: line)) }
        cells += numbers.map { Cell(content: .number($0), line: line) }
        return cells
    }

    /// Groups the cells into rows: a row is the text cells that label it and the value cells
    /// that follow, up to the next text cell or the end of a line/block.
    public var rows: [RawRow] {
        var rows: [RawRow] = []
        var labels: [Cell] = []
        var values: [Cell] = []
        var layout = RawRow.Layout.loose
        func finish() {
            if !values.isEmpty { rows.append(RawRow(labels: labels, values: values, layout: layout)) }
            labels.removeAll()
            values.removeAll()
        }
        for item in items {
            switch item {
            case .rowBreak:
                finish()
            case .cell(let cell, let l):
                layout = l
                if case .text = cell.content {
                    if !values.isEmpty { finish() }
                    labels.append(cell)
                } else if cell.content == .blank && labels.isEmpty && values.isEmpty {
                    continue  // a placeholder under a spanning label
                } else {
                    values.append(cell)
                }
            }
        }
        finish()
        return rows
    }
}
