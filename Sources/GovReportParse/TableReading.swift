import GovReportIngest

/// What a table parser found: figures and the problems met on the way.
public struct TableReading: Sendable {
    public var figures: Figures = [:]
    public var diagnostics: [Diagnostic] = []

    public init() {}

    mutating func warn(_ source: SourceText, _ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(.warning, source.location(line), message))
    }

    mutating func note(_ source: SourceText, _ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(.note, source.location(line), message))
    }
}

extension RawRow {
    /// Finds the row's label among its text cells, reading back from the values. A cell that
    /// matches nothing alone is tried joined with the one or two cells before it (a label split
    /// over lines); short unmatched fragments ("†", "开", "_") are skipped as extraction noise;
    /// a longer unmatched text means the row is not one we know.
    /// - Parameter isFragment: whether an unmatched text is short enough to be noise
    ///   (`LabelDictionary.isFragment`, which remembers).
    func label(matching match: (String) -> String?, isFragment: (String) -> Bool = LabelDictionary.isFragment)
        -> (key: String, noiseAfterLabel: [String])? {
        // The last label alone first, without the list of texts (a row's labels are its text
        // cells, and most rows are matched by their last one: the list made for every row
        // was a visible part of reading a table).
        // (When it does not match, the walk below starts past it: it is the walk's first text.)
        let triedLast = !labels.isEmpty && labels.allSatisfy { $0.text != nil }
        if triedLast, let last = labels.last?.text, let key = match(last) { return (key, []) }
        // (Made with room for all of them, and spans joined by appending: the generic
        // `compactMap` and `joined` grew and copied their results piece by piece.)
        var texts: [String] = []
        texts.reserveCapacity(labels.count)
        for cell in labels { if case .text(let t) = cell.content { texts.append(t) } }
        var noise: [String] = []
        var i = texts.count - 1
        while i >= 0 {
            if !(triedLast && i == texts.count - 1), let key = match(texts[i]) { return (key, noise) }
            if isFragment(texts[i]) {
                noise.insert(texts[i], at: 0)
                i -= 1
                continue
            }
            for span in 2...max(2, min(4, i + 1)) where span <= i + 1 {
                var joined = ""
                for k in (i - span + 1)...i { joined += texts[k] }
                if let key = match(joined) { return (key, noise) }
            }
            return nil
        }
        return nil
    }

    /// `label(matching:isFragment:)`, remembered by the row's texts for a row of two texts or
    /// more whose last names no row — a table's header ("自然人", "法人或其他组织", "总计"), a
    /// label over two lines: walked text by text, joined two to four at a time, such a row was
    /// some ten lookups and as many joins, and the same headers come in every report.
    /// - Parameters:
    ///   - pure: what `match` says of a text when its answer depends on the text alone; nil
    ///     when it depends on the rows read so far (`ApplicationsTableParser`'s "other" and
    ///     "total" rows). A row whose walk meets such a text is walked with `match` every time.
    ///   - memo: the walks remembered, for this matcher (a table's, of one dictionary).
    func label(matching match: (String) -> String?, pure: (String) -> String??, memo: TextMemo<FoundLabel?>,
               isFragment: (String) -> Bool) -> (key: String, noiseAfterLabel: [String])? {
        guard labels.count >= 2, let last = labels.last?.text else { return label(matching: match, isFragment: isFragment) }
        if let key = match(last) { return (key, []) }
        // The texts one a line: a text is never more than a line, so no two lists of texts are
        // written alike. (Written into one string made as long as they need.)
        var length = labels.count - 1
        for cell in labels {
            guard case .text(let text) = cell.content else { return label(matching: match, isFragment: isFragment) }
            length += text.utf8.count
        }
        // (Texts and line feeds: valid.)
        let written = String(validUTF8Capacity: length) { out in
            var o = 0
            for cell in labels {
                if o > 0 { out[o] = 0x0A; o += 1 }
                if case .text(let text) = cell.content {
                    text.withUTF8Bytes { b in
                        _ = UnsafeMutableBufferPointer(rebasing: out[o..<(o + b.count)]).initialize(from: b)
                        o += b.count
                    }
                }
            }
            return o
        }
        let found = memo.value(written) { _ in
            var dependsOnRows = false
            let found = label(matching: { text in
                guard let answer = pure(text) else { dependsOnRows = true; return nil }
                return answer
            }, isFragment: isFragment)
            return dependsOnRows ? nil : FoundLabel(key: found?.key, noise: found?.noiseAfterLabel ?? [])
        }
        guard let found else { return label(matching: match, isFragment: isFragment) }
        return found.key.map { ($0, found.noise) }
    }

    var hasNumber: Bool { values.contains { if case .number = $0.content { true } else { false } } }

    /// The value cells aligned to `count` columns, as a part of the row's own cells under
    /// the columns it fills (the rest lost) and a description of any realignment, for the
    /// warning. (A part, not an array of optional cells: most rows are as wide as their table,
    /// and an array made for each of them was some 1 % of extraction.)
    func aligned(to count: Int, rightAlignShort: Bool) -> AlignedRow {
        // (Most rows, as the rules below leave them, told first.)
        if values.count == count { return AlignedRow(cells: values, leading: 0, width: count, problem: nil) }
        var cells = values
        if layout == .cellPerLine {
            while cells.count > count, cells.last?.content == .blank { cells.removeLast() }
            // Placeholders under spanning labels (HTML rowspans, merged cells) come first.
            while cells.count > count, cells.first?.content == .blank { cells.removeFirst() }
        }
        if cells.count == count { return AlignedRow(cells: cells, leading: 0, width: count, problem: nil) }
        if layout != .cellPerLine {
            // Blank cells before the first value are real only when they make the row exactly
            // as wide as the table; otherwise they are padding of unknown width.
            while cells.first?.content == .blank { cells.removeFirst() }
            if cells.count == count { return AlignedRow(cells: cells, leading: 0, width: count, problem: nil) }
        }
        if cells.count > count {
            return AlignedRow(cells: rightAlignShort ? cells.suffix(count) : cells.prefix(count), leading: 0, width: count,
                              problem: "\(cells.count) values where \(count) were expected; kept the \(rightAlignShort ? "last" : "first") \(count)")
        }
        if rightAlignShort {
            return AlignedRow(cells: cells, leading: count - cells.count, width: count,
                              problem: "\(cells.count) values where \(count) were expected; aligned them to the last \(cells.count) columns")
        }
        return AlignedRow(cells: cells, leading: 0, width: count, problem: nil)
    }
}

/// What `RawRow.label` found for a row: its key (nil: none) and the noise after its label.
struct FoundLabel: Sendable {
    let key: String?
    let noise: [String]
}

/// A row's value cells under its table's columns: `cells` fill the columns from `leading` on;
/// the columns before and after them were lost (nil).
struct AlignedRow {
    let cells: ArraySlice<Cell>
    /// How many columns come before the first cell.
    let leading: Int
    /// The table's columns.
    let width: Int
    /// What was done to the row to align it, for the warning (nil: nothing to say).
    let problem: String?

    /// The cell under a column (0 ..< width); nil when the row lost it.
    subscript(column: Int) -> Cell? {
        let k = column - leading
        return k >= 0 && k < cells.count ? cells[cells.startIndex + k] : nil
    }
}

/// The bookkeeping both row tables (sections 二 and 三) share: the first reading of a row
/// wins and a repeat is reported; a label alone on its line stands for a row of blank cells,
/// used only when the row is not read anywhere else; rows never found are reported.
struct RowLedger {
    /// How the table is named in messages ("applications table", "section 二").
    let table: String
    /// The first line of each row taken, by key (by its bytes: a `String` key was hashed
    /// through its normal form for every row and every row looked for).
    private(set) var seen = ByteKeyedMap<Int>(capacity: 48)
    private var blankRows: [String: Int] = [:]

    init(table: String) {
        self.table = table
    }

    /// A label with no values on its line: a row of blank cells, if nothing better comes.
    mutating func blank(_ key: String, line: Int) {
        if blankRows[key] == nil { blankRows[key] = line }
    }

    /// Takes the row for reading; false (and a warning) when it was read already.
    mutating func take(_ key: String, line: Int, into reading: inout TableReading, _ source: SourceText) -> Bool {
        // (One lookup: the line kept only when the row is new.)
        if let first = seen.insert(line, for: key) {
            reading.warn(source, line, "\(table): row \(key) appears again (first at line \(first)); kept the first")
            return false
        }
        return true
    }

    /// The rows seen only as blank labels (and accepted by `accept`), now taken, with their lines.
    mutating func blankOnly(where accept: (String) -> Bool) -> [(key: String, line: Int)] {
        var rows: [(key: String, line: Int)] = []
        for (key, line) in blankRows.sorted(by: { $0.key < $1.key }) where seen[key] == nil && accept(key) {
            seen.set(line, for: key)
            rows.append((key, line))
        }
        return rows
    }

    /// Reports each expected row (key, label) that was never found.
    func reportMissing(_ expected: [(key: String, label: String)], at line: Int, into reading: inout TableReading, _ source: SourceText) {
        for row in expected where seen[row.key] == nil {
            reading.warn(source, line, "\(table): row ‘\(row.label)’ not found")
        }
    }
}
