/// Renders compiled templates against a `TemplateValue`, with the lookup rules of Mustache:
/// a name is looked up from the innermost context outwards; a dotted name's first part
/// climbs, the rest does not; missing and null values render nothing.
struct TemplateRenderer {
    let library: [String: Template]

    struct Context {
        var stack: [TemplateValue]
        var overrides: [String: [Template.Node]]?
        var indentation: String?
    }

    func render(_ template: Template, _ value: TemplateValue) -> String {
        var out = ""
        out.reserveCapacity(16_384)
        var context = Context(stack: [value], overrides: nil, indentation: nil)
        render(template.nodes, &context, into: &out)
        return out
    }

    func render(_ nodes: [Template.Node], _ context: inout Context, into out: inout String) {
        if let indentation = context.indentation, !indentation.isEmpty {
            // Inside an indented standalone partial or block: a tag's output that starts a line
            // of this node list is indented (as swift-mustache does it: per list, by tag).
            var local = ""
            for node in nodes {
                var piece = ""
                render(node, &context, into: &piece)
                if !piece.isEmpty, local.utf8.last == 10 { local += indentation }
                local += piece
            }
            out += local
        } else {
            for node in nodes { render(node, &context, into: &out) }
        }
    }

    func render(_ node: Template.Node, _ context: inout Context, into out: inout String) {
        switch node {
        case .text(let text):
            out += text
        case .variable(let path):
            if let value = lookup(path, context.stack) { Self.write(value, escaped: true, into: &out) }
        case .unescaped(let path):
            if let value = lookup(path, context.stack) { Self.write(value, escaped: false, into: &out) }
        case .section(let path, let body):
            guard let value = lookup(path, context.stack) else { return }
            switch value {
            case .null: return
            case .bool(let b): if b { render(body, &context, into: &out) }
            case .list(let items):
                for item in items {
                    context.stack.append(item)
                    render(body, &context, into: &out)
                    context.stack.removeLast()
                }
            case .text, .object:
                context.stack.append(value)
                render(body, &context, into: &out)
                context.stack.removeLast()
            }
        case .inverted(let path, let body):
            if lookup(path, context.stack)?.isFalsey ?? true { render(body, &context, into: &out) }
        case .partial(let name, let indentation, let overrides):
            guard let template = library[name] else { return }
            var inner = context
            if let indentation { inner.indentation = (context.indentation ?? "") + indentation }
            if let overrides {
                // The outermost definition of a block wins, as in swift-mustache.
                inner.overrides = context.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(template.nodes, &inner, into: &out)
        case .block(let name, let fallback, let indentation):
            var inner = context
            inner.indentation = (context.indentation ?? "") + indentation
            render(context.overrides?[name] ?? fallback, &inner, into: &out)
        case .blockDefinition:
            return
        }
    }

    func lookup(_ path: [String], _ stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.first else { return nil }
        if first == "." { return stack.last }
        var found: TemplateValue?
        for value in stack.reversed() {
            if case .object(let object) = value, let child = object[first] {
                found = child
                break
            }
        }
        for name in path.dropFirst() {
            guard case .object(let object)? = found else { return nil }
            found = object[name]
        }
        return found
    }

    static func write(_ value: TemplateValue, escaped: Bool, into out: inout String) {
        switch value {
        case .null: return
        case .bool(let b): out += b ? "true" : "false"
        case .text(let text): if escaped { HTML.append(text, to: &out) } else { out += text }
        case .list, .object: return
        }
    }
}
