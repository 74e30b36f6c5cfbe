import CLibXML2
import Foundation

/// Turns a report saved as a web page into report text with libxml2's HTML parser (which
/// recovers from the broken markup government sites publish). Prose becomes lines; each
/// table row becomes a block of one cell per line, blank cells kept, so the table parser
/// sees exactly the cells the page has. Every line remembers the line of the HTML it came
/// from, so diagnostics point into the original file.
public enum HTMLText {
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "svg", "iframe", "object", "head"]
    static let blocks: Set<String> = ["p", "div", "section", "article", "header", "footer", "nav", "main", "aside", "h1", "h2",
                                      "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "br", "hr", "blockquote",
                                      "pre", "form", "center", "address", "figure", "figcaption", "caption", "title", "body"]

    /// A declared charset (compiled once: compiling it for every page was a visible cost).
    static let declaredCharset = try! NSRegularExpression(pattern: #"charset\s*=\s*["']?[A-Za-z0-9_-]+"#, options: [.caseInsensitive])

    public static func lines(fromHTML html: String) -> (lines: [String], sourceLines: [Int]) {
        // The text is already decoded: tell libxml2 it is UTF-8 and neutralise any other
        // declared charset so that it does not switch encodings part-way.
        let cleaned = declaredCharset.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html), withTemplate: "charset=utf-8")
        let bytes = Array(cleaned.utf8)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        guard let doc = bytes.withUnsafeBufferPointer({ p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                htmlReadMemory($0, Int32(bytes.count), "report.html", "UTF-8", options)
            }
        }) else { return ([], []) }
        defer { xmlFreeDoc(doc) }

        var writer = Writer()
        if let root = xmlDocGetRootElement(doc) {
            // The <title> first: it often holds the report's title when the body does not.
            if let title = findFirst(root, "title") { writer.text(text(of: title), line: lineNumber(title)); writer.breakLine() }
            walk(root, &writer)
        }
        writer.breakLine()
        return (writer.lines, writer.sourceLines)
    }

    struct Writer {
        var lines: [String] = []
        var sourceLines: [Int] = []
        var current = ""
        var currentLine = 0

        mutating func text(_ s: String, line: Int) {
            // (A CR LF pair is one character that is neither "\n" nor "\r": text holding a CR
            // keeps the character test, the rest is split on scalars.)
            let collapsed = s.utf8.contains(0x0D)
                ? s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
                : HTMLText.joinedRuns(s) { $0 == "\n" || $0 == "\t" }
            guard !collapsed.trimmedSpaces.isEmpty else {
                if !current.isEmpty && !s.isEmpty { current += " " }
                return
            }
            if current.isEmpty { currentLine = line }
            current += collapsed
        }

        mutating func breakLine() {
            let t = current.trimmedSpaces
            if !t.isEmpty {
                lines.append(t)
                sourceLines.append(currentLine)
            }
            current = ""
        }

        mutating func raw(_ s: String, line: Int) {
            breakLine()
            lines.append(s)
            sourceLines.append(line)
        }
    }

    static func name(_ node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: UnsafeRawPointer(n).assumingMemoryBound(to: CChar.self)).lowercased()
    }

    static func lineNumber(_ node: xmlNodePtr) -> Int { Int(xmlGetLineNo(node)) }

    static func text(of node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { free(content) }
        return String(cString: UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
    }

    static func findFirst(_ node: xmlNodePtr, _ wanted: String) -> xmlNodePtr? {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                if name(c) == wanted { return c }
                if let found = findFirst(c, wanted) { return found }
            }
            child = c.pointee.next
        }
        return nil
    }

    static func walk(_ node: xmlNodePtr, _ writer: inout Writer) {
        var child = node.pointee.children
        while let c = child {
            defer { child = c.pointee.next }
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    writer.text(String(cString: UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)), line: lineNumber(c))
                }
            case XML_ELEMENT_NODE:
                let n = name(c)
                if skipped.contains(n) { continue }
                if n == "tr" {
                    row(c, &writer)
                } else if n == "table" {
                    writer.breakLine()
                    walk(c, &writer)
                    writer.raw("", line: lineNumber(c))
                } else if blocks.contains(n) {
                    writer.breakLine()
                    walk(c, &writer)
                    writer.breakLine()
                } else {
                    walk(c, &writer)
                }
            default:
                continue
            }
        }
    }

    /// The runs of `s` between separators, joined by single spaces: what
    /// `split(whereSeparator:).joined(separator: " ")` gives for separators that are
    /// characters of their own (line ends and tabs break characters on both sides; CR LF,
    /// one character of two separators, comes out the same), scalar by scalar.
    static func joinedRuns(_ s: String, separatedBy isSeparator: (Unicode.Scalar) -> Bool) -> String {
        s.scalarRuns(separatedBy: isSeparator).map { s[$0] }.joined(separator: " ")
    }

    /// Line ends of every kind (what `Character.isNewline` is true of) and tabs: where a
    /// cell's text is cut into the runs joined by spaces.
    static func breaksCell(_ u: Unicode.Scalar) -> Bool {
        u == "\t" || (u.value >= 0x0A && u.value <= 0x0D) || u == "\u{85}" || u == "\u{2028}" || u == "\u{2029}"
    }

    /// A table row as a block: a blank line, then each cell on its own line, indented with a
    /// tab (the one-cell-per-line layout), with `colspan` cells repeated as blanks.
    static func row(_ tr: xmlNodePtr, _ writer: inout Writer) {
        writer.raw("", line: lineNumber(tr))
        var cell = tr.pointee.children
        while let c = cell {
            defer { cell = c.pointee.next }
            guard c.pointee.type == XML_ELEMENT_NODE, ["td", "th"].contains(name(c)) else { continue }
            let content = joinedRuns(text(of: c), separatedBy: breaksCell).trimmedSpaces
            writer.raw("\t" + content, line: lineNumber(c))
            if let span = xmlGetProp(c, "colspan") {
                let value = Int(String(cString: UnsafeRawPointer(span).assumingMemoryBound(to: CChar.self))) ?? 1
                free(span)
                // A value cell spanning columns stands for one cell; a label spanning columns
                // is followed by nothing. Only blank cells are repeated.
                if content.isEmpty && value > 1 {
                    for _ in 1..<min(value, 20) { writer.raw("\t", line: lineNumber(c)) }
                }
            }
        }
        writer.raw("", line: lineNumber(tr))
    }
}
