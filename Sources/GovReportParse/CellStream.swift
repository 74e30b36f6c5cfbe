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
        line.allSatisfy { $0 == " " || $0 == "\u{3000}" || $0 == "\u{00A0}" || $0 == "\r" }
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
        } else {
            let texts = split.map { (line, cells) in (line, cells.first { !$0.isEmpty } ?? "") }
            let tokenized = texts.map { Self.tokens($0.1, line: $0.0) }
            if split.count >= 2 && tokenized.allSatisfy({ $0.count <= 1 }) {
                // One cell per line, a blank line between rows.
                for cells in tokenized { for cell in cells { items.append(.cell(cell, .cellPerLine)) } }
                items.append(.rowBreak)
            } else if split.count == 1 && tokenized[0].count <= 1 {
                for cell in tokenized[0] where cell.content != .blank { items.append(.cell(cell, .loose)) }
            } else {
                alignedRows(texts)
            }
        }
    }

    /// Lines whose cells are separated by runs of spaces. Rows with fewer numbers than the
    /// fullest rows of the block get their blank cells back from the column positions.
    private mutating func alignedRows(_ lines: [(Int, String)]) {
        struct Line {
            let line: Int
            let label: String
            let numbers: [(value: Double, end: Int)]
        }
        var parsed: [Line] = []
        for (line, text) in lines {
            let words = DisplayWidth.words(text)
            var cut = words.count
            var numbers: [(Double, Int)] = []
            while cut > 0, let n = TextNormalizer.number(words[cut - 1].word) {
                numbers.insert((n, words[cut - 1].end), at: 0)
                cut -= 1
            }
            parsed.append(Line(line: line, label: words[..<cut].map(\.word).joined(separator: " "), numbers: numbers))
        }
        // Reference columns: the ends of the numbers in the rows that have the most of them.
        let most = parsed.map(\.numbers.count).max() ?? 0
        let full = parsed.filter { $0.numbers.count == most }
        var columns: [Int] = []
        if most >= 2 && full.count >= 2 {
            columns = (0..<most).map { i in full.map { $0.numbers[i].end }.sorted()[full.count / 2] }
        }
        for l in parsed {
            if !l.label.isEmpty { items.append(.cell(Cell(content: .text(l.label), line: l.line), .aligned)) }
            if let placed = Self.place(l.numbers, on: columns), l.numbers.count < columns.count, !l.numbers.isEmpty {
                for value in placed {
                    let content: Cell.Content = value.map { .number($0) } ?? .blank
                    items.append(.cell(Cell(content: content, line: l.line), .cellPerLine))
                }
            } else {
                for n in l.numbers { items.append(.cell(Cell(content: .number(n.value), line: l.line), .aligned)) }
            }
            items.append(.rowBreak)
        }
    }

    /// Puts each number under the reference column it ends nearest to (in order, within two
    /// columns); nil when any number is not clearly under a column.
    static func place(_ numbers: [(value: Double, end: Int)], on columns: [Int]) -> [Double?]? {
        guard !columns.isEmpty else { return nil }
        var result = [Double?](repeating: nil, count: columns.count)
        var next = 0
        for n in numbers {
            guard let i = (next..<columns.count).min(by: { abs(columns[$0] - n.end) < abs(columns[$1] - n.end) }),
                  abs(columns[i] - n.end) <= 2 else { return nil }
            result[i] = n.value
            next = i + 1
        }
        return result
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
        var carry: [Cell] = []
        var layout = RawRow.Layout.loose
        func finish() {
            if !values.isEmpty {
                rows.append(RawRow(labels: carry + labels, values: values, layout: layout))
                carry = []
            } else if layout == .tabbed || layout == .aligned {
                // A label line without values: the label may continue on the next line
                // (text copied from PDFs). Keep it for the next row only.
                carry = labels
            } else {
                carry = []
            }
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
