import Foundation

/// Reads a web page as libxml2's HTML parser would report it to `HTMLEvents`, without
/// libxml2: its parse was most of the cost of reading a page (some 250 instructions a byte,
/// a tenth of reading a corpus), and the pages reports come in are mostly plain markup.
///
/// It follows `htmlParseDocument` of libxml2 2.9.14 with the options `HTMLEvents` uses
/// (recovery, no blanks) step by step — the same events, in the same order, with the same
/// line and cursor at each — for the markup it knows: elements and attributes, the elements
/// the parser closes or implies itself (`HTMLElementTable`), text in the parser's chunks of
/// 1,000 bytes, script and style content, comments, a plain `<!DOCTYPE html>`, and the common
/// character and entity references. Anything else (a processing instruction, a DOCTYPE with
/// an identifier, an unknown entity, an attribute value with a reference, a control
/// character, a name the parser would cut…) and it gives up: nil, and the page is read by
/// libxml2. Tests compare both readers on every page they have.
struct HTMLDirectReader {
    /// Why the reader gave up (the page goes to libxml2).
    struct Unsupported: Error {}

    /// An element name as the parser holds it: its number in `HTMLElementTable` (-1 for one
    /// it does not list) and its lower-cased text, NUL-terminated.
    struct Name {
        let id: Int
        let text: UnsafePointer<UInt8>

        static func == (a: Name, b: Name) -> Bool {
            if a.id >= 0 || b.id >= 0 { return a.id == b.id }
            return strcmp(a.text, b.text) == 0
        }
    }

    /// The page's lines as `HTMLEvents` makes them from libxml2's events, or nil when the
    /// page holds markup this reader leaves to libxml2.
    static func lines(_ bytes: [UInt8]) -> HTMLText.Page? {
        // The bytes followed by NULs, as the parser's input ends: every look ahead stops there.
        let padded = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 16)
        defer { padded.deallocate() }
        bytes.withUnsafeBufferPointer { padded.update(from: $0.baseAddress!, count: bytes.count) }
        (padded + bytes.count).initialize(repeating: 0, count: 16)
        guard plainCharacters(UnsafeBufferPointer(start: padded, count: bytes.count)) else { return nil }
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State())
        defer { state.deinitialize(count: 1); state.deallocate() }
        var reader = HTMLDirectReader(UnsafePointer(padded), state)
        defer { for name in reader.madeNames { name.deallocate() } }
        do {
            try reader.readDocument()
        } catch {
            return nil
        }
        if state.pointee.stopped { return nil }
        return reader.events.finish()
    }

    /// Whether every character is one the parser keeps as it is: no NUL, no control but tab,
    /// line feed and carriage return, no U+FFFE or U+FFFF (the parser drops those with an
    /// error, or reads a NUL as the end).
    static func plainCharacters(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        // Sixteen bytes at a time while there are eighteen: no control but tab, line feed and
        // carriage return, and no EF whose next two bytes are BF and BE or BF (the EFs of
        // Chinese punctuation looked at with the two bytes after each, a lane over).
        let space = ByteLanes.splat(0x20), tab = ByteLanes.splat(0x09), lineFeed = ByteLanes.splat(0x0A)
        let carriageReturn = ByteLanes.splat(0x0D), ef = ByteLanes.splat(0xEF), bf = ByteLanes.splat(0xBF)
        let be = ByteLanes.splat(0xBE)
        while i + 18 <= n {
            let v = ByteLanes.load(b, at: i)
            if ByteLanes.any((v .< space) .& (v .!= tab) .& (v .!= lineFeed) .& (v .!= carriageReturn)) { return false }
            let leads = v .== ef
            if ByteLanes.any(leads) {
                let next = ByteLanes.load(b, at: i + 1), after = ByteLanes.load(b, at: i + 2)
                if ByteLanes.any(leads .& (next .== bf) .& (after .>= be)) { return false }
            }
            i += 16
        }
        // (The last few bytes one by one.)
        while i < n {
            let c = b[i]
            if c < 0x20 {
                if c != 0x09 && c != 0x0A && c != 0x0D { return false }
            } else if c == 0xEF, i + 2 < n, b[i + 1] == 0xBF, b[i + 2] >= 0xBE {
                return false
            }
            i += 1
        }
        return true
    }

    // MARK: - State

    /// Where the parser stands, as `HTMLEvents` asks it.
    struct State {
        var line = 1
        var hasDTD = false
        var cursor: UnsafePointer<UInt8>?
        var base: UnsafePointer<UInt8>?
        var openName: UnsafePointer<UInt8>?
        var stopped = false
    }

    struct Position: HTMLParserPosition {
        let state: UnsafeMutablePointer<State>
        var line: Int { state.pointee.line }
        var hasDTD: Bool { state.pointee.hasDTD }
        var cursor: UnsafePointer<UInt8>? { state.pointee.cursor }
        var base: UnsafePointer<UInt8>? { state.pointee.base }
        var openName: UnsafePointer<UInt8>? { state.pointee.openName }
        func stop() { state.pointee.stopped = true }
        /// (Its text is the page's, valid and without a NUL (`plainCharacters`), in chunks of
        /// whole scalars, and references' scalars, none of them NUL.)
        static var runsAreValidUTF8: Bool { true }
    }

    private let b: UnsafePointer<UInt8>
    private let tables = Tables.shared
    private var i = 0
    /// The name of the start tag at `at`, read ahead of it, and where the name ends.
    private var ahead: (at: Int, name: Name, end: Int)?
    private let state: UnsafeMutablePointer<State>
    private(set) var events: HTMLEvents<Position>
    /// The parser's open elements (`nameTab`), innermost last.
    private var open: [Name] = []
    /// `ctxt->html`: 3 once a head was opened, 10 once a body was.
    private var seen = 0
    /// `ctxt->depth`: html, head and body start tags left out as misplaced, whose end tags
    /// are left out in turn.
    private var misplaced = 0
    /// `currentNode` and `depth` of `htmlParseContentInternal`.
    private var current: Name?
    private var depth = 0
    /// Names of elements the table does not list, made for this page.
    private(set) var madeNames: [UnsafeMutablePointer<UInt8>] = []

    private init(_ b: UnsafePointer<UInt8>, _ state: UnsafeMutablePointer<State>) {
        self.b = b
        self.state = state
        events = HTMLEvents(Position(state: state))
        open.reserveCapacity(32)
    }

    private var line: Int {
        get { state.pointee.line }
        nonmutating set { state.pointee.line = newValue }
    }

    // MARK: - The document (htmlParseDocument)

    private mutating func readDocument() throws(Unsupported) {
        // A byte order mark is skipped when the input is switched to UTF-8; the input the
        // parser keeps starts after it.
        if b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
        state.pointee.base = b + i
        skipBlanks()
        guard b[i] != 0 else { throw Unsupported() }
        try commentsBeforeContent()
        if b[i] == UInt8(ascii: "<") && b[i + 1] == UInt8(ascii: "!") && isDoctype(at: i + 2) { try doctype() }
        skipBlanks()
        try commentsBeforeContent()
        try content()
    }

    private mutating func commentsBeforeContent() throws(Unsupported) {
        while b[i] == UInt8(ascii: "<") && (b[i + 1] == UInt8(ascii: "?") || isCommentStart) {
            guard isCommentStart else { throw Unsupported() }
            try comment()
            skipBlanks()
        }
    }

    private var isCommentStart: Bool {
        b[i] == UInt8(ascii: "<") && b[i + 1] == UInt8(ascii: "!") && b[i + 2] == UInt8(ascii: "-") && b[i + 3] == UInt8(ascii: "-")
    }

    private func isDoctype(at j: Int) -> Bool {
        var k = 0
        for letter in "DOCTYPE".utf8 {
            guard b[j + k] & 0xDF == letter, b[j + k] >= 0x41 else { return false }
            k += 1
        }
        return true
    }

    /// Only `<!DOCTYPE name>`: an internal subset without identifiers.
    private mutating func doctype() throws(Unsupported) {
        i += 9
        skipBlanks()
        var letters = 0
        while isLetter(b[i]) { i += 1; letters += 1 }
        guard letters > 0 else { throw Unsupported() }
        skipBlanks()
        guard b[i] == UInt8(ascii: ">") else { throw Unsupported() }
        i += 1
        state.pointee.hasDTD = true
    }

    // MARK: - Content (htmlParseContentInternal)

    private mutating func content() throws(Unsupported) {
        current = nil
        depth = 0
        while true {
            if state.pointee.stopped { throw Unsupported() }
            let c = b[i]
            if c == UInt8(ascii: "<") && b[i + 1] == UInt8(ascii: "/") {
                if try endTag() && (current != nil || open.isEmpty) {
                    current = open.last
                    depth = open.count
                }
                continue
            } else if c == UInt8(ascii: "<") && isLetter(b[i + 1]) {
                // The start tag's name looked at ahead: an element it closes is closed first.
                let start = i
                i += 1
                let name = try htmlName()
                ahead = (start, name, i)
                i = start
                if let top = open.last, tables.closes(name, top) {
                    closeOpened(by: name)
                    continue
                }
            }
            // An element closed while the one before was read.
            if !open.isEmpty && depth >= open.count && !Self.same(current, open.last) {
                current = open.last
                depth = open.count
                continue
            }
            if c != 0, let node = current, node.id == tables.script || node.id == tables.style {
                script()
                continue
            }
            // A DOCTYPE in the middle replaces the document's; what follows it is read at once.
            if c == UInt8(ascii: "<") && b[i + 1] == UInt8(ascii: "!") && isDoctype(at: i + 2) { try doctype() }
            let d = b[i]
            if isCommentStart {
                try comment()
            } else if d == UInt8(ascii: "<") && isLetter(b[i + 1]) {
                try element()
                current = open.last
                depth = open.count
            } else if d == UInt8(ascii: "<") && b[i + 1] == UInt8(ascii: "?") {
                // A processing instruction.
                throw Unsupported()
            } else if d == UInt8(ascii: "<") {
                // A '<' that starts no tag is text of its own (not asked about, no paragraph).
                state.pointee.cursor = b + i
                withUnsafeBytes(of: UInt8(ascii: "<")) { events.characters($0.bindMemory(to: UInt8.self)) }
                i += 1
            } else if d == UInt8(ascii: "&") {
                try reference()
            } else if d == 0 {
                while !open.isEmpty { closeTop() }
                return
            } else {
                characterData()
            }
        }
    }

    static func same(_ a: Name?, _ b: Name?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let x?, let y?): x == y
        default: false
        }
    }

    // MARK: - Elements

    /// htmlParseStartTag and htmlParseElementInternal.
    private mutating func element() throws(Unsupported) {
        let name: Name
        if let ahead, ahead.at == i {
            // Read ahead by `content`, which closed what it closes before coming here (and
            // nothing was opened or closed since).
            name = ahead.name
            i = ahead.end
        } else {
            i += 1
            name = try htmlName()
            closeOpened(by: name)
        }
        implyParents(of: name)
        // A misplaced html, head or body start tag is read and left out.
        var discard = false
        if !open.isEmpty && name.id == tables.html { discard = true; misplaced += 1 }
        if open.count != 1 && name.id == tables.head { discard = true; misplaced += 1 }
        if name.id == tables.body {
            for element in open where element.id == tables.body { discard = true; misplaced += 1 }
        }
        skipBlanks()
        var colspan: String??
        while b[i] != 0 && b[i] != UInt8(ascii: ">") && !(b[i] == UInt8(ascii: "/") && b[i + 1] == UInt8(ascii: ">")) {
            let attribute = try attributeName()
            skipBlanks()
            var value: String?
            if b[i] == UInt8(ascii: "=") {
                i += 1
                skipBlanks()
                value = try attributeValue(keep: colspan == nil && attribute)
            }
            if attribute && colspan == nil { colspan = .some(value ?? "") }
            skipBlanks()
        }
        guard b[i] != 0 else { throw Unsupported() }
        // What follows the tag applies to the innermost open element: the new one, or, when
        // the tag was left out, the one it stood in.
        let element: Name
        if discard {
            guard let top = open.last else {
                i += 1
                return
            }
            element = top
        } else {
            push(name)
            let found = colspan ?? nil
            events.startElement(name.text, kind: name.id >= 0 ? tables.kinds[name.id] : nil) { found }
            element = name
        }
        if b[i] == UInt8(ascii: "/") {
            i += 2
            closeTop()
            return
        }
        i += 1
        if element.id >= 0 && tables.elements[element.id].isEmpty { closeTop() }
    }

    /// htmlParseEndTag: true when it closed the element it names.
    private mutating func endTag() throws(Unsupported) -> Bool {
        i += 2
        guard isLetter(b[i]) else { throw Unsupported() }
        // (Most end tags name the innermost open element: its name is looked for in place
        // before the tag's name is read and looked up.)
        let name: Name
        if let top = open.last, let end = Self.spelling(b, top.text, at: i) {
            name = top
            i = end
        } else {
            name = try htmlName()
        }
        skipBlanks()
        guard b[i] == UInt8(ascii: ">") else { throw Unsupported() }
        i += 1
        if misplaced > 0 && (name.id == tables.html || name.id == tables.body || name.id == tables.head) {
            misplaced -= 1
            return false
        }
        // The end of the innermost open element (most end tags): closed, nothing inside it to
        // weigh.
        if let top = open.last, top == name {
            closeTop()
            return true
        }
        // An end tag for no open element is ignored.
        guard open.contains(where: { $0 == name }) else { return false }
        // htmlAutoCloseOnClose: the elements inside it are closed, unless one of them ranks
        // above it.
        let priority = tables.priority(name)
        var k = open.count - 1
        while k >= 0 {
            if open[k] == name { break }
            if tables.priority(open[k]) > priority { return false }
            k -= 1
        }
        while let top = open.last, !(top == name) { closeTop() }
        guard let top = open.last, top == name else { return false }
        closeTop()
        return true
    }

    /// htmlAutoClose: the open elements the new tag closes.
    private mutating func closeOpened(by name: Name) {
        while let top = open.last, tables.closes(name, top) { closeTop() }
    }

    /// htmlCheckImplied: the html, head or body element the tag needs, opened.
    private mutating func implyParents(of name: Name) {
        if name.id == tables.html { return }
        if open.isEmpty { openImplied(tables.html) }
        if name.id == tables.body || name.id == tables.head { return }
        if open.count <= 1 && name.id >= 0 && tables.elements[name.id].inHead {
            if seen >= 3 { return }
            openImplied(tables.head)
        } else if name.id < 0 || !tables.elements[name.id].isFrame {
            if seen >= 10 { return }
            if open.contains(where: { $0.id == tables.body || $0.id == tables.head }) { return }
            openImplied(tables.body)
        }
    }

    /// htmlCheckParagraph: text outside any element, or in html or head, opens a paragraph.
    private mutating func implyParagraph() {
        if let top = open.last, top.id != tables.html && top.id != tables.head { return }
        let p = tables.known(tables.paragraph)
        closeOpened(by: p)
        implyParents(of: p)
        openImplied(tables.paragraph)
    }

    private mutating func openImplied(_ id: Int) {
        let name = tables.known(id)
        push(name)
        events.startElement(name.text, kind: tables.kinds[id]) { nil }
    }

    private mutating func push(_ name: Name) {
        if seen < 3 && name.id == tables.head { seen = 3 }
        if seen < 10 && name.id == tables.body { seen = 10 }
        open.append(name)
        state.pointee.openName = name.text
    }

    /// The end of the innermost open element, reported and popped.
    private mutating func closeTop() {
        events.endElement()
        open.removeLast()
        state.pointee.openName = open.last?.text
    }

    // MARK: - Names and attributes

    /// htmlParseHTMLName: letters, digits, ':', '-', '_', lower-cased. (A '.', which the look
    /// ahead does not take as the start tag does, and a name past the parser's 100 bytes are
    /// left to libxml2.)
    private mutating func htmlName() throws(Unsupported) -> Name {
        let start = i
        var packed: UInt64 = 0
        // (On a local index, the byte's class told by two range tests first: most names are a
        // few letters.)
        var j = start
        while true {
            let c = b[j]
            let byte: UInt8
            if (c | 0x20) &- 0x61 < 26 {
                byte = c | 0x20
            } else if c &- 0x30 < 10 || c == 0x3A || c == 0x2D || c == 0x5F {
                byte = c
            } else if c == 0x2E {
                throw Unsupported()
            } else {
                break
            }
            if j - start < 8 { packed |= UInt64(byte) << (8 * UInt64(j - start)) }
            j += 1
        }
        i = j
        let count = i - start
        guard count > 0, count < 100 else { throw Unsupported() }
        if count <= 8, let id = tables.id(packed: packed) { return tables.known(id) }
        if count > 8, let id = tables.longIDs[String(decoding: UnsafeBufferPointer(start: b + start, count: count), as: UTF8.self).lowercased()] {
            return tables.known(id)
        }
        let text = UnsafeMutablePointer<UInt8>.allocate(capacity: count + 1)
        for k in 0..<count { text[k] = Self.nameByte(b[start + k])! }
        text[count] = 0
        madeNames.append(text)
        return Name(id: -1, text: UnsafePointer(text))
    }

    /// Where the name at `start` ends when `htmlName` would read it as `text` (a name it has
    /// read); nil when it would read another name or give up. (Static: as a method it copied
    /// the reader.)
    private static func spelling(_ b: UnsafePointer<UInt8>, _ text: UnsafePointer<UInt8>, at start: Int) -> Int? {
        var k = 0
        while text[k] != 0 {
            let c = b[start + k]
            guard ((c | 0x20) &- 0x61 < 26 ? c | 0x20 : c) == text[k] else { return nil }
            k += 1
        }
        let next = b[start + k]
        if (next | 0x20) &- 0x61 < 26 || next &- 0x30 < 10 || next == 0x3A || next == 0x2D || next == 0x5F || next == 0x2E { return nil }
        return start + k
    }

    /// A byte of a name as htmlParseHTMLName takes it (letters lower-cased, digits, ':', '-',
    /// '_', '.'); nil for a byte that ends the name.
    @inline(__always)
    static func nameByte(_ c: UInt8) -> UInt8? {
        if c >= 0x41 && c <= 0x5A { return c + 0x20 }
        if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x3A || c == 0x2D || c == 0x5F || c == 0x2E { return c }
        return nil
    }

    /// An attribute's name (htmlParseHTMLName): true when it is `colspan`.
    private mutating func attributeName() throws(Unsupported) -> Bool {
        let start = i
        var matched = true
        let wanted: StaticString = "colspan"
        let length = wanted.utf8CodeUnitCount
        while let c = Self.nameByte(b[i]) {
            let k = i - start
            if k >= length || wanted.utf8Start[k] != c { matched = false }
            i += 1
        }
        let count = i - start
        guard count > 0, count < 100, isLetter(b[start]) || b[start] == 0x5F || b[start] == 0x3A else { throw Unsupported() }
        return matched && count == length
    }

    /// htmlParseAttValue, quoted or not; the value's text when `keep`.
    private mutating func attributeValue(keep: Bool) throws(Unsupported) -> String? {
        let quote = b[i]
        let start: Int
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            i += 1
            start = i
            while b[i] != 0 && b[i] != quote {
                if b[i] == UInt8(ascii: "&") { throw Unsupported() }
                if b[i] == 0x0A { line += 1 }
                i += 1
            }
            guard b[i] == quote else { throw Unsupported() }
            defer { i += 1 }
            return keep ? String(decoding: UnsafeBufferPointer(start: b + start, count: i - start), as: UTF8.self) : nil
        }
        start = i
        while b[i] != 0 && b[i] != UInt8(ascii: ">") && !HTMLMarkup.isBlank(b[i]) {
            if b[i] == UInt8(ascii: "&") { throw Unsupported() }
            i += 1
        }
        return keep ? String(decoding: UnsafeBufferPointer(start: b + start, count: i - start), as: UTF8.self) : nil
    }

    // MARK: - Text

    /// htmlParseCharDataInternal: the text up to the next '<' or '&', in chunks of 1,000
    /// bytes, each reported unless it is blank and the parser deems it ignorable.
    private mutating func characterData() { chunks(script: false, named: nil) }

    /// The text from the cursor in the parser's chunks of 1,000 bytes: character data up to
    /// '<' or '&' (`report`ed), or a script's or style's content up to `</` and the element's
    /// own name (`name`, none when no element is open; handed on as CDATA, htmlParseScript in
    /// recovery). A chunk is handed on before the parser steps past its last character.
    private mutating func chunks(script: Bool, named scriptName: UnsafePointer<UInt8>?) {
        var chunkStart = i
        var count = 0
        while true {
            let c = b[i]
            if c == 0 { break }
            if script {
                if c == UInt8(ascii: "<") && b[i + 1] == UInt8(ascii: "/"), let scriptName,
                   Self.startsCaseInsensitively(b + i + 2, with: scriptName) { break }
            } else if c == UInt8(ascii: "<") || c == UInt8(ascii: "&") {
                break
            }
            let length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
            count += length
            if count >= 1_000 {
                hand(UnsafeBufferPointer(start: b + chunkStart, count: i + length - chunkStart), script: script)
                count = 0
                chunkStart = i + length
            }
            if c == 0x0A { line += 1 }
            i += length
        }
        if count > 0 { hand(UnsafeBufferPointer(start: b + chunkStart, count: i - chunkStart), script: script) }
    }

    private mutating func hand(_ chunk: UnsafeBufferPointer<UInt8>, script: Bool) {
        if script { events.cdata(chunk) } else { report(chunk) }
    }

    /// A chunk of text as the parser hands it on: blank text before a tag directly in html
    /// or head, or outside every element, or at the end, is ignorable (`areBlanks` without a
    /// tree, which has no DTD to ask here); the rest is reported, after any paragraph the
    /// text implies.
    private mutating func report(_ chunk: UnsafeBufferPointer<UInt8>) {
        state.pointee.cursor = b + i
        if chunk.allSatisfy(HTMLMarkup.isBlank) {
            let next = b[i]
            if next == 0 { return }
            if next == UInt8(ascii: "<") {
                guard let top = open.last else { return }
                if top.id == tables.html || top.id == tables.head { return }
            }
        }
        implyParagraph()
        events.characters(chunk)
    }

    /// htmlParseReference: `&#…;`, `&#x…;` and the named references of `entities`.
    private mutating func reference() throws(Unsupported) {
        var value: UInt32 = 0
        if b[i + 1] == UInt8(ascii: "#") {
            let hex = b[i + 2] | 0x20 == UInt8(ascii: "x")
            i += hex ? 3 : 2
            var digits = 0
            while b[i] != UInt8(ascii: ";") {
                let c = b[i]
                let d: UInt32
                if c >= 0x30 && c <= 0x39 { d = UInt32(c - 0x30) } else if hex && c | 0x20 >= 0x61 && c | 0x20 <= 0x66 { d = UInt32(c | 0x20 - 0x61 + 10) } else { throw Unsupported() }
                value = value * (hex ? 16 : 10) + d
                digits += 1
                if value >= 0x110000 { throw Unsupported() }
                i += 1
            }
            guard digits > 0, Self.isCharacter(value) else { throw Unsupported() }
            i += 1
        } else {
            let start = i + 1
            var k = start
            while isLetter(b[k]) || (b[k] >= 0x30 && b[k] <= 0x39) { k += 1 }
            guard k > start, b[k] == UInt8(ascii: ";"),
                  let v = Self.entities[String(decoding: UnsafeBufferPointer(start: b + start, count: k - start), as: UTF8.self)]
            else { throw Unsupported() }
            value = v
            i = k + 1
        }
        var out: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        let count = withUnsafeMutableBytes(of: &out) { bytes -> Int in
            var n = 0
            for unit in UTF8.encode(Unicode.Scalar(value)!)! { bytes[n] = unit; n += 1 }
            return n
        }
        implyParagraph()
        state.pointee.cursor = b + i
        withUnsafeBytes(of: &out) { bytes in
            events.characters(UnsafeBufferPointer(start: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }

    /// IS_CHAR.
    static func isCharacter(_ v: UInt32) -> Bool {
        v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF)
    }

    /// htmlParseScript in recovery: a script's or style's text up to `</` and its own name.
    private mutating func script() { chunks(script: true, named: open.last?.text) }

    /// xmlStrncasecmp(name, text, strlen(name)) == 0.
    static func startsCaseInsensitively(_ text: UnsafePointer<UInt8>, with name: UnsafePointer<UInt8>) -> Bool {
        var k = 0
        while name[k] != 0 {
            let a = name[k], c = text[k]
            let la = a >= 0x41 && a <= 0x5A ? a + 0x20 : a
            let lc = c >= 0x41 && c <= 0x5A ? c + 0x20 : c
            if la != lc { return false }
            k += 1
        }
        return true
    }

    /// htmlParseComment: up to the first `-->` after the two characters that follow `<!--`.
    private mutating func comment() throws(Unsupported) {
        i += 4
        var k = i
        while true {
            guard b[k] != 0 else { throw Unsupported() }
            if b[k] == UInt8(ascii: "-") && b[k + 1] == UInt8(ascii: "-") {
                if b[k + 2] == UInt8(ascii: ">") { break }
                if b[k + 2] == UInt8(ascii: "!") && b[k + 3] == UInt8(ascii: ">") { throw Unsupported() }
            }
            k += 1
        }
        while i < k + 3 {
            if b[i] == 0x0A { line += 1 }
            i += 1
        }
        events.comment()
    }

    private mutating func skipBlanks() {
        while HTMLMarkup.isBlank(b[i]) {
            if b[i] == 0x0A { line += 1 }
            i += 1
        }
    }

    private func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
}
