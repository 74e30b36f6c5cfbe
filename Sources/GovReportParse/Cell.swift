/// One cell of a table as it survived text extraction: text, a number, or an explicitly
/// blank cell.
public struct Cell: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case text(String)
        case number(Double)
        case blank
    }

    public var content: Content
    public var line: Int

    public var isValue: Bool {
        switch content {
        case .number, .blank: true
        case .text: false
        }
    }

    public var text: String? {
        if case .text(let t) = content { return t }
        return nil
    }
}

/// A row of cells as laid out in the file: the text cells that label it and the value
/// cells that follow.
public struct RawRow: Sendable, Equatable {
    /// How the row was laid out, which decides how short rows are aligned.
    public enum Layout: Sendable, Equatable {
        /// Tab-separated cells on one line: blank cells at either end are padding.
        case tabbed
        /// One cell per line, rows separated by blank lines: every cell is real.
        case cellPerLine
        /// One cell per line, blank lines between cells: blank cells cannot be seen.
        case loose
        /// Columns aligned with spaces (text copied from PDFs): blank cells show only as gaps,
        /// recovered from the column positions of the fuller rows where possible.
        case aligned
    }

    /// The row's text cells and value cells: parts of one array holding every row of the
    /// table (`CellStream.rows`), not two arrays of their own for each row (made and freed
    /// row by row, they were some 3 % of reading).
    public var labels: ArraySlice<Cell>
    public var values: ArraySlice<Cell>
    public var layout: Layout

    public var line: Int { labels.last?.line ?? values.first?.line ?? 0 }
}
