import GovReportAnalyse

/// A list of a page's view rendered row by row, each row under its key, where a row whose
/// key the previous rendering of the page also had is copied from that rendering instead of
/// made and rendered again: the index of ten thousand reports, after one correction, renders
/// one row and copies the rest.
///
/// The list is the frame's field `name`, met as a section at the top of the page (not inside
/// another section, nor in an indented block or partial). A row's text can depend only on the
/// row and on the frame's fields that its section names without the row naming them; those
/// fields are fingerprinted (`context`) and rows are copied only while it is unchanged.
/// Anything else — the section met twice, a partial or block inside it, the list looked up
/// elsewhere — makes every row and records nothing to copy from.
final class KeyedSection {
    let name: String
    let keys: [UInt64]
    let make: (Int) -> TemplateValue
    /// The previous rendering and where each key's row lay in it, with the context it was
    /// rendered in.
    let previous: (text: [UInt8], context: UInt64, spans: [UInt64: Range<Int>])?

    /// Where each row lies in this rendering, row by row (valid when `usable`), and its context.
    private(set) var spans: [Range<Int>] = []
    private(set) var context: UInt64?
    /// Rows made and rendered, and rows copied.
    private(set) var made = 0
    private(set) var copied = 0
    private var met = 0
    private var unsafe = false

    /// `spans` by row key (what a later rendering's `previous` takes).
    var spansByKey: [UInt64: Range<Int>] { spans(byKey: { $0 }) }

    /// `spans` by row key, each made what the caller keeps (the build cache's spans), in one pass.
    func spans<Span>(byKey transform: (Range<Int>) -> Span) -> [UInt64: Span] {
        var byKey: [UInt64: Span] = [:]
        byKey.reserveCapacity(spans.count)
        for (key, span) in zip(keys, spans) { byKey[key] = transform(span) }
        return byKey
    }
    /// Whether `spans` describe this rendering (the section was met once, as expected).
    var usable: Bool { met == 1 && !unsafe && context != nil }

    init(name: String, keys: [UInt64], make: @escaping (Int) -> TemplateValue,
         previous: (text: [UInt8], context: UInt64, spans: [UInt64: Range<Int>])?) {
        self.name = name
        self.keys = keys
        self.make = make
        self.previous = previous
    }

    /// The value the list stands for anywhere but its own section: every row, made.
    lazy var list: TemplateValue = {
        unsafe = true
        return .list(keys.indices.map { make($0) })
    }()

    /// Renders the section's body once per row into `out`, copying what can be copied.
    func render(_ body: TemplateBlock, frame: TemplateValue, renderer: TemplateRenderer,
                _ context: inout TemplateRenderer.Context, into out: PageBytes) {
        met += 1
        let names = Self.names(in: body.nodes)
        var reusable: [UInt64: Range<Int>] = [:]
        var old: [UInt8]?
        if met == 1, let names, case .object(let object) = frame {
            var f = Fingerprint()
            for name in names.sorted() {
                guard let value = object[name], name != self.name else { continue }
                f.add(name)
                f.add(value.fingerprint)
            }
            self.context = f.value
            if let previous, previous.context == f.value {
                reusable = previous.spans
                old = previous.text
            }
        } else {
            unsafe = true
        }
        // Rows copied from one stretch of the old text are copied in one piece (they mostly
        // follow one another there as here).
        var run: Range<Int>?
        spans.removeAll()
        spans.reserveCapacity(keys.count)
        func flush() {
            guard let r = run, let old else { return }
            out.append(old[r])
            run = nil
        }
        for i in keys.indices {
            if let old, let span = reusable[keys[i]], span.lowerBound >= 0, span.upperBound <= old.count {
                let start = out.count + (run?.count ?? 0)
                if let r = run, r.upperBound == span.lowerBound { run = r.lowerBound..<span.upperBound } else { flush(); run = span }
                spans.append(start..<start + span.count)
                copied += 1
            } else {
                flush()
                let start = out.count
                context.stack.append(make(i))
                renderer.render(body, &context, into: out)
                context.stack.removeLast()
                made += 1
                spans.append(start..<out.count)
            }
        }
        flush()
    }

    /// The names a section's body looks up (first parts of dotted names), nested sections
    /// included; nil when it holds a partial or a block, whose names are not known here.
    static func names(in nodes: [Template.Node]) -> Set<String>? {
        var names = Set<String>()
        for node in nodes {
            switch node {
            case .text: continue
            case .variable(let path), .unescaped(let path):
                if let first = path.first { names.insert(first) }
            case .section(let path, let body), .inverted(let path, let body):
                if let first = path.first { names.insert(first) }
                guard let inner = Self.names(in: body) else { return nil }
                names.formUnion(inner)
            case .partial, .block, .blockDefinition:
                return nil
            }
        }
        return names
    }
}
