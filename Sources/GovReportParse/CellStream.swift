import Foundation
import GovReportIngest
/// Turns the lines of a table section into cells and rows, whatever the layout: tab-separated
/// rows, one cell per line with rows separated by blank lines, or one cell per line with
/// blank lines between every cell. The layout is decided per block of consecutive lines, so
/// a report that mixes layouts still reads.
public struct CellStream: Sendable {
    /// The cells in order; where each layout starts among them (the cells from one start to
    /// the next are laid out as it says); and where rows break: before `cells[b]` for each
    /// `b` of `breaks`, in order (a place may break twice: an empty row between, which ends a
    /// label carried over). Not one array of cells and breaks as cases of an enum: the rows
    /// are parts of `cells` as it stands, where the enum's cells were copied out one by one
    /// into an array of their own (and a layout kept for every cell was an append more each).
    public private(set) var cells: [Cell] = []
    private var layoutStarts: [(from: Int, layout: RawRow.Layout)] = []
    private var breaks: [Int] = []
    /// How many value columns the section's main table has, when known: lets space-aligned
    /// rows be placed even when some columns are empty in every row.
    let columnHint: Int?

    /// A section's lines given as strings (what tests and tools give), joined into a source of
    /// their own.
    /// - Parameters:
    ///   - lines: the section's lines.
    ///   - firstLine: the 1-based line number of `lines[0]`.
    ///   - columnHint: the number of value columns of the section's main table, if known.
    public init<C: Collection>(lines: C, firstLine: Int, columnHint: Int? = nil) where C.Element == String {
        let source = SourceText(path: "", lines: Array(lines), originalLines: nil, encoding: .utf8)
        self.init(source: source, lines: 0..<source.lineCount, firstLine: firstLine, columnHint: columnHint)
    }

    /// The lines `lines` (0-based) of a source, read where they are in its text.
    /// A block is a run of lines without an empty one.
    /// - Parameters:
    ///   - firstLine: the 1-based line number the first of `lines` is given in cells and rows.
    public init(source: SourceText, lines: Range<Int>, firstLine: Int, columnHint: Int? = nil) {
        self.columnHint = columnHint
        var scratch = Scratch()
        // Every line half-width, into one buffer made once for the section (half-width text is
        // never longer): line k's bytes end at `lineEnds[k]`.
        var lineEnds: [Int] = []
        lineEnds.reserveCapacity(lines.count)
        let total = lines.reduce(0) { $0 + source.lineRange($1).count }
        source.withBytes { text in
            scratch.bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
                var o = 0
                for k in lines {
                    let line = UnsafeBufferPointer(rebasing: text[source.lineRange(k)])
                    o += TextNormalizer.writeHalfWidth(line, to: UnsafeMutableBufferPointer(rebasing: buffer[o...]))
                    lineEnds.append(o)
                }
                count = o
            }
        }
        // Every line's tab-separated fields, trimmed, as byte ranges of `bytes` one after
        // another, line k's ending at `ends[k]`: a field is made a string only when it is read
        // as text (a string for every field, most of them numbers or blank, was a visible part
        // of cutting tables; before that, an array of fields, a row and two arrays of kinds
        // for every line).
        (scratch.fields, scratch.ends) = scratch.bytes.withUnsafeBufferPointer { Self.fields($0, lineEnds: lineEnds) }
        // Room for a cell a field (most lines are a cell of their own), a row break a line.
        cells.reserveCapacity(scratch.fields.count)
        breaks.reserveCapacity(lines.count)
        var start = 0
        scratch.bytes.withUnsafeBufferPointer { b in
            for k in lineEnds.indices where Self.isEmpty(UnsafeBufferPointer(rebasing: b[(k == 0 ? 0 : lineEnds[k - 1])..<lineEnds[k]])) {
                if start < k { flush(source, lines.lowerBound, start..<k, firstLine: firstLine, &scratch) }
                start = k + 1
            }
        }
        if start < lineEnds.count { flush(source, lines.lowerBound, start..<lineEnds.count, firstLine: firstLine, &scratch) }
    }

    /// The arrays the blocks are cut with, one set for the section, each block's and line's
    /// part of them found by where it starts: a section in the one-cell-per-line layout has a
    /// block per row, and these made and freed for each were some 4 % of reading; emptied for
    /// each (and the lines of a block copied out), they still were 3 %.
    struct Scratch {
        /// The section's lines half-width, one after another.
        var bytes: [UInt8] = []
        /// The lines' tab-separated fields as byte ranges of `bytes`.
        var fields: [Range<Int>] = []
        /// Where each line's fields end in `fields`.
        var ends: [Int] = []
    }

    /// Whether a line holds only spaces (ASCII, ideographic, no-break) and carriage returns;
    /// on the bytes, without breaking the line into characters.
    static func isEmpty(_ line: String) -> Bool {
        line.withUTF8Bytes { isEmpty($0) }
    }

    /// `isEmpty` on a line's bytes, as they are or half-width (which makes the ideographic
    /// space an ASCII one, and no other of these out of anything else).
    static func isEmpty(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            switch b[i] {
            case 0x20, 0x0D: i += 1
            case 0xC2 where i + 1 < n && b[i + 1] == 0xA0: i += 2
            case 0xE3 where i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80: i += 3
            // Any other byte belongs to a character that is not one of these (none is
            // canonically equivalent to them), so the line is not empty.
            default: return false
            }
        }
        return true
    }

    /// Reads the lines `block` (indices from the section's first line, `sectionStart` of the
    /// source) of the section.
    private mutating func flush(_ source: SourceText, _ sectionStart: Int, _ block: Range<Int>, firstLine sectionLine: Int, _ scratch: inout Scratch) {
        let firstLine = sectionLine + block.lowerBound
        // Line k's fields are `fields[fieldStart..<ends[k]]`, `fieldStart` moving line by line.
        var fieldStart = block.lowerBound == 0 ? 0 : scratch.ends[block.lowerBound - 1]
        // Tab-separated when a line has two fields that are not empty.
        var tabbed = false
        var from = fieldStart
        for k in block where !tabbed {
            var filled = 0
            for f in from..<scratch.ends[k] where !scratch.fields[f].isEmpty { filled += 1; if filled == 2 { tabbed = true; break } }
            from = scratch.ends[k]
        }
        if tabbed {
            for k in 0..<block.count {
                let line = firstLine + k
                let end = scratch.ends[block.lowerBound + k]
                // The line's cells, read straight into the stream's cells and their padding then
                // taken out in place (read into room of their own, they were copied once more).
                lay(.tabbed)
                let first = cells.count
                scratch.bytes.withUnsafeBufferPointer { b in
                    for f in fieldStart..<end { Self.tokens(UnsafeBufferPointer(rebasing: b[scratch.fields[f]]), line: line, into: &cells) }
                }
                fieldStart = end
                let kept = cells.withUnsafeMutableBufferPointer { all -> Int in
                    let row = UnsafeMutableBufferPointer(rebasing: all[first...])
                    var blanks = 0
                    var hasText = false
                    for cell in row {
                        switch cell.content {
                        case .blank: blanks += 1
                        case .text: hasText = true
                        case .number: break
                        }
                    }
                    // A row of empty cells (a table row left blank): kept whole. A row of
                    // values only (the review table's fifteen): every cell is a column —
                    // trailing blanks stay, the review parser tells padding from blank cells by
                    // count.
                    if (row.count >= 5 && blanks == row.count) || !hasText { return all.count }
                    // Blank cells between two numbers are real; so may be those between the
                    // label and the first number (RawRow.aligned decides, knowing the column
                    // count); the rest are padding: a blank is kept when a cell that is not blank
                    // comes before it and the next one that is not blank is a number. In one pass
                    // (rows of thousands of tabs exist in damaged files): the blanks since the
                    // last cell that is not blank are counted, and put in when a number follows,
                    // the cells kept moved up over those dropped. (All of a row's blanks are the
                    // same cell: blank, on the row's line; the kept blanks are written where
                    // cells already read or blanks were.)
                    var w = first
                    var pending = 0
                    var before = false
                    for r in first..<all.count {
                        switch all[r].content {
                        case .blank:
                            pending += 1
                            continue
                        case .number:
                            if before && pending > 0 {
                                for _ in 0..<pending {
                                    all[w] = Cell(content: .blank, line: line)
                                    w += 1
                                }
                            }
                        case .text:
                            break
                        }
                        pending = 0
                        before = true
                        if w != r { all[w] = all[r] }
                        w += 1
                    }
                    return w
                }
                if kept < cells.count { cells.removeSubrange(kept...) }
                rowBreak()
            }
        } else {
            // Each line's cells, up to the first line of more than one (then the block is
            // aligned and they are not needed: cutting every line of an aligned table into
            // words only to drop them was a visible cost).
            // (One cell per line when none breaks off: those cells one after another, read
            // straight into the stream's cells — read into room of their own and copied, they
            // were copied once more for every row of a table of one cell a line, every table
            // of a web page among them — and taken out again when the block is aligned.)
            let start = cells.count
            var aligned = false
            for k in 0..<block.count {
                let line = firstLine + k
                let count = cells.count
                let end = scratch.ends[block.lowerBound + k]
                if let range = scratch.fields[fieldStart..<end].first(where: { !$0.isEmpty }) {
                    scratch.bytes.withUnsafeBufferPointer { Self.tokens(UnsafeBufferPointer(rebasing: $0[range]), line: line, into: &cells) }
                } else {
                    cells.append(Cell(content: .blank, line: line))
                }
                fieldStart = end
                if cells.count - count > 1 { aligned = true; break }
            }
            // (The layout's start is where the block's cells start, as `lay` put it before them.)
            if block.count >= 2 && !aligned {
                // One cell per line, a blank line between rows.
                if layoutStarts.last?.layout != .cellPerLine { layoutStarts.append((start, .cellPerLine)) }
                rowBreak()
            } else if block.count == 1 && !aligned {
                // One line of one cell: kept unless blank.
                if layoutStarts.last?.layout != .loose { layoutStarts.append((start, .loose)) }
                if cells.last?.content == .blank { cells.removeLast() }
            } else {
                cells.removeSubrange(start...)
                // Column positions are measured on the text as printed (full-width digits
                // take two columns), not on its half-width form.
                alignedRows(source, (sectionStart + block.lowerBound)..<(sectionStart + block.upperBound), firstLine: firstLine)
            }
        }
    }

    /// Lines whose cells are separated by runs of spaces. Rows with fewer numbers than the
    /// fullest rows of the block get their blank cells back from the column positions.
    private mutating func alignedRows(_ source: SourceText, _ lines: Range<Int>, firstLine: Int) {
        // Each line's label columns (one after another, line k's ending at `labelEnds[k]`) and
        // numbers (a label and an array of them a line, cut again into columns, were a third of
        // reading aligned tables).
        // (The numbers of all lines one after another, line k's ending at `numberEnds[k]`, and
        // one array of words and one of placed numbers used by every line: arrays made for
        // each line were a visible part of reading aligned tables.)
        var labels: [String] = []
        var labelEnds: [Int] = []
        var numbers: [(value: Double, end: Int)] = []
        var numberEnds: [Int] = []
        var words: [(start: Int, end: Int, column: Int)] = []
        labelEnds.reserveCapacity(lines.count)
        numberEnds.reserveCapacity(lines.count)
        numbers.reserveCapacity(8 * lines.count)
        words.reserveCapacity(16)
        var most = 0
        for i in lines {
            let start = numbers.count
            source.withLineBytes(i) { Self.alignedLine(bytes: $0, labels: &labels, words: &words, numbers: &numbers) }
            numberEnds.append(numbers.count)
            labelEnds.append(labels.count)
            most = max(most, numbers.count - start)
        }
        let columns = Self.columnGrid(numbers.map { $0.end }, expected: columnHint)
        let usable = columns.count >= most && most >= 1 && columns.count >= 2
        var placed: [Double?] = []
        var labelStart = 0
        var numberStart = 0
        for k in numberEnds.indices {
            let line = firstLine + k
            for text in labels[labelStart..<labelEnds[k]] { append(Cell(content: .text(text), line: line), .aligned) }
            labelStart = labelEnds[k]
            let own = numbers[numberStart..<numberEnds[k]]
            numberStart = numberEnds[k]
            if usable, !own.isEmpty, Self.place(own, on: columns, into: &placed) {
                for value in placed {
                    let content: Cell.Content = value.map { .number($0) } ?? .blank
                    append(Cell(content: content, line: line), .cellPerLine)
                }
            } else {
                for n in own { append(Cell(content: .number(n.value), line: line), .aligned) }
            }
            rowBreak()
        }
    }

    /// An aligned table line read: the numbers that end it (each with the display column where
    /// it ends) returned, and the text cells of the label before them appended to `labels` —
    /// the label cut into columns at every two spaces, each column trimmed, the empty ones
    /// left out. On the bytes when every scalar is a character of its own (`labelAndNumbers`,
    /// `labelColumns` and `trimmedSpaces` on strings otherwise, and as the reference).
    static func alignedLine(_ text: String, labels: inout [String]) -> [(value: Double, end: Int)] {
        text.withUTF8Bytes { alignedLine(bytes: $0, labels: &labels) }
    }

    /// `alignedLine` of a line's bytes (valid UTF-8), read where they are: a string is made
    /// of the line only when it is read by words.
    static func alignedLine(bytes b: UnsafeBufferPointer<UInt8>, labels: inout [String]) -> [(value: Double, end: Int)] {
        var words: [(start: Int, end: Int, column: Int)] = []
        var numbers: [(value: Double, end: Int)] = []
        alignedLine(bytes: b, labels: &labels, words: &words, numbers: &numbers)
        return numbers
    }

    /// `alignedLine` with the line's numbers appended to `numbers`, `words` the room its words
    /// are cut into (kept by the caller from line to line).
    static func alignedLine(bytes b: UnsafeBufferPointer<UInt8>, labels: inout [String],
                            words: inout [(start: Int, end: Int, column: Int)], numbers: inout [(value: Double, end: Int)]) {
        if let labelEnd = DisplayWidth.labelEnd(b, words: &words, numbers: &numbers) {
            labelColumnRanges(UnsafeBufferPointer(rebasing: b[..<labelEnd])) { part in
                let column = UTF8Scalar.trimmedSpaces(b, part.lowerBound, part.upperBound)
                if !column.isEmpty { labels.append(String(validUTF8: UnsafeBufferPointer(rebasing: b[column]))) }
            }
            return
        }
        let (label, slow) = DisplayWidth.labelAndNumbersByWords(String(validUTF8: b))
        for part in labelColumns(label) {
            let column = part.trimmedSpaces
            if !column.isEmpty { labels.append(column) }
        }
        numbers += slow
    }

    /// Where numbers end, clustered (neighbours within two display columns), each cluster's
    /// middle end; with three or more ends in the fullest, clusters of under a fifth of its
    /// ends left out. Clusters are runs of the sorted ends, each its first index and count:
    /// an array per cluster was a visible part of reading aligned tables.
    static func clusterCenters(_ ends: [Int]) -> [Int] {
        let sorted = ends.sorted()
        var clusters: [(start: Int, count: Int)] = []
        for (k, end) in sorted.enumerated() {
            if k > 0 && end - sorted[k - 1] <= 2 { clusters[clusters.count - 1].count += 1 } else { clusters.append((k, 1)) }
        }
        // A column is where several rows end a number; a lone position is a row printed out
        // of line, which is then read by its own count.
        let support = clusters.map { $0.count }.max() ?? 0
        if support >= 3 { clusters.removeAll { $0.count * 5 < support } }
        return clusters.map { sorted[$0.start + $0.count / 2] }
    }

    /// The value columns of an aligned table: where numbers end, clustered (within two display
    /// columns), with evenly spaced columns that no row fills put back between the others.
    static func columnGrid(_ ends: [Int], expected: Int? = nil) -> [Int] {
        var centers = clusterCenters(ends)
        guard centers.count >= 2 else { return centers }
        let gaps = zip(centers.dropFirst(), centers).map { $0 - $1 }
        if let step = gaps.min(), step >= 3,
           gaps.allSatisfy({ gap in abs(gap - Int((Double(gap) / Double(step)).rounded()) * step) <= 1 }) {
            var filled: [Int] = [centers[0]]
            for (gap, next) in zip(gaps, centers.dropFirst()) {
                let k = Int((Double(gap) / Double(step)).rounded())
                if k > 1 { for j in 1..<k { filled.append(filled.last! + gap * j / k - (j > 1 ? gap * (j - 1) / k : 0)) } }
                filled.append(next)
            }
            centers = filled
        }
        if let expected, centers.count < expected, expected > 1, let first = centers.first, let last = centers.last {
            // Columns empty in every row: if the known columns sit on an even grid of the
            // expected width, that grid is the table.
            let step = Double(last - first) / Double(expected - 1)
            let grid = (0..<expected).map { first + Int((Double($0) * step).rounded()) }
            if step >= 3, centers.allSatisfy({ c in grid.contains { abs($0 - c) <= 1 } }) { return grid }
        }
        return centers
    }

    /// A label's columns: its text cut at every two spaces, as Foundation's
    /// `components(separatedBy: "  ")` cuts it — on the bytes when every scalar is a
    /// character of its own (the search through Foundation was a visible cost).
    static func labelColumns(_ label: String) -> [String] {
        guard label.scalarsAreCharacters else { return label.components(separatedBy: "  ") }
        var parts: [String] = []
        label.withUTF8Bytes { b in
            labelColumnRanges(b) { parts.append(String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self)) }
        }
        return parts
    }

    /// The byte ranges of a label's columns, as `labelColumns` cuts it (the label's every
    /// scalar a character of its own), in order.
    static func labelColumnRanges(_ b: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var start = 0
        var i = 0
        while i + 1 < b.count {
            if b[i] == 0x20 && b[i + 1] == 0x20 {
                body(start..<i)
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        body(start..<b.count)
    }

    /// Puts each number under the reference column it ends nearest to (in order, within two
    /// columns), into `result` (a value or nil for every column; the caller's room, kept from
    /// line to line); false when any number is not clearly under a column.
    static func place(_ numbers: ArraySlice<(value: Double, end: Int)>, on columns: [Int], into result: inout [Double?]) -> Bool {
        guard !columns.isEmpty else { return false }
        result.removeAll(keepingCapacity: true)
        result.append(contentsOf: repeatElement(nil, count: columns.count))
        var next = 0
        for n in numbers {
            guard let i = (next..<columns.count).min(by: { abs(columns[$0] - n.end) < abs(columns[$1] - n.end) }),
                  abs(columns[i] - n.end) <= 2 else { return false }
            result[i] = n.value
            next = i + 1
        }
        return true
    }

    /// The tab-separated fields of a line, each half-width and without its leading and
    /// trailing spaces (split at tabs, then `halfWidth` and `trimmedSpaces` on each), cut as a
    /// section's lines are (`writeHalfWidth`, then `fields`), each made a String — what the
    /// tests hold to the three string steps. Half-width first, then split: no full-width form
    /// becomes a tab. The spaces trimmed are tabs and category Zs, decoded from the bytes (a
    /// field's ends are scalar boundaries: tabs are ASCII).
    static func cellTexts(_ text: String) -> [String] {
        let half: [UInt8] = text.withUTF8Bytes { b in [UInt8](unsafeUninitializedCapacity: b.count) { $1 = TextNormalizer.writeHalfWidth(b, to: $0) } }
        return half.withUnsafeBufferPointer { b in
            fields(b, lineEnds: [b.count]).fields.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) }
        }
    }

    /// Every line's tab-separated fields, trimmed, as byte ranges of the half-width lines `b`
    /// (line k ending at `lineEnds[k]`) one after another, line k's ending at `ends[k]`. Into
    /// arrays made as long as they will be, a field a line and one more a tab (appended one by
    /// one, the arrays' checks were 2 % of reading).
    static func fields(_ b: UnsafeBufferPointer<UInt8>, lineEnds: [Int]) -> (fields: [Range<Int>], ends: [Int]) {
        var tabs = 0
        if let base = b.baseAddress {
            var at = base
            let end = base + b.count
            while at < end, let hit = memchr(at, 9, end - at) {
                tabs += 1
                at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
        }
        var ends: [Int] = []
        let fields = [Range<Int>](unsafeUninitializedCapacity: tabs + lineEnds.count) { fields, count in
            ends = [Int](unsafeUninitializedCapacity: lineEnds.count) { ends, endCount in
                var from = 0
                for k in lineEnds.indices {
                    // (A section without a tab, most of them, is a field a line: no line is
                    // searched for one.)
                    if tabs == 0 {
                        fields.initializeElement(at: count, to: UTF8Scalar.trimmedSpaces(b, from, lineEnds[k]))
                        count += 1
                    } else {
                        count = fieldRanges(b, from, lineEnds[k], into: fields, at: count)
                    }
                    ends.initializeElement(at: k, to: count)
                    from = lineEnds[k]
                }
                endCount = lineEnds.count
            }
        }
        return (fields, ends)
    }

    /// The tab-separated fields of the half-width line `b[from..<to]`, trimmed, as ranges of
    /// `b`, written to `fields` from `at` (room for one more than the line has tabs); returns
    /// where they end.
    static func fieldRanges(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int,
                            into fields: UnsafeMutableBufferPointer<Range<Int>>, at: Int) -> Int {
        var start = from
        var n = at
        // (The tabs found with memchr, the fields trimmed by a static function: nested
        // functions capturing the buffer and the output were a call with a context each.)
        if let base = b.baseAddress {
            while start < to, let hit = memchr(base + start, 9, to - start) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                fields.initializeElement(at: n, to: UTF8Scalar.trimmedSpaces(b, start, i))
                n += 1
                start = i + 1
            }
        }
        fields.initializeElement(at: n, to: UTF8Scalar.trimmedSpaces(b, start, to))
        return n + 1
    }

    /// A field's cells, from its bytes (a scalar-aligned part of valid UTF-8): a blank and a
    /// number of plain digits read in place, anything else through `tokens` on its text.
    static func tokens(_ field: UnsafeBufferPointer<UInt8>, line: Int, into cells: inout [Cell]) {
        if field.isEmpty { cells.append(Cell(content: .blank, line: line)); return }
        if let n = TextNormalizer.plainNumber(field) { cells.append(Cell(content: .number(n), line: line)); return }
        // A label of one word (most fields that are not numbers): it cannot start a number and
        // holds no white space, so `tokens` would take it whole as text.
        // Not a number when it cannot start one, or holds a CJK ideograph (a lead byte E4–E9:
        // `number` keeps only digits, signs, points and commas, and `halfWidth` maps nothing
        // to them from there) — "1.属于国家秘密", the usual label that starts like a number.
        if !TextNormalizer.mayStartNumber(lead: field[0]) || field.contains(where: { $0 >= 0xE4 && $0 <= 0xE9 }) {
            var i = 0
            var spaced = false
            while i < field.count {
                let (white, length) = UTF8Scalar.whiteSpace(field, at: i)
                if white { spaced = true; break }
                i += length
            }
            if !spaced { cells.append(Cell(content: .text(String(validUTF8: field)), line: line)); return }
            // A label with spaces whose first scalar is not one (so not a number either): text,
            // unless its last word is a number — what `tokens` on the text decides when every
            // scalar is a character of its own, found on the bytes.
            if i > 0, wordTokens(field, line: line, into: &cells) { return }
        }
        // A number that is not plain digits ("３９２７", "1,200"): what `tokens` on the text
        // takes first, read on the bytes.
        if let n = TextNormalizer.number(bytes: field) { cells.append(Cell(content: .number(n), line: line)); return }
        tokens(String(validUTF8: field), line: line, into: &cells)
    }

    /// `wordTokens` on a field's bytes, for a field whose every scalar is a character of its
    /// own (false, nothing appended, for any other): its words as byte ranges, the numbers
    /// that end it read in place, the label before them joined by single spaces — or the whole
    /// field as text when no number ends it.
    static func wordTokens(_ field: UnsafeBufferPointer<UInt8>, line: Int, into cells: inout [Cell]) -> Bool {
        guard let words = DisplayWidth.wordsOnBytes(field) else { return false }
        let (cut, numbers) = DisplayWidth.trailingNumbers(field, words)
        if numbers.isEmpty {
            cells.append(Cell(content: .text(String(validUTF8: field)), line: line))
            return true
        }
        if cut > 0 {
            var label: [UInt8] = []
            label.reserveCapacity(words[cut - 1].end)
            for k in 0..<cut {
                if k > 0 { label.append(0x20) }
                label.append(contentsOf: UnsafeBufferPointer(rebasing: field[words[k].start..<words[k].end]))
            }
            cells.append(Cell(content: .text(label.withUnsafeBufferPointer { String(validUTF8: $0) }), line: line))
        }
        for n in numbers { cells.append(Cell(content: .number(n.value), line: line)) }
        return true
    }

    /// One cell's text as cells: a label followed by numbers ("行政许可 0", "费 0") becomes a
    /// text cell and number cells.
    static func tokens(_ text: String, line: Int) -> [Cell] {
        var cells: [Cell] = []
        tokens(text, line: line, into: &cells)
        return cells
    }

    /// `tokens`, appended to `cells` (no array per cell).
    static func tokens(_ text: String, line: Int, into cells: inout [Cell]) {
        if text.isEmpty { cells.append(Cell(content: .blank, line: line)); return }
        if let n = TextNormalizer.number(text) { cells.append(Cell(content: .number(n), line: line)); return }
        // One word (no space of any kind): a label. Most cells are.
        if !text.unicodeScalars.contains(where: { $0.isWhiteSpace }) { cells.append(Cell(content: .text(text), line: line)); return }
        // A label with spaces (the next most usual): its last word is not a number. Found
        // from the end, where every scalar is a character, without cutting it into words.
        if text.scalarsAreCharacters {
            let scalars = text.unicodeScalars
            var end = scalars.endIndex
            while end > scalars.startIndex, scalars[scalars.index(before: end)].isWhiteSpace { end = scalars.index(before: end) }
            var start = end
            while start > scalars.startIndex, !scalars[scalars.index(before: start)].isWhiteSpace { start = scalars.index(before: start) }
            if start == end || TextNormalizer.number(String(text[start..<end])) == nil {
                cells.append(Cell(content: .text(text), line: line))
                return
            }
        }
        cells += wordTokens(text, line: line)
    }

    static func wordTokens(_ text: String, line: Int) -> [Cell] {
        let words = text.whiteSpaceSeparatedWords
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

    private mutating func append(_ cell: Cell, _ layout: RawRow.Layout) {
        lay(layout)
        cells.append(cell)
    }

    /// The cells appended next are laid out as `layout`.
    private mutating func lay(_ layout: RawRow.Layout) {
        if layoutStarts.last?.layout != layout { layoutStarts.append((cells.count, layout)) }
    }

    private mutating func rowBreak() { breaks.append(cells.count) }

    /// The runs of value cells (numbers and blanks) in order, each ended by a text cell or a
    /// row break: what the review table is looked for in.
    public var valueRuns: [ArraySlice<Cell>] {
        var runs: [ArraySlice<Cell>] = []
        var start = 0
        var next = 0
        for i in cells.indices {
            if next < breaks.count && breaks[next] == i {
                if start < i { runs.append(cells[start..<i]) }
                start = i
                while next < breaks.count && breaks[next] == i { next += 1 }
            }
            if !cells[i].isValue {
                if start < i { runs.append(cells[start..<i]) }
                start = i + 1
            }
        }
        if start < cells.count { runs.append(cells[start...]) }
        return runs
    }

    /// Where `rows` is in cutting the cells into rows.
    private struct RowCutter {
        /// Each row's parts of `cells`: the labels of a row of labels alone before it, when
        /// they carry over, its own labels and its values.
        var spans: [(carry: Range<Int>, labels: Range<Int>, values: Range<Int>, layout: RawRow.Layout)] = []
        /// Where the row being read starts, and where its values do once it has one.
        var rowStart = 0
        var valueStart: Int?
        var carry = 0..<0
        var layout = RawRow.Layout.loose

        /// Ends the row being read at `end`.
        mutating func finish(_ end: Int) {
            let labels = rowStart..<(valueStart ?? end)
            if let valueStart {
                spans.append((carry, labels, valueStart..<end, layout))
                carry = 0..<0
            } else if layout == .tabbed || layout == .aligned {
                // A label line without values: a row whose cells are all blank, or a label
                // that continues on the next line (text copied from PDFs). Keep it both ways:
                // as a row without values, and for the next row's labels.
                if !labels.isEmpty { spans.append((0..<0, labels, end..<end, layout)) }
                carry = labels
            } else {
                carry = 0..<0
            }
            rowStart = end
            valueStart = nil
        }
    }

    /// Groups the cells into rows: a row is the text cells that label it and the value cells
    /// that follow, up to the next text cell or the end of a line/block. The cells are put one
    /// after another in one array as they come (a row's labels, then its values), and each
    /// row is given its parts of it.
    public var rows: [RawRow] {
        var cutter = RowCutter()
        cutter.spans.reserveCapacity(breaks.count + 1)
        var next = 0
        var run = 0
        cells.withUnsafeBufferPointer { cells in
            for i in cells.indices {
                while next < breaks.count && breaks[next] == i {
                    cutter.finish(i)
                    next += 1
                }
                while run < layoutStarts.count && layoutStarts[run].from <= i {
                    cutter.layout = layoutStarts[run].layout
                    run += 1
                }
                switch cells[i].content {
                case .text:
                    if cutter.valueStart != nil { cutter.finish(i) }
                case .blank where i == cutter.rowStart:
                    // A placeholder under a spanning label: the row starts after it.
                    cutter.rowStart = i + 1
                default:
                    if cutter.valueStart == nil { cutter.valueStart = i }
                }
            }
        }
        for _ in next..<breaks.count { cutter.finish(cells.count) }
        cutter.finish(cells.count)
        let spans = cutter.spans
        var rows: [RawRow] = []
        rows.reserveCapacity(spans.count)
        for span in spans {
            // (Labels carried over are put before the row's own in an array of their own: a
            // label continued from the line before is rare.)
            let labels = span.carry.isEmpty ? cells[span.labels] : ArraySlice(Array(cells[span.carry]) + cells[span.labels])
            rows.append(RawRow(labels: labels, values: cells[span.values], layout: span.layout))
        }
        return rows
    }
}
