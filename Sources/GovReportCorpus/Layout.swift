/// The ways report text reaches us, each modelled on real files.
public enum Layout: String, CaseIterable, Sendable, Codable {
    /// Tab-separated cells on one line, trailing tabs (samples 000, 001).
    case tabbed
    /// One cell per tab-indented line, blank lines between rows, blank cells kept (sample 003).
    case cellPerLine = "cell-per-line"
    /// One cell per line with blank lines between all cells (sample 004).
    case loose
    /// Columns aligned with spaces, long labels wrapped (text copied out of PDFs).
    case aligned
    /// A government web page with navigation chrome and `<table>` markup.
    case html
    /// 2008-style prose, no tables.
    case prose

    /// Whether blank cells survive this layout.
    var keepsBlankCells: Bool { self == .tabbed || self == .cellPerLine || self == .aligned || self == .html }
}

enum TextLayout {
    static func render(_ doc: ReportDocument, _ layout: Layout, random: inout SeededRandom) -> String {
        var out: [String] = []
        for block in doc.blocks {
            switch block {
            case .line(let s):
                out.append(s)
                out.append("")
            case .table(let rows):
                switch layout {
                case .tabbed: out += tabbed(rows, random: &random)
                case .cellPerLine: out += cellPerLine(rows)
                case .aligned: out += aligned(rows, random: &random)
                default: out += loose(rows)
                }
                out.append("")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func text(_ cell: ReportDocument.Cell) -> String {
        switch cell {
        case .label(let s), .stray(let s): s
        case .value(let v): v ?? ""
        }
    }

    static func tabbed(_ rows: [[ReportDocument.Cell]], random: inout SeededRandom) -> [String] {
        rows.map { row in
            // Rows that start with a label sometimes start with an empty spanning cell.
            let hasLabel = row.contains { if case .label = $0 { true } else { false } }
            let lead = hasLabel && random.chance(0.2) ? "\t" : ""
            return lead + row.map(text).joined(separator: "\t") + String(repeating: "\t", count: random.int(0...3))
        }
    }

    static func cellPerLine(_ rows: [[ReportDocument.Cell]]) -> [String] {
        var out: [String] = []
        for (i, row) in rows.enumerated() {
            if i > 0 { out.append("") }
            for cell in row { out.append("\t" + text(cell)) }
        }
        return out
    }

    static func loose(_ rows: [[ReportDocument.Cell]]) -> [String] {
        var out: [String] = []
        for row in rows {
            for cell in row where !text(cell).isEmpty {
                out.append(text(cell))
                out.append("")
            }
        }
        if out.last == "" { out.removeLast() }
        return out
    }

    static func width(_ s: String) -> Int {
        s.reduce(0) { $0 + (($1.unicodeScalars.first?.value ?? 0) >= 0x2E80 ? 2 : 1) }
    }

    /// Labels padded to one column, values right-aligned in fixed columns; labels longer
    /// than the column wrap onto a second line, with the values on the first or the second.
    static func aligned(_ rows: [[ReportDocument.Cell]], random: inout SeededRandom) -> [String] {
        let labelWidth = 44, valueWidth = 7
        var out: [String] = []
        for row in rows {
            let labels = row.filter { if case .value = $0 { false } else { true } }.map(text)
                .joined(separator: String(repeating: " ", count: random.int(2...4)))
            let values = row.compactMap { cell -> String? in if case .value(let v) = cell { v ?? "" } else { nil } }
            let numbers = values.map { v in String(repeating: " ", count: max(1, valueWidth - width(v))) + v }.joined()
            if values.isEmpty {
                out.append(labels)
                continue
            }
            if width(labels) <= labelWidth - 2 {
                out.append(labels + String(repeating: " ", count: labelWidth - width(labels)) + numbers)
                continue
            }
            // Wrap: the line that carries the values keeps its part of the label within the
            // label column, so the value columns stay aligned as in the PDF.
            let chars = Array(labels)
            if random.chance(0.5) {
                var cut = 0
                while cut < chars.count, width(String(chars[...cut])) <= labelWidth - 4 { cut += 1 }
                let first = String(chars[..<cut])
                out.append(first + String(repeating: " ", count: labelWidth - width(first)) + numbers)
                out.append(String(chars[cut...]))
            } else {
                var cut = chars.count
                while cut > 0, width(String(chars[(cut - 1)...])) <= labelWidth - 4 { cut -= 1 }
                let second = String(chars[cut...])
                out.append(String(chars[..<cut]))
                out.append(second + String(repeating: " ", count: labelWidth - width(second)) + numbers)
            }
        }
        return out
    }
}

enum HTMLLayout {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func render(_ doc: ReportDocument, title: String, charset: String, random: inout SeededRandom) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta http-equiv="Content-Type" content="text/html; charset=\(charset)">
        <title>\(escape(title))_政府信息公开</title>
        <script type="text/javascript">var _hmt = _hmt || []; document.write('<td>0</td>');</script>
        <style>td { border: 1px solid #ccc; }</style>
        </head>
        <body>
        <div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a></div>
        <div class="position">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年度报告</div>
        <div class="article">

        """
        for block in doc.blocks {
            switch block {
            case .line(let s):
                out += "<p>\(escape(s))</p>\n"
            case .table(let rows):
                out += "<table cellspacing=\"0\" cellpadding=\"0\">\n<tbody>\n"
                for row in rows {
                    out += "<tr>"
                    for cell in row {
                        let t = TextLayout.text(cell)
                        out += t.isEmpty ? (random.chance(0.5) ? "<td>&nbsp;</td>" : "<td></td>") : "<td><p>\(escape(t))</p></td>"
                    }
                    out += "</tr>\n"
                }
                out += "</tbody>\n</table>\n"
            }
        }
        out += """
        </div>
        <div class="footer">主办单位：人民政府办公室 技术支持：信息中心</div>
        </body>
        </html>

        """
        return out
    }
}
