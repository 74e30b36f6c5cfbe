/// Renders compiled templates against a `TemplateValue`, with the lookup rules of Mustache:
/// a name is looked up from the innermost context outwards; a dotted name's first part
/// climbs, the rest does not; missing and null values render nothing.
///
/// It walks a template's blocks (`TemplateBlock`), whose nodes are plain values: nothing of
/// the template, which every page shares, is retained or released on the way.
struct TemplateRenderer {
    let library: [String: Template]

    struct Context {
        var stack: [TemplateValue]
        var overrides: [String: TemplateBlock]?
        var indentation: String?
        /// The list of the page rendered row by row, if any (see `KeyedSection`).
        var keyed: KeyedSection? = nil
        /// The plans of the record lists met in this rendering, by their section's body (a
        /// table's cells are a list per row: a plan made for each was a visible part of it).
        /// (A short list searched by pointer: a page has a few such bodies, and hashing the
        /// pointer for each list cost more than the search.)
        var plans = RecordPlan.Kept()
    }

    /// The page as UTF-8 bytes, the form it is written in (appending to a String cost several
    /// times as much as appending bytes, a visible part of a build).
    /// - Parameter keyed: a list of `value` (an object) to render row by row.
    func render(_ template: Template, _ value: TemplateValue, keyed: KeyedSection? = nil) -> PageBytes {
        let out = PageBytes()
        var context = Context(stack: [value], overrides: nil, indentation: nil, keyed: keyed)
        render(template.block, &context, into: out)
        return out
    }

    /// The page as text (tests compare it with other engines').
    func renderText(_ template: Template, _ value: TemplateValue, keyed: KeyedSection? = nil) -> String {
        String(decoding: render(template, value, keyed: keyed).bytes, as: UTF8.self)
    }

    func render(_ block: TemplateBlock, _ context: inout Context, into out: PageBytes) {
        if let indentation = context.indentation, !indentation.isEmpty {
            // Inside an indented standalone partial or block: a tag's output that starts a line
            // of this node list is indented (as swift-mustache does it: per list, by tag).
            let local = PageBytes(capacity: 1024)
            for op in block.ops {
                let piece = PageBytes(capacity: 256)
                render(op, of: block, &context, into: piece)
                if !piece.isEmpty, local.last == 10 { local.append(indentation) }
                local.append(piece)
            }
            out.append(local)
        } else {
            for op in block.ops { render(op, of: block, &context, into: out) }
        }
    }

    /// A section's body, reached unretained (its block keeps it).
    @inline(__always)
    func render(body: Unmanaged<TemplateBlock>, _ context: inout Context, into out: PageBytes) {
        body._withUnsafeGuaranteedRef { render($0, &context, into: out) }
    }

    func render(_ op: TemplateBlock.Op, of block: TemplateBlock, _ context: inout Context, into out: PageBytes) {
        switch op.kind {
        case .text:
            out.append(block.text(op))
        case .variable:
            if let value = lookup(op, of: block, context.stack, context.keyed) { Self.write(value, escaped: true, into: out) }
        case .unescaped:
            if let value = lookup(op, of: block, context.stack, context.keyed) { Self.write(value, escaped: false, into: out) }
        case .section:
            let body = op.body!
            if let keyed = context.keyed, context.stack.count == 1, op.count == 1, !op.isCurrent,
               block.part(block.parts[op.start], is: keyed.name), context.indentation?.isEmpty ?? true {
                return body._withUnsafeGuaranteedRef { keyed.render($0, frame: context.stack[0], renderer: self, &context, into: out) }
            }
            guard let value = lookup(op, of: block, context.stack, context.keyed) else { return }
            switch value {
            case .null: return
            case .bool(let b): if b { render(body: body, &context, into: out) }
            case .list(let items):
                body._withUnsafeGuaranteedRef { renderItems(items, $0, &context, into: out) }
            case .records(let records):
                body._withUnsafeGuaranteedRef { renderRecords(records, $0, &context, into: out) }
            case .text, .object, .record:
                context.stack.append(value)
                render(body: body, &context, into: out)
                context.stack.removeLast()
            }
        case .inverted:
            if lookup(op, of: block, context.stack, context.keyed)?.isFalsey ?? true { render(body: op.body!, &context, into: out) }
        case .partial:
            let partial = block.partials[op.start]
            guard let template = library[partial.name] else { return }
            var inner = context
            if let indentation = partial.indentation { inner.indentation = (context.indentation ?? "") + indentation }
            if let overrides = partial.overrides {
                // The outermost definition of a block wins, as in swift-mustache.
                inner.overrides = context.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(template.block, &inner, into: out)
        case .block:
            let slot = block.blocks[op.start]
            var inner = context
            inner.indentation = (context.indentation ?? "") + slot.indentation
            render(context.overrides?[slot.name] ?? slot.fallback, &inner, into: out)
        case .blockDefinition:
            return
        }
    }

    /// A section's body once for each item of a list. A list of records whose body names only
    /// their own fields (a table's cells) is written field by field from each record; any
    /// record the plan does not fit is rendered the general way.
    func renderItems<Items: RandomAccessCollection>(_ items: Items, _ body: TemplateBlock, _ context: inout Context,
                                                    into out: PageBytes) where Items.Element == TemplateValue {
        if context.indentation?.isEmpty ?? true, !items.isEmpty, let first = plan(body, &context) {
            var plan = first
            var remade = false
            for item in items {
                if let plan, plan.write(item, into: out) { continue }
                renderUnplanned(item, body, &plan, &remade, &context, into: out)
            }
            return
        }
        for item in items {
            context.stack.append(item)
            render(body, &context, into: out)
            context.stack.removeLast()
        }
    }

    /// `renderItems` for a records list: each record written by the plan from its list and
    /// row, made a value (which holds the list) only when the plan does not fit it.
    func renderRecords(_ records: TemplateRecords, _ body: TemplateBlock, _ context: inout Context, into out: PageBytes) {
        guard context.indentation?.isEmpty ?? true, records.count > 0, let first = plan(body, &context) else {
            return renderItems(RecordList(records: records), body, &context, into: out)
        }
        var plan = first
        var remade = false
        for row in 0..<records.count {
            if let plan, plan.write(records, row, into: out) { continue }
            renderUnplanned(.record(records, row), body, &plan, &remade, &context, into: out)
        }
    }

    /// A list's item its plan does not fit (or that has none yet): a plan made from it, once a
    /// list, and the item written by it if it fits, else rendered the general way.
    func renderUnplanned(_ item: TemplateValue, _ body: TemplateBlock, _ plan: inout RecordPlan?, _ remade: inout Bool,
                         _ context: inout Context, into out: PageBytes) {
        if !remade {
            remade = true
            if let made = RecordPlan(body.nodes, first: item) {
                plan = made
                context.plans[body.identity] = .plan(made)
                if made.write(item, into: out) { return }
            }
        }
        context.stack.append(item)
        render(body, &context, into: out)
        context.stack.removeLast()
    }

    /// The plan kept for a section's body: nil when the body cannot have one, `.some(nil)`
    /// when it can but none is made yet.
    func plan(_ body: TemplateBlock, _ context: inout Context) -> RecordPlan?? {
        switch context.plans[body.identity] {
        case .unplannable: return nil
        case .plan(let known): return .some(known)
        case nil:
            guard RecordPlan.isPlannable(body.nodes) else {
                context.plans[body.identity] = .unplannable
                return nil
            }
            return .some(nil)
        }
    }

    /// The value a name op names. With `keyed`, the page's keyed list found anywhere but its
    /// own section is every row.
    func lookup(_ op: TemplateBlock.Op, of block: TemplateBlock, _ stack: [TemplateValue], _ keyed: KeyedSection? = nil) -> TemplateValue? {
        guard op.count > 0 else { return nil }
        if op.isCurrent { return stack.last }
        let first = block.parts[op.start]
        let firstName = block.name(first)
        var found: TemplateValue?
        var i = stack.count
        while i > 0 {
            i -= 1
            if let child = TemplateValue.field(of: stack[i], key: first.key, name: firstName) {
                if i == 0, let keyed, block.part(first, is: keyed.name) { found = keyed.list } else { found = child }
                break
            }
        }
        var j = 1
        while j < op.count {
            guard let value = found else { return nil }
            let part = block.parts[op.start + j]
            found = value.field(key: part.key, name: block.name(part))
            j += 1
        }
        return found
    }

    static func write(_ value: TemplateValue, escaped: Bool, into out: PageBytes) {
        switch value {
        case .null: return
        case .bool(let b): out.append(b ? "true" : "false")
        case .text(let text): if escaped { HTML.append(text, to: out) } else { out.append(text) }
        case .list, .object, .records, .record: return
        }
    }
}

/// A records list as the collection of its records.
struct RecordList: RandomAccessCollection {
    let records: TemplateRecords
    var startIndex: Int { 0 }
    var endIndex: Int { records.count }
    subscript(row: Int) -> TemplateValue { .record(records, row) }
}

/// How a section's body is written for each record of a list when the body is text and tags
/// that name fields of the record itself (`<td class="{{cls}}">{{text}}</td>`): each tag's
/// field found once, in the first record, and read by its place in the others — the general
/// way pushes every record on the context stack and looks every name up, a page's two
/// hundred table cells some three thousand instructions each.
///
/// A record is written this way only when every field the plan reads is at its place under
/// its name and not null; then each tag's value is that field's, as the lookup would find it
/// (a name is looked for in the innermost context first). Any other record is left to the
/// general way (`write` returns false, nothing written).
struct RecordPlan {
    /// A step: the literal bytes `start..<end` of `literal` (`field` < 0), or a field of the
    /// record by its place, with its name's key. Plain values, so that writing a record does
    /// not retain and release a step's array or name (atomic operations, which were a tenth
    /// of a build's time in rendering alone).
    struct Step {
        let start: Int
        let end: Int
        let field: Int
        let key: UInt64
        let escaped: Bool
    }

    /// A section body's plan as a rendering keeps it.
    enum Cached {
        case plan(RecordPlan)
        /// The body holds more than text and single names.
        case unplannable
    }

    /// The plans a rendering keeps, by their section body's storage.
    struct Kept {
        private var bodies: [UnsafeRawPointer] = []
        private var plans: [Cached] = []

        subscript(body: UnsafeRawPointer) -> Cached? {
            get {
                for i in bodies.indices where bodies[i] == body { return plans[i] }
                return nil
            }
            set {
                guard let newValue else { return }
                if let i = bodies.firstIndex(of: body) { plans[i] = newValue } else { bodies.append(body); plans.append(newValue) }
            }
        }
    }

    /// Whether the body is only text and single names (what a plan can write).
    static func isPlannable(_ body: [Template.Node]) -> Bool {
        body.allSatisfy { node in
            switch node {
            case .text: true
            case .variable(let path), .unescaped(let path): path.count == 1 && !path.isCurrent
            default: false
            }
        }
    }

    let steps: [Step]
    /// The text steps' bytes, one after another.
    let literal: [UInt8]
    /// The names of the fields, by step (read only to tell apart two long names of one key).
    let names: [String?]

    /// Nil unless the body is only text and single names, each a field of the first record.
    init?(_ body: [Template.Node], first: TemplateValue?) {
        let index: (String, UInt64) -> Int?
        switch first {
        case .object(let object)?: index = object.index(of:key:)
        case .record(let records, _)?: index = records.index(of:key:)
        default: return nil
        }
        var steps: [Step] = []
        var literal: [UInt8] = []
        var names: [String?] = []
        steps.reserveCapacity(body.count)
        for node in body {
            switch node {
            case .text(let text):
                let start = literal.count
                literal.append(contentsOf: text.utf8)
                steps.append(Step(start: start, end: literal.count, field: -1, key: 0, escaped: false))
                names.append(nil)
            case .variable(let path), .unescaped(let path):
                guard path.count == 1, !path.isCurrent, let i = index(path.parts[0], path.keys[0]) else { return nil }
                var escaped = true
                if case .unescaped = node { escaped = false }
                steps.append(Step(start: 0, end: 0, field: i, key: path.keys[0], escaped: escaped))
                names.append(path.parts[0])
            default:
                return nil
            }
        }
        self.steps = steps
        self.literal = literal
        self.names = names
    }

    /// Writes the body for `item`; false, and nothing written, when the plan does not fit it.
    func write(_ item: TemplateValue, into out: PageBytes) -> Bool {
        switch item {
        case .object(let object):
            for (k, step) in steps.enumerated() where step.field >= 0 {
                guard step.field < object.names.count, matches(object.names[step.field], k) else { return false }
                if case .null = object.values[step.field] { return false }
            }
            literal.withUnsafeBufferPointer { literal in
                for step in steps {
                    if step.field < 0 {
                        out.append(UnsafeBufferPointer(rebasing: literal[step.start..<step.end]))
                    } else {
                        TemplateRenderer.write(object.values[step.field], escaped: step.escaped, into: out)
                    }
                }
            }
            return true
        case .record(let records, let row):
            return write(records, row, into: out)
        default:
            return false
        }
    }

    /// `write` for row `row` of `records`.
    func write(_ records: TemplateRecords, _ row: Int, into out: PageBytes) -> Bool {
        // Each field made once, as it is written; the page cut back when one is null.
        for (k, step) in steps.enumerated() where step.field >= 0 {
            guard step.field < records.names.count, matches(records.names[step.field], k) else { return false }
        }
        let start = out.count
        return literal.withUnsafeBufferPointer { literal in
            for step in steps {
                if step.field < 0 {
                    out.append(UnsafeBufferPointer(rebasing: literal[step.start..<step.end]))
                    continue
                }
                guard records.write(row, step.field, escaped: step.escaped, into: out) else {
                    out.truncate(to: start)
                    return false
                }
            }
            return true
        }
    }

    /// Whether a record's field is step `k`'s name. A key of eight bytes or fewer is the
    /// name's own bytes; a longer one a hash, told apart by the text.
    @inline(__always)
    func matches(_ field: TemplateName, _ k: Int) -> Bool {
        field.key == steps[k].key && (steps[k].key & (1 << 63) == 0 || field.text == names[k])
    }
}
