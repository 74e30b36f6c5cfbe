/// A Mustache template compiled once into nodes. The site renders thousands of pages from a
/// handful of templates, so the parse happens once and rendering is a walk over the nodes.
///
/// The dialect is Mustache with template inheritance (`{{<parent}}`, `{{$block}}`), partials,
/// comments, and the standalone-line rules, matching swift-mustache byte for byte on the
/// bundled templates (a test renders both and compares). Set-delimiter tags, lambdas and
/// transforms are not supported and are reported as errors.
public struct Template: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case variable(Path)
        case unescaped(Path)
        case section(Path, [Node])
        case inverted(Path, [Node])
        /// `{{>name}}` (overrides nil) or `{{<name}}…{{/name}}` (overrides given).
        case partial(String, indentation: String?, overrides: [String: [Node]]?)
        /// `{{$name}}default{{/name}}` outside a parent: the place a child's block goes.
        case block(String, default: [Node], indentation: String)
        /// `{{$name}}…{{/name}}` directly inside a parent tag.
        case blockDefinition(String, [Node])
    }

    /// Why a template could not be compiled, with the line.
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// A tag's name split at its dots, each part with its lookup key (`TemplateName.key`).
    struct Path: Sendable, Equatable {
        let parts: [String]
        let keys: [UInt64]
        /// `{{.}}`: the current context.
        let isCurrent: Bool

        init(_ parts: [String]) {
            self.parts = parts
            keys = parts.map(TemplateName.key)
            isCurrent = parts.first == "."
        }

        var first: String? { parts.first }
        var count: Int { parts.count }
    }

    let nodes: [Node]
    /// The nodes compiled for rendering.
    let block: TemplateBlock

    public init(_ source: String) throws(SyntaxError) {
        var parser = TemplateParser(source)
        nodes = Self.merged(try parser.parse(TemplateParser.State()))
        block = TemplateBlock(nodes)
    }

    /// Adjacent text nodes joined: fewer appends while rendering.
    static func merged(_ nodes: [Node]) -> [Node] {
        var out: [Node] = []
        for node in nodes {
            switch node {
            case .text(let t):
                if case .text(let previous) = out.last { out[out.count - 1] = .text(previous + t) } else { out.append(node) }
            case .section(let name, let body): out.append(.section(name, merged(body)))
            case .inverted(let name, let body): out.append(.inverted(name, merged(body)))
            case .partial(let name, let indentation, let overrides):
                out.append(.partial(name, indentation: indentation, overrides: overrides?.mapValues(merged)))
            case .block(let name, let body, let indentation): out.append(.block(name, default: merged(body), indentation: indentation))
            case .blockDefinition(let name, let body): out.append(.blockDefinition(name, merged(body)))
            default: out.append(node)
            }
        }
        return out
    }
}

/// The parser behind `Template`: a port of swift-mustache's state machine (so whitespace and
/// standalone lines come out the same), over an array of characters.
struct TemplateParser {
    struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var partialDefinitionIndent: Int?

        func section(_ name: String, newLine: Bool) -> State {
            var s = self
            s.sectionName = name
            s.isPartialDefinitionTopLevel = false
            if !newLine { s.newLine = false }
            return s
        }

        func parent(_ name: String) -> State {
            var s = self
            s.sectionName = name
            s.newLine = true
            s.isPartialDefinition = true
            s.isPartialDefinitionTopLevel = true
            return s
        }
    }

    let chars: [Character]
    var i = 0

    init(_ source: String) { chars = Array(source) }

    var atEnd: Bool { i >= chars.count }
    var current: Character { chars[i] }

    func error(_ message: String) -> Template.SyntaxError {
        Template.SyntaxError(line: 1 + chars[..<min(i, chars.count)].reduce(0) { $0 + ($1.isNewline ? 1 : 0) }, message: message)
    }

    mutating func read(while predicate: (Character) -> Bool) -> String {
        let start = i
        while i < chars.count && predicate(chars[i]) { i += 1 }
        return String(chars[start..<i])
    }

    mutating func readIf(_ s: String) -> Bool {
        let want = Array(s)
        guard i + want.count <= chars.count, Array(chars[i..<i + want.count]) == want else { return false }
        i += want.count
        return true
    }

    static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    /// Text up to a newline (not consumed) or up to and including `{{`; whether a tag opened.
    mutating func readText() -> (String, tag: Bool) {
        var text = ""
        while i < chars.count {
            let c = chars[i]
            if c.isNewline { return (text, false) }
            if c == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                i += 2
                return (text, true)
            }
            text.append(c)
            i += 1
        }
        return (text, false)
    }

    mutating func name() throws(Template.SyntaxError) -> String {
        _ = read { $0.isWhitespace }
        let text = read { Self.nameCharacters.contains($0) }
        _ = read { $0.isWhitespace }
        guard readIf("}}") else {
            if i < chars.count, chars[i] == "(" { throw error("transforms such as name(…) are not supported") }
            throw error("unfinished tag: expected a name and }}")
        }
        guard !text.isEmpty else { throw error("empty tag name") }
        return text
    }

    mutating func partialName() throws(Template.SyntaxError) -> String {
        _ = read { $0.isWhitespace }
        let text = read { Self.partialNameCharacters.contains($0) }
        _ = read { $0.isWhitespace }
        guard readIf("}}"), !text.isEmpty else { throw error("unfinished partial tag: expected a name and }}") }
        return text
    }

    /// The rest of the line is blank: consumes it and its newline.
    mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var j = i
        while j < chars.count && (chars[j] == " " || chars[j] == "\t") { j += 1 }
        if j < chars.count && chars[j].isNewline {
            i = j + 1
            return true
        }
        return false
    }

    mutating func standalone(_ state: State) -> Bool { state.newLine && lineFinished() }

    static func path(_ name: String) -> Template.Path {
        Template.Path(name == "." ? ["."] : name.split(separator: ".").map(String.init))
    }

    mutating func parse(_ initial: State) throws(Template.SyntaxError) -> [Template.Node] {
        var nodes: [Template.Node] = []
        var state = initial
        var space = ""
        while !atEnd {
            if state.newLine {
                let white = read { $0 == " " || $0 == "\t" }
                if state.isPartialDefinition && !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent { space = String(white.dropFirst(indent)) } else { state.partialDefinitionIndent = white.count }
                } else {
                    space = white
                }
            }
            let (text, tag) = readText()
            if !tag && !atEnd {
                nodes.append(.text(space + text + String(current)))
                state.newLine = true
                i += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(space + text))
                space = ""
                state.newLine = false
            }
            if atEnd { break }
            func flushSpace() {
                if !space.isEmpty { nodes.append(.text(space)); space = "" }
            }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                i += 1
                let name = try name()
                if standalone(state) { setNewLine = true } else { flushSpace() }
                let body = try parse(state.section(name, newLine: setNewLine))
                nodes.append(inverted ? .inverted(Self.path(name), body) : .section(Self.path(name), body))
            case "/":
                i += 1
                let name = try name()
                guard name == state.sectionName else {
                    throw error(state.sectionName.map { "{{/\(name)}} closes {{#\($0)}}" } ?? "{{/\(name)}} closes nothing")
                }
                if !standalone(state) { flushSpace() }
                return nodes
            case "!":
                i += 1
                while !atEnd && !(current == "}" && i + 1 < chars.count && chars[i + 1] == "}") { i += 1 }
                guard readIf("}}") else { throw error("unfinished comment") }
                setNewLine = standalone(state)
            case "{", "&":
                let triple = current == "{"
                flushSpace()
                i += 1
                let name = try name()
                if triple { guard readIf("}") else { throw error("{{{ without }}}") } }
                nodes.append(.unescaped(Self.path(name)))
            case ">":
                i += 1
                _ = read { $0.isWhitespace }
                if !atEnd && current == "*" { throw error("dynamic partials are not supported") }
                let name = try partialName()
                let indentation = space
                flushSpace()
                if standalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: indentation, overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
            case "<":
                i += 1
                _ = read { $0.isWhitespace }
                let name = try partialName()
                if name.first == "*" { throw error("dynamic parents are not supported") }
                let indentation = space
                flushSpace()
                if standalone(state) { setNewLine = true }
                let body = try parse(state.parent(name))
                var overrides: [String: [Template.Node]] = [:]
                for node in body {
                    switch node {
                    case .blockDefinition(let block, let content): overrides[block] = content
                    case .text: break
                    default: throw error("only {{$block}} definitions may stand inside {{<\(name)}}")
                    }
                }
                nodes.append(.partial(name, indentation: indentation, overrides: overrides))
            case "$":
                i += 1
                let name = try name()
                if state.isPartialDefinitionTopLevel {
                    if standalone(state) { setNewLine = true }
                    nodes.append(.blockDefinition(name, try parse(state.section(name, newLine: setNewLine))))
                } else {
                    let indentation = space
                    flushSpace()
                    if standalone(state) { setNewLine = true }
                    let body = try parse(state.section(name, newLine: setNewLine))
                    nodes.append(.block(name, default: body, indentation: indentation))
                }
            case "=":
                throw error("set-delimiter tags are not supported")
            case "%":
                throw error("configuration tags are not supported")
            default:
                flushSpace()
                nodes.append(.variable(Self.path(try name())))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName { throw error("{{#\(open)}} is never closed") }
        return nodes
    }
}
