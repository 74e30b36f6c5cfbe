import CLibXML2
import Foundation

/// Where the parser stands when it reports an event: what `HTMLEvents` asks the parser, as
/// libxml2's context answers it (`LibXMLPosition`) or as `HTMLDirectReader` keeps it.
protocol HTMLParserPosition {
    /// The line of the input the parser is at.
    var line: Int { get }
    /// Whether a DOCTYPE has been read (the document has an internal subset).
    var hasDTD: Bool { get }
    /// The input from the parser's cursor on, and where the input it keeps begins.
    var cursor: UnsafePointer<UInt8>? { get }
    var base: UnsafePointer<UInt8>? { get }
    /// The name of the innermost element open in the parser (`ctxt->name`).
    var openName: UnsafePointer<UInt8>? { get }
    /// Stops the parser: nothing after this is reported.
    func stop()
    /// Whether the text the parser hands on is valid UTF-8 in every run it makes (each cut at
    /// scalar boundaries) and holds no NUL, so that a run is copied into a string without
    /// checking it again and is not looked through for the NUL a C string would end at.
    static var runsAreValidUTF8: Bool { get }
}

/// libxml2's parser context as a position.
struct LibXMLPosition: HTMLParserPosition {
    let ctxt: xmlParserCtxtPtr
    var line: Int { Int(ctxt.pointee.input.pointee.line) }
    var hasDTD: Bool { ctxt.pointee.myDoc?.pointee.intSubset != nil }
    var cursor: UnsafePointer<UInt8>? { ctxt.pointee.input?.pointee.cur }
    var base: UnsafePointer<UInt8>? { ctxt.pointee.input?.pointee.base }
    var openName: UnsafePointer<UInt8>? { ctxt.pointee.name.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) } }
    func stop() { xmlStopParser(ctxt) }
    /// (libxml2's runs are checked: what it does with damaged input is its own.)
    static var runsAreValidUTF8: Bool { false }
}

/// A web page read as libxml2's HTML parser reports it, element by element, without the
/// document tree: building the tree, walking it and freeing it was some two fifths of
/// reading a page (the tree's nodes made and freed one by one, then visited again).
///
/// The text is the one `HTMLText.linesByTree` takes from the tree, which it is tested
/// against: the events are read as libxml2's tree builder (SAX2) would build from them —
///  * text runs coalesce into one node until another node comes between them;
///  * blank runs the parser asks the tree about (`areBlanks` in HTMLparser.c, libxml2 2.9)
///    are kept or dropped as the tree would have them (by the current element's last child
///    that is not a comment); runs made by character references are always kept;
///  * an element named with a prefix (`o:p`) is known by its local name (`p`);
///  * the root is the first top-level element; a top-level element after it becomes its last
///    child when the root is the document's first child, else is left out, as are top-level
///    text and the content of every other top-level element;
///  * a page nested deeper than libxml2's limit (256 open elements) ends there.
/// Lines are the parser's own line numbers; the tree keeps them in 16 bits, so past line
/// 65,534 these are the true lines where the tree's were not.
struct HTMLEvents<Position: HTMLParserPosition> {
    /// What an element's children are read for.
    enum Reading { case walk, row, capture, ignore }

    /// An open element's last child that is not a comment, as `areBlanks` looks at it.
    enum LastChild {
        case none, text
        /// An element, with its name (the parser's, alive while it parses).
        case element(UnsafePointer<UInt8>)
        /// A CDATA node or a processing instruction, and whether blank text after it is kept.
        case other(keepsText: Bool)
    }

    /// What closing an element writes.
    enum Closing {
        case nothing, block
        case table(line: Int)
        case row(line: Int)
        /// A row cell, with its `colspan` when it has one (1 when it is not a number).
        case cell(line: Int, colspan: Int?)
    }

    struct Frame {
        var children: Reading
        var closing: Closing = .nothing
        var last: LastChild = .none
        /// Inside the root (where the title is looked for).
        var inRoot: Bool
        var isTitle = false
    }

    private let position: Position
    private var frames: [Frame] = []
    private(set) var writer = HTMLText.Writer()

    /// The text node being read (consecutive character runs), with the line it started on.
    private enum RunKind { case none, text, cdata }
    private var run = ReusableBytes()
    private var runKind = RunKind.none
    private var runLine = 0

    /// The text of the row cell being read.
    private var cell = ReusableBytes()

    /// The first title element in the root and its text, once found.
    private var title: (text: [UInt8], line: Int)?
    private var readingTitle = false

    private var rootFound = false
    /// Whether the root became the document's first child (nothing before it).
    private var rootIsFirstChild = false
    /// A comment or processing instruction seen at the top level before the root.
    private var topLevelNodeBeforeRoot = false
    private var halted = false


    init(_ position: Position) { self.position = position }

    mutating func finish() -> HTMLText.Page {
        flushRun()
        // Elements still open (a parse that stopped): closed as the tree has them, ended.
        while let frame = frames.popLast() { close(frame) }
        var result = HTMLText.Writer()
        if let title {
            result.text(String(decoding: title.text, as: UTF8.self), line: title.line)
            result.breakLine()
        }
        writer.breakLine()
        result.page.append(writer.page)
        result.page.isKnownValid = Position.runsAreValidUTF8
        return result.page
    }

    private var line: Int { position.line }

    // MARK: - Events

    /// - Parameters:
    ///   - kind: the element's kind when the parser knows it (`HTMLText.kind(cName:)` of its
    ///     local name: a listed element's, looked up once, not by name for every element).
    ///   - colspan: the element's `colspan` attribute, asked for a row's cells ("" when it has
    ///     no value, nil when absent).
    mutating func startElement(_ fullName: UnsafePointer<UInt8>, kind known: HTMLText.Kind? = nil, colspan: () -> String?) {
        guard !halted else { return }
        flushRun()
        guard frames.count <= HTMLMarkup.maxDepth else {
            halted = true
            position.stop()
            return
        }
        // (A name the parser lists has no prefix: only another's local part is looked for.)
        let name = known == nil ? HTMLMarkup.localName(fullName) : fullName
        let line = self.line
        var reading: Reading
        let inRoot: Bool
        if let parent = frames.indices.last {
            frames[parent].last = .element(name)
            reading = frames[parent].children
            inRoot = frames[parent].inRoot
        } else {
            let hasDTD = position.hasDTD
            if !rootFound {
                rootFound = true
                rootIsFirstChild = !hasDTD && !topLevelNodeBeforeRoot
                // The root's own kind does not matter: its children are walked.
                frames.append(Frame(children: .walk, inRoot: true))
                return
            }
            // A later top-level element: the root's last child while the root is the
            // document's first child (a DTD, when one comes, is put first), else a sibling.
            if rootIsFirstChild && !hasDTD { reading = .walk; inRoot = true } else { reading = .ignore; inRoot = false }
        }
        let kind = known ?? HTMLText.kind(cName: name)
        var frame = Frame(children: reading, inRoot: inRoot)
        if inRoot && title == nil && !readingTitle && kind == .title {
            readingTitle = true
            frame.isTitle = true
            title = ([], line)
        }
        switch reading {
        case .walk:
            switch kind {
            case .skipped:
                frame.children = .ignore
            case .row:
                writer.raw("", line: line)
                frame.children = .row
                frame.closing = .row(line: line)
            case .table:
                writer.breakLine()
                frame.closing = .table(line: line)
            case .block, .title:
                writer.breakLine()
                frame.closing = .block
            case .cell, .inline:
                break
            }
        case .row:
            if kind == .cell {
                cell.removeAll()
                frame.children = .capture
                frame.closing = .cell(line: line, colspan: colspan().map { Int($0) ?? 1 })
            } else {
                frame.children = .ignore
            }
        case .capture, .ignore:
            break
        }
        frames.append(frame)
    }

    mutating func endElement() {
        guard !halted else { return }
        flushRun()
        // (removeLast, not popLast: the collection's generic popLast was a call of its own.)
        guard !frames.isEmpty else { return }
        let frame = frames.removeLast()
        close(frame)
    }

    private mutating func close(_ frame: Frame) {
        if frame.isTitle { readingTitle = false }
        switch frame.closing {
        case .nothing:
            break
        case .block:
            writer.breakLine()
        case .table(let line), .row(let line):
            writer.raw("", line: line)
        case .cell(let line, let colspan):
            cell.withBytes { writer.cell(bytes: $0, colspan: colspan, line: line) }
        }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !halted, let top = frames.indices.last else { return }
        if runKind == .text {
            run.append(bytes)
            return
        }
        if runKind == .cdata { flushRun() }
        if !Self.keeps(bytes, after: frames[top].last, position) { return }
        runKind = .text
        runLine = line
        run.append(bytes)
        frames[top].last = .text
    }

    /// Whether a run of characters becomes a text node: always, unless it is blank and the
    /// parser asked the tree (the last part of `areBlanks`, which finds no tree here).
    /// (Static: as a method it copied the whole reader for every run.)
    private static func keeps(_ bytes: UnsafeBufferPointer<UInt8>, after last: LastChild, _ position: Position) -> Bool {
        for b in bytes where !HTMLMarkup.isBlank(b) { return true }
        guard let cur = position.cursor else { return true }
        // `areBlanks` reaches the tree only before a '<'.
        guard cur.pointee == UInt8(ascii: "<") else { return true }
        // A character reference's run is given without asking.
        if HTMLMarkup.followsCharacterReference(cur, base: position.base) { return true }
        switch last {
        case .none: return HTMLMarkup.allowsText(position.openName)
        case .text: return true
        case .element(let name): return HTMLMarkup.allowsText(name)
        case .other(let keepsText): return keepsText
        }
    }

    mutating func cdata(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !halted, let top = frames.indices.last else { return }
        if runKind != .cdata {
            flushRun()
            runKind = .cdata
            runLine = line
        }
        run.append(bytes)
        frames[top].last = .other(keepsText: false)
    }

    mutating func comment() {
        guard !halted else { return }
        flushRun()
        if frames.isEmpty && !rootFound { topLevelNodeBeforeRoot = true }
    }

    mutating func processingInstruction(_ target: UnsafePointer<UInt8>?) {
        guard !halted else { return }
        flushRun()
        if let top = frames.indices.last {
            // (Looked at now: the target's text is the parser's to free.)
            frames[top].last = .other(keepsText: HTMLMarkup.allowsText(target))
        } else if !rootFound {
            topLevelNodeBeforeRoot = true
        }
    }

    /// Hands the finished text node to whatever reads it.
    private mutating func flushRun() {
        guard runKind != .none else { return }
        defer {
            run.removeAll()
            runKind = .none
        }
        let reading = frames.last?.children ?? .ignore
        run.withBytes { all in
            // A node's text is read as a C string: up to its first NUL, if any (none in the
            // runs of a reader that hands on only whole scalars of a checked page).
            let end = Position.runsAreValidUTF8 ? all.count : all.baseAddress.flatMap { memchr($0, 0, all.count) }
                .map { all.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? all.count
            let bytes = UnsafeBufferPointer(rebasing: all[..<end])
            if runKind == .text && reading == .walk {
                writer.text(Position.runsAreValidUTF8 ? String(validUTF8: bytes) : String(decoding: bytes, as: UTF8.self), line: runLine)
            } else if reading == .capture {
                cell.append(bytes)
            }
            if readingTitle { title?.text.append(contentsOf: bytes) }
        }
    }
}

/// The events of libxml2's HTML parser.
extension HTMLEvents where Position == LibXMLPosition {
    // MARK: - Reading a page

    /// The page's lines as `HTMLText.lines(fromHTML:)` gives them.
    static func lines(_ bytes: [UInt8]) -> HTMLText.Page {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        // As htmlReadMemory sets up its parser (a document is still made, for the DTD the
        // parser looks at; it holds no elements), with this reader's callbacks.
        xmlInitParser()
        guard let ctxt = bytes.withUnsafeBufferPointer({ p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                xmlCreateMemoryParserCtxt($0, Int32(bytes.count))
            }
        }) else { return HTMLText.Page() }
        defer { xmlFreeParserCtxt(ctxt) }
        htmlDefaultSAXHandlerInit()
        guard let sax = ctxt.pointee.sax else { return HTMLText.Page() }
        withUnsafeMutableBytes(of: &sax.pointee) { target in
            let defaults = UnsafeRawPointer(__htmlDefaultSAXHandler())!
            target.baseAddress!.copyMemory(from: defaults, byteCount: MemoryLayout<xmlSAXHandlerV1>.size)
        }
        install(on: sax)
        // (A struct the callbacks reach through a pointer: a class's properties are checked
        // for exclusive access at every use, a visible cost at a few per element.)
        let reader = UnsafeMutablePointer<HTMLEvents<LibXMLPosition>>.allocate(capacity: 1)
        reader.initialize(to: HTMLEvents(LibXMLPosition(ctxt: ctxt)))
        defer { reader.deinitialize(count: 1); reader.deallocate() }
        ctxt.pointee._private = UnsafeMutableRawPointer(reader)

        htmlCtxtUseOptions(ctxt, options)
        ctxt.pointee.html = 1
        if let handler = xmlFindCharEncodingHandler("UTF-8") {
            xmlSwitchToEncoding(ctxt, handler)
            // (A new memory input has none to free.)
            if ctxt.pointee.input.pointee.encoding == nil { ctxt.pointee.input.pointee.encoding = UnsafePointer(xmlStrdup("UTF-8")) }
        }
        if let input = ctxt.pointee.input, input.pointee.filename == nil {
            input.pointee.filename = UnsafeRawPointer(xmlCharStrdup("report.html")).map { UnsafePointer($0.assumingMemoryBound(to: CChar.self)) }
        }
        _ = htmlParseDocument(ctxt)
        if let doc = ctxt.pointee.myDoc {
            ctxt.pointee.myDoc = nil
            xmlFreeDoc(doc)
        }
        ctxt.pointee._private = nil
        return reader.pointee.finish()
    }

    private static func reader(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<HTMLEvents<LibXMLPosition>> {
        let ctxt = ctx!.assumingMemoryBound(to: xmlParserCtxt.self)
        return ctxt.pointee._private.assumingMemoryBound(to: HTMLEvents<LibXMLPosition>.self)
    }

    private static func install(on sax: UnsafeMutablePointer<xmlSAXHandler>) {
        sax.pointee.startElement = { ctx, name, atts in
            guard let name else { return }
            Self.reader(ctx).pointee.startElement(UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self)) {
                HTMLMarkup.attribute("colspan", atts)
            }
        }
        sax.pointee.endElement = { ctx, _ in Self.reader(ctx).pointee.endElement() }
        sax.pointee.characters = { ctx, ch, len in
            guard let ch, len > 0 else { return }
            Self.reader(ctx).pointee.characters(UnsafeBufferPointer(start: ch, count: Int(len)))
        }
        sax.pointee.cdataBlock = { ctx, ch, len in
            guard let ch, len > 0 else { return }
            Self.reader(ctx).pointee.cdata(UnsafeBufferPointer(start: ch, count: Int(len)))
        }
        sax.pointee.comment = { ctx, _ in Self.reader(ctx).pointee.comment() }
        sax.pointee.processingInstruction = { ctx, target, _ in
            Self.reader(ctx).pointee.processingInstruction(target.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) })
        }
    }
}

/// The names and bytes the events are judged by, as libxml2 judges them.
enum HTMLMarkup {
    /// libxml2's default `xmlParserMaxDepth`: the tree builder stops the parser when an
    /// element would open with more than this many open.
    static let maxDepth = 256

    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// The local part of an element's name, as libxml2's `xmlSplitQName` gives it: after the
    /// first colon, unless the name starts with `xml:` or a colon, has none, or ends with it.
    static func localName(_ name: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        if name[0] == UInt8(ascii: ":") { return name }
        if name[0] == UInt8(ascii: "x"), name[1] == UInt8(ascii: "m"), name[2] == UInt8(ascii: "l"), name[3] == UInt8(ascii: ":") {
            return name
        }
        var i = 0
        while name[i] != 0 && name[i] != UInt8(ascii: ":") { i += 1 }
        guard name[i] == UInt8(ascii: ":"), name[i + 1] != 0 else { return name }
        return name + i + 1
    }

    /// Whether the bytes just before `cur` are a character reference (`&#32;`, `&#x20`):
    /// character data stops at every `&`, so only a reference ends that way.
    static func followsCharacterReference(_ cur: UnsafePointer<UInt8>, base: UnsafePointer<UInt8>?) -> Bool {
        guard let base else { return false }
        var p = cur
        func previous() -> UInt8? { p > base ? (p - 1).pointee : nil }
        if previous() == UInt8(ascii: ";") { p -= 1 }
        var digits = 0
        while let c = previous(), (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66) {
            p -= 1
            digits += 1
            if digits > 16 { return false }
        }
        if let c = previous(), c == UInt8(ascii: "x") || c == UInt8(ascii: "X") { p -= 1 }
        guard previous() == UInt8(ascii: "#") else { return false }
        p -= 1
        return previous() == UInt8(ascii: "&")
    }

    /// The elements `areBlanks` keeps blank text after or inside (its `allowPCData`),
    /// compared as it compares them: byte for byte.
    static let allowPCData: Set<String> = [
        "a", "abbr", "acronym", "address", "applet", "b", "bdo", "big",
        "blockquote", "body", "button", "caption", "center", "cite", "code",
        "dd", "del", "dfn", "div", "dt", "em", "font", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "i", "iframe", "ins", "kbd", "label", "legend",
        "li", "noframes", "noscript", "object", "p", "pre", "q", "s", "samp",
        "small", "span", "strike", "strong", "td", "th", "tt", "u", "var",
    ]

    /// `allowPCData`'s names of up to eight bytes, each packed into a word (its first byte
    /// lowest), sorted.
    static let allowPCDataPacked: [UInt64] = allowPCData.compactMap { name in
        name.utf8.count <= 8 ? packed(name.utf8) : nil
    }.sorted()

    static func packed<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var word: UInt64 = 0
        for (k, c) in bytes.enumerated() { word |= UInt64(c) << (8 * UInt64(k)) }
        return word
    }

    /// Whether `allowPCData` holds the name: a name of up to eight bytes looked for packed
    /// into a word (asked of blank text between most tags of a page, a string made of the
    /// name and hashed was some 450 instructions each time); a longer one as a string.
    static func allowsText(_ name: UnsafePointer<UInt8>?) -> Bool {
        guard let name else { return false }
        var word: UInt64 = 0
        var k = 0
        while name[k] != 0 {
            if k == 8 { return allowPCData.contains(String(cString: name)) }
            word |= UInt64(name[k]) << (8 * UInt64(k))
            k += 1
        }
        let table = allowPCDataPacked
        var low = 0, high = table.count
        while low < high {
            let middle = (low + high) / 2
            if table[middle] < word { low = middle + 1 } else { high = middle }
        }
        return low < table.count && table[low] == word
    }

    /// The value of the first attribute named `wanted`, "" for one without a value.
    static func attribute(_ wanted: String, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> String? {
        guard let attributes else { return nil }
        var i = 0
        while let name = attributes[i] {
            if String(cString: UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)) == wanted {
                return attributes[i + 1].map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? ""
            }
            i += 2
        }
        return nil
    }
}
