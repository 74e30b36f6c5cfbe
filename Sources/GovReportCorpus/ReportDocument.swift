/// A generated report before layout: headings, prose lines and tables whose cells are labels
/// or values. Layouts turn it into text or HTML; damage is applied to it first.
struct ReportDocument {
    enum Cell: Equatable {
        case label(String)
        /// nil prints as a blank cell.
        case value(String?)
        /// Extraction debris before the values ("†", "费").
        case stray(String)
    }

    enum Block {
        case line(String)
        case table([[Cell]])
    }

    var blocks: [Block] = []

    mutating func line(_ s: String) { blocks.append(.line(s)) }
    mutating func table(_ rows: [[Cell]]) { blocks.append(.table(rows)) }
}
