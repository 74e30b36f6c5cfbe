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
        let page = page(fromHTML: html)
        return (page.lines, page.sourceLines)
    }

    /// `lines(fromHTML:)` as a page (its lines in one buffer).
    public static func page(fromHTML html: String) -> Page {
        // The text is already decoded: tell libxml2 it is UTF-8 and neutralise any other
        // declared charset so that it does not switch encodings part-way.
        // Plain markup is read directly; the rest by libxml2's parser, whose reading the
        // direct reader follows.
        let bytes = utf8DeclaringCharset(html)
        return HTMLDirectReader.lines(bytes) ?? HTMLEvents<LibXMLPosition>.lines(bytes)
    }

    /// Whether the direct reader, where it reads the page, reads it as libxml2's parser does
    /// (true when it leaves the page to libxml2): the fuzzer's check of the two readers.
    public static func readersAgree(onHTML html: String) -> Bool {
        let bytes = utf8DeclaringCharset(html)
        guard let direct = HTMLDirectReader.lines(bytes) else { return true }
        let parser = HTMLEvents<LibXMLPosition>.lines(bytes)
        return direct.lines == parser.lines && direct.sourceLines == parser.sourceLines
    }

    /// `lines(fromHTML:)` through libxml2's document tree: the reference the streaming
    /// reader (`HTMLEvents`) is tested against.
    static func linesByTree(fromHTML html: String) -> (lines: [String], sourceLines: [Int]) {
        let bytes = utf8DeclaringCharset(html)
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
            if let title = findFirst(root, .title) { writer.text(text(of: title), line: lineNumber(title)); writer.breakLine() }
            walk(root, &writer)
        }
        writer.breakLine()
        return (writer.lines, writer.sourceLines)
    }

    /// The UTF-8 bytes of `html` with every declared charset (what `declaredCharset` matches)
    /// replaced by `charset=utf-8`, found on the bytes: the expression went through a UTF-16
    /// copy of the whole page. Two letters outside ASCII match the expression's ASCII letters
    /// when case is ignored (ſ U+017F, the Kelvin sign U+212A); a page holding either is left
    /// to the expression.
    static func utf8DeclaringCharset(_ html: String) -> [UInt8] {
        var text = html
        let replaced: [UInt8]? = text.withUTF8 { b in
            let n = b.count
            // (Sixteen bytes at a time while there are eighteen, past those that hold none of the
            // bytes looked for — a page is mostly text and tags without them — a lane's next two
            // bytes a lane over; the last few byte by byte.)
            var i = 0
            let c5 = ByteLanes.splat(0xC5), bf = ByteLanes.splat(0xBF), e2 = ByteLanes.splat(0xE2)
            let x84 = ByteLanes.splat(0x84), aa = ByteLanes.splat(0xAA)
            while i + 18 <= n {
                let v = ByteLanes.load(b, at: i)
                let c5s = v .== c5, e2s = v .== e2
                if ByteLanes.any(c5s .| e2s) {
                    let next = ByteLanes.load(b, at: i + 1), after = ByteLanes.load(b, at: i + 2)
                    if ByteLanes.any((c5s .& (next .== bf)) .| (e2s .& (next .== x84) .& (after .== aa))) { return nil }
                }
                i += 16
            }
            while i < n {
                if b[i] == 0xC5, i + 1 < n, b[i + 1] == 0xBF { return nil }
                if b[i] == 0xE2, i + 2 < n, b[i + 1] == 0x84, b[i + 2] == 0xAA { return nil }
                i += 1
            }
            var out: [UInt8] = []
            out.reserveCapacity(n + 16)
            var copied = 0
            i = 0
            let lowerC = ByteLanes.splat(0x63), caseBit = ByteLanes.splat(0x20)
            while i + 7 <= n {
                // ("c" or "C": each byte with 0x20 set, compared with "c"; sixteen bytes
                // without one passed at once, a word holding one read from its first.)
                if i + 16 <= n && !ByteLanes.any((ByteLanes.load(b, at: i) | caseBit) .== lowerC) {
                    i += 16
                    continue
                }
                if i + 8 <= n {
                    let found = WordBytes.matches(WordBytes.load(b, at: i) | 0x2020_2020_2020_2020, 0x63)
                    if found == 0 { i += 8; continue }
                    i += found.trailingZeroBitCount / 8
                    if i + 7 > n { break }
                }
                guard b[i] | 0x20 == UInt8(ascii: "c"), let end = declaredCharsetEnd(b, at: i) else { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<i]))
                out.append(contentsOf: "charset=utf-8".utf8)
                copied = end
                i = end
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<n]))
            return out
        }
        if let replaced { return replaced }
        let cleaned = declaredCharset.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html), withTemplate: "charset=utf-8")
        return Array(cleaned.utf8)
    }

    /// Where a match of `declaredCharset` starting at `start` ends, if one does: `charset`
    /// in any case, white space (the White_Space property, as ICU's `\s`), `=`, white space,
    /// an optional quote, then one or more of `[A-Za-z0-9_-]`.
    static func declaredCharsetEnd(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let n = b.count
        var j = start
        for letter in "charset".utf8 {
            guard j < n, b[j] | 0x20 == letter else { return nil }
            j += 1
        }
        func skipWhiteSpace() {
            while j < n {
                let (v, length) = UTF8Scalar.decode(b, at: j)
                guard Unicode.Scalar(v)?.isWhiteSpace ?? false else { return }
                j += length
            }
        }
        func isNameByte(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F || c == 0x2D
        }
        skipWhiteSpace()
        guard j < n, b[j] == UInt8(ascii: "=") else { return nil }
        j += 1
        skipWhiteSpace()
        if j + 1 < n, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'"), isNameByte(b[j + 1]) { j += 1 }
        guard j < n, isNameByte(b[j]) else { return nil }
        while j < n, isNameByte(b[j]) { j += 1 }
        return j
    }

    /// What the walk does with an element, by its name.
    enum Kind { case skipped, row, table, title, block, cell, inline }

    /// An element's kind, from its name: read on the name's bytes, lower-cased and packed into
    /// two words, and looked up among the known names' (a String, lower-cased and hashed
    /// twice, for each of a page's elements was a visible part of reading a page; remembering
    /// kinds by the name's address was tried, but libxml2's HTML parser gives every element a
    /// copy of its own). A name with a byte outside ASCII or longer than 16 bytes — none of
    /// the known names — goes the way of text.
    static func kind(_ node: xmlNodePtr) -> Kind {
        guard let name = node.pointee.name else { return kind(named: "") }
        return kind(cName: UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self))
    }

    static func kind(cName: UnsafePointer<UInt8>) -> Kind {
        var low: UInt64 = 0, high: UInt64 = 0
        var i = 0
        while true {
            var b = cName[i]
            if b == 0 { break }
            guard b < 0x80, i < 16 else {
                return kind(named: String(cString: UnsafeRawPointer(cName).assumingMemoryBound(to: CChar.self)).lowercased())
            }
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            pack(b, at: i, &low, &high)
            i += 1
        }
        for known in packedKinds where known.low == low && known.high == high { return known.kind }
        return .inline
    }

    /// Byte `i` (below 16) of a name into the two words it is packed in.
    @inline(__always)
    static func pack(_ b: UInt8, at i: Int, _ low: inout UInt64, _ high: inout UInt64) {
        if i < 8 { low |= UInt64(b) << (8 * UInt64(i)) } else { high |= UInt64(b) << (8 * UInt64(i - 8)) }
    }

    /// The kind of a lower-cased name: the reference the packed lookup is tested against.
    static func kind(named n: String) -> Kind {
        skipped.contains(n) ? .skipped : n == "tr" ? .row : n == "table" ? .table : n == "title" ? .title
            : blocks.contains(n) ? .block : n == "td" || n == "th" ? .cell : .inline
    }

    /// Every name whose kind is not `inline`, packed as `kind(cName:)` packs them.
    static let packedKinds: [(low: UInt64, high: UInt64, kind: Kind)] = {
        // Cells and rows first: most elements of a report page are.
        let names = ["td", "tr", "th", "p", "br", "div", "table"] + skipped.sorted() + blocks.sorted() + ["title"]
        var seen = Set<String>()
        return names.compactMap { name in
            guard seen.insert(name).inserted else { return nil }
            var low: UInt64 = 0, high: UInt64 = 0
            for (i, b) in name.utf8.enumerated() { pack(b, at: i, &low, &high) }
            return (low, high, kind(named: name))
        }
    }()

    /// A page's lines, one after another in one buffer, each ended by a line feed but the
    /// last (`ends[k]` where line k ends), with the line of the page each came from: what a
    /// source is made of (`SourceText(path:page:encoding:)`) without a string a line.
    public struct Page: Sendable, Equatable {
        /// (Written a line at a time without the array's generic appends: a page is hundreds of
        /// lines, each a cell of a table.)
        private var text = ReusableBytes()
        public internal(set) var ends: [Int] = []
        public internal(set) var sourceLines: [Int] = []
        /// Whether the bytes are known to be valid UTF-8 as they were written (a page the
        /// direct reader wrote, of the checked page's own text), not to be checked again.
        /// (Not a part of the page's value: `==` leaves it out.)
        public internal(set) var isKnownValid = false

        public init() {}

        public var bytes: [UInt8] { text.array }

        public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            try text.withBytes(body)
        }

        public static func == (a: Page, b: Page) -> Bool {
            a.ends == b.ends && a.sourceLines == b.sourceLines && a.withBytes { x in b.withBytes { y in x.elementsEqual(y) } }
        }

        /// The lines as strings of their own (for what reads a few pages: tests, the fuzzer).
        public var lines: [String] {
            withBytes { bytes in
                ends.indices.map { k in String(decoding: UnsafeBufferPointer(rebasing: bytes[(k == 0 ? 0 : ends[k - 1] + 1)..<ends[k]]), as: UTF8.self) }
            }
        }

        /// Adds a line (valid UTF-8), after a tab when `tabbed` (a table cell's line).
        mutating func append(_ line: UnsafeBufferPointer<UInt8>, from sourceLine: Int, tabbed: Bool = false) {
            if ends.isEmpty {
                text.append(line, after: (0x09, 0), count: tabbed ? 1 : 0)
            } else {
                text.append(line, after: (0x0A, 0x09), count: tabbed ? 2 : 1)
            }
            ends.append(text.count)
            sourceLines.append(sourceLine)
        }

        /// Adds the lines of another page after these.
        mutating func append(_ other: Page) {
            guard !other.ends.isEmpty else { return }
            let offset = ends.isEmpty ? 0 : text.count + 1
            let separated = !ends.isEmpty
            other.withBytes { text.append($0, after: (0x0A, 0), count: separated ? 1 : 0) }
            ends += other.ends.map { $0 + offset }
            sourceLines += other.sourceLines
        }
    }

    struct Writer {
        /// The lines written (into one buffer: a string for every cell of every table, made
        /// and then joined into the source's text, was some 3 % of reading a web page).
        var page = Page()
        var current = ""
        var currentLine = 0

        var lines: [String] { page.lines }
        var sourceLines: [Int] { page.sourceLines }

        mutating func text(_ s: String, line: Int) {
            // (A CR LF pair is one character that is neither "\n" nor "\r": text holding a CR
            // keeps the character test, the rest is split on scalars.)
            let collapsed = s.withUTF8Bytes({ $0.contains(0x0D) })
                ? s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
                : HTMLText.joinedLineRuns(s)
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
                t.withUTF8Bytes { page.append($0, from: currentLine) }
            }
            current = ""
        }

        mutating func raw(_ s: String, line: Int) {
            s.withUTF8Bytes { raw(bytes: $0, line: line) }
        }

        /// `raw` of a line's bytes (valid UTF-8).
        mutating func raw(bytes: UnsafeBufferPointer<UInt8>, line: Int) {
            // (Nothing to break when no text is waiting: most lines of a table page are its
            // cells, each after the last, and an empty text trimmed for each was a cost.)
            if !current.isEmpty { breakLine() }
            page.append(bytes, from: line)
        }

        /// A row cell's line: its text's runs joined by spaces and trimmed, after a tab; a
        /// blank cell spanning columns (`colspan`, 1 when not a number) repeated as blank
        /// cells — a value or a label spanning columns stands for one.
        mutating func cell(_ text: String, colspan: Int?, line: Int) {
            text.withUTF8Bytes { cell(bytes: $0, colspan: colspan, line: line) }
        }

        /// `cell` on the text's bytes (valid UTF-8), its line made in one buffer on the stack:
        /// the runs joined (`joinedCellRuns`), the ends trimmed (`trimmedSpaces`) and the tab put
        /// before them were each a String of their own, for every cell of every table.
        mutating func cell(bytes b: UnsafeBufferPointer<UInt8>, colspan: Int?, line: Int) {
            // Most cells are one run with nothing to trim: their line is the tab and the bytes.
            if !b.isEmpty && HTMLText.isPlainCell(b) {
                if !current.isEmpty { breakLine() }
                page.append(b, from: line, tabbed: true)
                return
            }
            cellByRuns(bytes: b, colspan: colspan, line: line)
        }

        /// `cell(bytes:colspan:line:)` for any cell: its runs joined, its ends trimmed (the
        /// reference `isPlainCell`'s shortcut is tested against).
        mutating func cellByRuns(bytes b: UnsafeBufferPointer<UInt8>, colspan: Int?, line: Int) {
            let empty = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: b.count + 1) { out -> Bool in
                out[0] = 0x09
                let o = HTMLText.joinRuns(b, cell: true, into: out, at: 1)
                // The content trimmed, the tab moved up to it.
                let content = UTF8Scalar.trimmedSpaces(UnsafeBufferPointer(out), 1, o)
                out[content.lowerBound - 1] = 0x09
                raw(bytes: UnsafeBufferPointer(rebasing: out[(content.lowerBound - 1)..<content.upperBound]), line: line)
                return content.isEmpty
            }
            if let value = colspan, empty && value > 1 {
                for _ in 1..<min(value, 20) { raw("\t", line: line) }
            }
        }
    }

    static func lineNumber(_ node: xmlNodePtr) -> Int { Int(xmlGetLineNo(node)) }

    static func text(of node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { free(content) }
        return String(cString: UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
    }

    static func findFirst(_ node: xmlNodePtr, _ wanted: Kind) -> xmlNodePtr? {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                if kind(c) == wanted { return c }
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
                switch kind(c) {
                case .skipped:
                    continue
                case .row:
                    row(c, &writer)
                case .table:
                    writer.breakLine()
                    walk(c, &writer)
                    writer.raw("", line: lineNumber(c))
                case .block, .title:
                    writer.breakLine()
                    walk(c, &writer)
                    writer.breakLine()
                case .cell, .inline:
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
    /// one character of two separators, comes out the same), scalar by scalar. The pages are
    /// read with `joinedCellRuns` and `joinedLineRuns`, which do this on the bytes and are
    /// tested against it.
    static func joinedRuns(_ s: String, separatedBy isSeparator: (Unicode.Scalar) -> Bool) -> String {
        s.scalarRuns(separatedBy: isSeparator).map { s[$0] }.joined(separator: " ")
    }

    /// `joinedRuns(s, separatedBy: breaksCell)` on the bytes (the separators are whole
    /// scalars: 09–0D, C2 85, E2 80 A8, E2 80 A9), one String made; text without a separator
    /// is returned as it is.
    static func joinedCellRuns(_ s: String) -> String { joinedRunsOnBytes(s, cell: true) }

    /// `joinedRuns(s) { $0 == "\n" || $0 == "\t" }` on the bytes.
    static func joinedLineRuns(_ s: String) -> String { joinedRunsOnBytes(s, cell: false) }

    static func joinedRunsOnBytes(_ s: String, cell: Bool) -> String {
        s.withUTF8Bytes { b -> String in
            guard b.indices.contains(where: { separatorLength(b, $0, cell: cell) > 0 }) else { return s }
            // (Runs of valid text joined by spaces are valid.)
            return String(validUTF8Capacity: b.count) { joinRuns(b, cell: cell, into: $0, at: 0) }
        }
    }

    /// The length of the separator starting at `b[i]` (0 where none does): for a cell the
    /// scalars `breaksCell` takes (09–0D, C2 85, E2 80 A8, E2 80 A9), for a line LF and tab.
    @inline(__always)
    static func separatorLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, cell: Bool) -> Int {
        let c = b[i]
        guard cell else { return c == 0x0A || c == 0x09 ? 1 : 0 }
        if c >= 0x09 && c <= 0x0D { return 1 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0x85 { return 2 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return 3 }
        return 0
    }

    /// `b`'s runs between separators joined by single spaces, written to `out` from `start`
    /// (room for `b.count` more: the joined text is never longer); returns where it ends.
    static func joinRuns(_ b: UnsafeBufferPointer<UInt8>, cell: Bool, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var o = start
        var i = 0
        var inRun = false
        while i < b.count {
            let k = separatorLength(b, i, cell: cell)
            if k > 0 {
                inRun = false
                i += k
                continue
            }
            if !inRun {
                if o > start { out[o] = 0x20; o += 1 }
                inRun = true
            }
            out[o] = b[i]
            o += 1
            i += 1
        }
        return o
    }

    /// Whether a cell's text (valid UTF-8, not empty) is its own line's content as it is: no
    /// byte that could start a separator (below 0x20, C2 for U+0085, E2 for U+2028 and
    /// U+2029), so one run; and neither end a space `trimmedSpaces` would take (an ASCII space,
    /// U+3000 — E3 80 80 — or a lead E1, for U+1680; the other spaces lead with C2 or E2).
    static func isPlainCell(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in b where c < 0x20 || c == 0xC2 || c == 0xE2 { return false }
        let n = b.count
        if b[0] == 0x20 || b[0] == 0xE1 || b[n - 1] == 0x20 { return false }
        if b[0] == 0xE3 && n >= 3 && b[1] == 0x80 && b[2] == 0x80 { return false }
        if n >= 3 && (b[n - 3] == 0xE1 || (b[n - 3] == 0xE3 && b[n - 2] == 0x80 && b[n - 1] == 0x80)) { return false }
        return true
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
            guard c.pointee.type == XML_ELEMENT_NODE, kind(c) == .cell else { continue }
            var colspan: Int?
            if let span = xmlGetProp(c, "colspan") {
                colspan = Int(String(cString: UnsafeRawPointer(span).assumingMemoryBound(to: CChar.self))) ?? 1
                free(span)
            }
            writer.cell(text(of: c), colspan: colspan, line: lineNumber(c))
        }
        writer.raw("", line: lineNumber(tr))
    }
}
