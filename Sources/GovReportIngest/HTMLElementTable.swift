/// The elements libxml2's HTML parser (2.9.14, HTMLparser.c) treats apart, with what it does
/// with each: which start tags close which open elements (`htmlStartClose`), which are empty
/// (`html40ElementTable`), and the priority an end tag needs to close past them
/// (`htmlEndPriority`). `HTMLDirectReader` follows these; copied from the C source.
enum HTMLElementTable {
    /// The names, in byte order; an element's number is its place here.
    static let names: [String] = [
        "a", "abbr", "acronym", "address", "area", "b", "base", "basefont", "bdo", "big",
        "blockquote", "body", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd",
        "dfn", "dir", "div", "dl", "dt", "em", "fieldset", "font", "form", "frame", "frameset",
        "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "html", "i", "iframe", "img", "input",
        "isindex", "kbd", "legend", "li", "link", "listing", "map", "menu", "meta", "noframes",
        "noscript", "ol", "optgroup", "option", "p", "param", "pre", "q", "s", "samp", "script",
        "small", "span", "strike", "strong", "style", "sub", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "title", "tr", "tt", "u", "ul", "var", "xmp",
    ]

    /// (old, new): a start tag `new` closes an open `old` (`htmlCheckAutoClose`).
    static let closingPairs: [(String, String)] = [
        ("a", "a"), ("a", "fieldset"), ("a", "table"), ("a", "td"), ("a", "th"), ("address", "dd"),
        ("address", "dl"), ("address", "dt"), ("address", "form"), ("address", "li"),
        ("address", "ul"), ("b", "center"), ("b", "p"), ("b", "td"), ("b", "th"), ("big", "p"),
        ("caption", "col"), ("caption", "colgroup"), ("caption", "tbody"), ("caption", "tfoot"),
        ("caption", "thead"), ("caption", "tr"), ("col", "col"), ("col", "colgroup"),
        ("col", "tbody"), ("col", "tfoot"), ("col", "thead"), ("col", "tr"),
        ("colgroup", "colgroup"), ("colgroup", "tbody"), ("colgroup", "tfoot"),
        ("colgroup", "thead"), ("colgroup", "tr"), ("dd", "dt"), ("dir", "dd"), ("dir", "dl"),
        ("dir", "dt"), ("dir", "form"), ("dir", "ul"), ("dl", "form"), ("dl", "li"), ("dt", "dd"),
        ("dt", "dl"), ("font", "center"), ("font", "td"), ("font", "th"), ("form", "form"),
        ("h1", "fieldset"), ("h1", "form"), ("h1", "li"), ("h1", "p"), ("h1", "table"),
        ("h2", "fieldset"), ("h2", "form"), ("h2", "li"), ("h2", "p"), ("h2", "table"),
        ("h3", "fieldset"), ("h3", "form"), ("h3", "li"), ("h3", "p"), ("h3", "table"),
        ("h4", "fieldset"), ("h4", "form"), ("h4", "li"), ("h4", "p"), ("h4", "table"),
        ("h5", "fieldset"), ("h5", "form"), ("h5", "li"), ("h5", "p"), ("h5", "table"),
        ("h6", "fieldset"), ("h6", "form"), ("h6", "li"), ("h6", "p"), ("h6", "table"),
        ("head", "a"), ("head", "abbr"), ("head", "acronym"), ("head", "address"), ("head", "b"),
        ("head", "bdo"), ("head", "big"), ("head", "blockquote"), ("head", "body"), ("head", "br"),
        ("head", "center"), ("head", "cite"), ("head", "code"), ("head", "dd"), ("head", "dfn"),
        ("head", "dir"), ("head", "div"), ("head", "dl"), ("head", "dt"), ("head", "em"),
        ("head", "fieldset"), ("head", "font"), ("head", "form"), ("head", "frameset"),
        ("head", "h1"), ("head", "h2"), ("head", "h3"), ("head", "h4"), ("head", "h5"),
        ("head", "h6"), ("head", "hr"), ("head", "i"), ("head", "iframe"), ("head", "img"),
        ("head", "kbd"), ("head", "li"), ("head", "listing"), ("head", "map"), ("head", "menu"),
        ("head", "ol"), ("head", "p"), ("head", "pre"), ("head", "q"), ("head", "s"),
        ("head", "samp"), ("head", "small"), ("head", "span"), ("head", "strike"),
        ("head", "strong"), ("head", "sub"), ("head", "sup"), ("head", "table"), ("head", "tt"),
        ("head", "u"), ("head", "ul"), ("head", "var"), ("head", "xmp"), ("hr", "form"),
        ("i", "center"), ("i", "p"), ("i", "td"), ("i", "th"), ("legend", "fieldset"),
        ("li", "li"), ("link", "body"), ("link", "frameset"), ("listing", "dd"), ("listing", "dl"),
        ("listing", "dt"), ("listing", "fieldset"), ("listing", "form"), ("listing", "li"),
        ("listing", "table"), ("listing", "ul"), ("menu", "dd"), ("menu", "dl"), ("menu", "dt"),
        ("menu", "form"), ("menu", "ul"), ("ol", "form"), ("ol", "ul"), ("option", "optgroup"),
        ("option", "option"), ("p", "address"), ("p", "blockquote"), ("p", "body"),
        ("p", "caption"), ("p", "center"), ("p", "col"), ("p", "colgroup"), ("p", "dd"),
        ("p", "dir"), ("p", "div"), ("p", "dl"), ("p", "dt"), ("p", "fieldset"), ("p", "form"),
        ("p", "frameset"), ("p", "h1"), ("p", "h2"), ("p", "h3"), ("p", "h4"), ("p", "h5"),
        ("p", "h6"), ("p", "head"), ("p", "hr"), ("p", "li"), ("p", "listing"), ("p", "menu"),
        ("p", "ol"), ("p", "p"), ("p", "pre"), ("p", "table"), ("p", "tbody"), ("p", "td"),
        ("p", "tfoot"), ("p", "th"), ("p", "title"), ("p", "tr"), ("p", "ul"), ("p", "xmp"),
        ("pre", "dd"), ("pre", "dl"), ("pre", "dt"), ("pre", "fieldset"), ("pre", "form"),
        ("pre", "li"), ("pre", "table"), ("pre", "ul"), ("s", "p"), ("script", "noscript"),
        ("small", "p"), ("span", "td"), ("span", "th"), ("strike", "p"), ("style", "body"),
        ("style", "frameset"), ("tbody", "tbody"), ("tbody", "tfoot"), ("td", "tbody"),
        ("td", "td"), ("td", "tfoot"), ("td", "th"), ("td", "tr"), ("tfoot", "tbody"),
        ("th", "tbody"), ("th", "td"), ("th", "tfoot"), ("th", "th"), ("th", "tr"),
        ("thead", "tbody"), ("thead", "tfoot"), ("title", "body"), ("title", "frameset"),
        ("tr", "tbody"), ("tr", "tfoot"), ("tr", "tr"), ("tt", "p"), ("u", "p"), ("u", "td"),
        ("u", "th"), ("ul", "address"), ("ul", "form"), ("ul", "menu"), ("ul", "ol"),
        ("ul", "pre"), ("xmp", "dd"), ("xmp", "dl"), ("xmp", "dt"), ("xmp", "fieldset"),
        ("xmp", "form"), ("xmp", "li"), ("xmp", "table"), ("xmp", "ul"),
    ]

    static let emptyElements: Set<String> = ["area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex", "link", "meta", "param"]

    /// `htmlEndPriority`; 100 for every other element.
    static let endPriorities: [String: Int] = ["div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180, "table": 190, "head": 200, "body": 200, "html": 220]
}

/// The element table in the forms `HTMLDirectReader` reads it in.
extension HTMLDirectReader {
    /// The element table in the forms read here, made once (one reference per page instead
    /// of a look at a global for every name).
    final class Tables: Sendable {
        static let shared = Tables()

        struct Element {
            let isEmpty: Bool
            let priority: Int
            /// Opens an implied head (`htmlCheckImplied`), or is a frame element.
            let inHead: Bool
            let isFrame: Bool
        }

        let count = HTMLElementTable.names.count
        /// The listed names as C strings, never written after they are made.
        nonisolated(unsafe) let names: [UnsafePointer<UInt8>]
        let elements: [Element]
        /// Each listed element's kind for the text (`HTMLText.kind(cName:)` of its name), so
        /// that a known element is not looked up by its name again.
        let kinds: [HTMLText.Kind]
        /// closing[old × count + new]: a start tag `new` closes an open `old`.
        let closing: [Bool]
        /// Names of up to eight bytes, packed into a word, in an open-addressed table of 256.
        let slotKeys: [UInt64]
        let slotIDs: [Int]
        let longIDs: [String: Int]
        /// The elements the parser opens itself or reads apart.
        let html: Int, head: Int, body: Int, paragraph: Int, script: Int, style: Int

        private init() {
            let all = HTMLElementTable.names
            names = all.map { name in
                let text = UnsafeMutablePointer<UInt8>.allocate(capacity: name.utf8.count + 1)
                for (k, c) in name.utf8.enumerated() { text[k] = c }
                text[name.utf8.count] = 0
                return UnsafePointer(text)
            }
            elements = all.map {
                Element(isEmpty: HTMLElementTable.emptyElements.contains($0), priority: HTMLElementTable.endPriorities[$0] ?? 100,
                        inHead: ["script", "style", "meta", "link", "title", "base"].contains($0),
                        isFrame: ["noframes", "frame", "frameset"].contains($0))
            }
            kinds = names.map { HTMLText.kind(cName: $0) }
            var closing = [Bool](repeating: false, count: all.count * all.count)
            for (old, new) in HTMLElementTable.closingPairs {
                closing[all.firstIndex(of: old)! * all.count + all.firstIndex(of: new)!] = true
            }
            self.closing = closing
            var keys = [UInt64](repeating: 0, count: 256)
            var ids = [Int](repeating: -1, count: 256)
            for (id, name) in all.enumerated() where name.utf8.count <= 8 {
                var packed: UInt64 = 0
                for (k, c) in name.utf8.enumerated() { packed |= UInt64(c) << (8 * UInt64(k)) }
                var slot = Self.slot(packed)
                while keys[slot] != 0 { slot = (slot + 1) & 255 }
                keys[slot] = packed
                ids[slot] = id
            }
            slotKeys = keys
            slotIDs = ids
            func id(_ name: String) -> Int { all.firstIndex(of: name)! }
            (html, head, body, paragraph, script, style) = (id("html"), id("head"), id("body"), id("p"), id("script"), id("style"))
            longIDs = Dictionary(uniqueKeysWithValues: all.enumerated().filter { $0.element.utf8.count > 8 }.map { ($0.element, $0.offset) })
        }

        static func slot(_ packed: UInt64) -> Int { Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> 56) }

        func id(packed: UInt64) -> Int? {
            var slot = Self.slot(packed)
            while true {
                let key = slotKeys[slot]
                if key == packed { return slotIDs[slot] }
                if key == 0 { return nil }
                slot = (slot + 1) & 255
            }
        }

        func known(_ id: Int) -> Name { Name(id: id, text: names[id]) }

        func priority(_ name: Name) -> Int { name.id >= 0 ? elements[name.id].priority : 100 }

        func closes(_ new: Name, _ old: Name) -> Bool {
            guard new.id >= 0, old.id >= 0 else { return false }
            return closing[old.id * count + new.id]
        }
    }

    /// The named references read here, with their characters (HTML 4's values); any other
    /// is left to libxml2.
    static let entities: [String: UInt32] = [
        "amp": 38, "lt": 60, "gt": 62, "quot": 34, "nbsp": 160, "copy": 169, "reg": 174, "middot": 183,
        "times": 215, "divide": 247, "deg": 176, "plusmn": 177, "laquo": 171, "raquo": 187, "yen": 165,
        "ldquo": 8220, "rdquo": 8221, "lsquo": 8216, "rsquo": 8217, "mdash": 8212, "ndash": 8211,
        "hellip": 8230, "bull": 8226, "ensp": 8194, "emsp": 8195, "thinsp": 8201,
    ]
}
