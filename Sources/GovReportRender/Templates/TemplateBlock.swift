/// A list of a template's nodes compiled for rendering: each node a plain value (literal text
/// as a range of one byte store, a name as its keys and bytes, a section's body as a block of
/// its own reached without counting a reference). Walking the nodes themselves retained and
/// released each node's box, its text and its name's arrays: atomic operations on a template
/// every page shares, which perf put at a tenth of a full build's time.
///
/// Immutable once made; its stores are freed with it. The nodes it was made from are kept for
/// what looks at a body as a whole (record plans, keyed sections), once a page at most.
final class TemplateBlock: @unchecked Sendable {
    // (Unchecked: nothing is written after `init`, and the stores are private to the block.)

    struct Op {
        enum Kind: UInt8 { case text, variable, unescaped, section, inverted, partial, block, blockDefinition }
        let kind: Kind
        /// Text: the start of its bytes; a name: its first part in `parts`; a partial or block:
        /// its place in `partials` or `blocks`.
        let start: Int
        /// Text: its length in bytes; a name: how many parts it has.
        let count: Int
        /// `{{.}}`.
        let isCurrent: Bool
        /// A section's body.
        let body: Unmanaged<TemplateBlock>?
    }

    /// A part of a dotted name: its key (`TemplateName.key`) and its bytes in the store.
    struct Part {
        let key: UInt64
        let start: Int
        let count: Int
    }

    struct Partial {
        let name: String
        let indentation: String?
        let overrides: [String: TemplateBlock]?
    }

    struct Slot {
        let name: String
        let fallback: TemplateBlock
        let indentation: String
    }

    let nodes: [Template.Node]
    let ops: UnsafeMutableBufferPointer<Op>
    let parts: UnsafeMutableBufferPointer<Part>
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let partials: [Partial]
    let blocks: [Slot]
    /// The bodies of sections, kept alive for `ops`, which reach them unretained.
    private let bodies: [TemplateBlock]

    init(_ nodes: [Template.Node]) {
        self.nodes = nodes
        var ops: [Op] = []
        var parts: [Part] = []
        var bytes: [UInt8] = []
        var partials: [Partial] = []
        var blocks: [Slot] = []
        var bodies: [TemplateBlock] = []
        func name(_ path: Template.Path, _ kind: Op.Kind, body: [Template.Node]? = nil) {
            let first = parts.count
            for (text, key) in zip(path.parts, path.keys) {
                let start = bytes.count
                bytes.append(contentsOf: text.utf8)
                parts.append(Part(key: key, start: start, count: bytes.count - start))
            }
            var reference: Unmanaged<TemplateBlock>?
            if let body {
                let block = TemplateBlock(body)
                bodies.append(block)
                reference = Unmanaged.passUnretained(block)
            }
            ops.append(Op(kind: kind, start: first, count: path.count, isCurrent: path.isCurrent, body: reference))
        }
        for node in nodes {
            switch node {
            case .text(let text):
                let start = bytes.count
                bytes.append(contentsOf: text.utf8)
                ops.append(Op(kind: .text, start: start, count: bytes.count - start, isCurrent: false, body: nil))
            case .variable(let path): name(path, .variable)
            case .unescaped(let path): name(path, .unescaped)
            case .section(let path, let body): name(path, .section, body: body)
            case .inverted(let path, let body): name(path, .inverted, body: body)
            case .partial(let name, let indentation, let overrides):
                ops.append(Op(kind: .partial, start: partials.count, count: 0, isCurrent: false, body: nil))
                partials.append(Partial(name: name, indentation: indentation, overrides: overrides?.mapValues(TemplateBlock.init)))
            case .block(let name, let fallback, let indentation):
                ops.append(Op(kind: .block, start: blocks.count, count: 0, isCurrent: false, body: nil))
                blocks.append(Slot(name: name, fallback: TemplateBlock(fallback), indentation: indentation))
            case .blockDefinition:
                ops.append(Op(kind: .blockDefinition, start: 0, count: 0, isCurrent: false, body: nil))
            }
        }
        self.ops = Self.store(ops)
        self.parts = Self.store(parts)
        self.bytes = Self.store(bytes)
        self.partials = partials
        self.blocks = blocks
        self.bodies = bodies
    }

    deinit {
        ops.deallocate()
        parts.deallocate()
        bytes.deallocate()
    }

    private static func store<T>(_ values: [T]) -> UnsafeMutableBufferPointer<T> {
        let store = UnsafeMutableBufferPointer<T>.allocate(capacity: max(values.count, 1))
        _ = store.initialize(from: values)
        return UnsafeMutableBufferPointer(rebasing: store[..<values.count])
    }

    /// The bytes of a text op.
    @inline(__always)
    func text(_ op: Op) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes.baseAddress! + op.start, count: op.count)
    }

    /// The bytes of a name's part.
    @inline(__always)
    func name(_ part: Part) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes.baseAddress! + part.start, count: part.count)
    }

    /// Whether a name's part is `text`.
    func part(_ part: Part, is text: String) -> Bool {
        text.utf8.elementsEqual(name(part))
    }

    /// A key for this block while it lives (record plans are kept by their body).
    var identity: UnsafeRawPointer { UnsafeRawPointer(Unmanaged.passUnretained(self).toOpaque()) }
}
