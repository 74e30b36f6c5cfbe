import Foundation

/// A report as a Markdown page for Hugo, the benchmark's reference: the report's text as the
/// reader decodes it (GB18030 as well as UTF-8; a web page as its text), each line a
/// paragraph and each run of tab-separated lines — the report's tables — a Markdown table.
/// Hugo then renders the text and the tables our report pages show. (It once read each file
/// as UTF-8 and dropped the tables' lines: the GB18030 reports, 15 % of a generated corpus,
/// and every table came out empty, and web pages as markup Hugo leaves out.)
enum HugoPage {
    /// - Parameter cellPerLine: the lines are a web page's text, each table row a block of
    ///   one cell per line (`HTMLText`); each block becomes one row.
    static func markdown(title: String, lines: [String], cellPerLine: Bool = false) -> String {
        let lines = cellPerLine ? rows(fromCellLines: lines) : lines
        var md = "---\ntitle: \"\(title)\"\n---\n\n"
        var i = 0
        while i < lines.count {
            guard lines[i].contains("\t") else {
                let text = lines[i].trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { md += text + "\n\n" }
                i += 1
                continue
            }
            var rows: [[String]] = []
            while i < lines.count, lines[i].contains("\t") {
                rows.append(lines[i].split(separator: "\t", omittingEmptySubsequences: false).map(cell))
                i += 1
            }
            let width = rows.map(\.count).max() ?? 0
            for (r, row) in rows.enumerated() {
                md += "| " + (row + Array(repeating: "", count: width - row.count)).joined(separator: " | ") + " |\n"
                if r == 0 { md += "|" + String(repeating: "---|", count: width) + "\n" }
            }
            md += "\n"
        }
        return md
    }

    /// A web page's rows, each a block of cells one per line after a tab, as lines of
    /// tab-separated cells (a row of one cell keeps a tab, so that it stays a table's row);
    /// the blank line before each row goes, so that the rows stay one table.
    static func rows(fromCellLines lines: [String]) -> [String] {
        var out: [String] = []
        var cells: [String] = []
        var afterRow = false
        for line in lines {
            if line.hasPrefix("\t") {
                cells.append(String(line.dropFirst()))
                continue
            }
            if !cells.isEmpty {
                out.append(cells.joined(separator: "\t") + (cells.count == 1 ? "\t" : ""))
                cells.removeAll()
                afterRow = true
            }
            if afterRow && line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            out.append(line)
            afterRow = false
        }
        if !cells.isEmpty { out.append(cells.joined(separator: "\t") + (cells.count == 1 ? "\t" : "")) }
        return out
    }

    /// A table cell: trimmed, its pipes escaped so that they do not split the cell.
    static func cell(_ text: Substring) -> String {
        text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "|", with: "\\|")
    }
}
