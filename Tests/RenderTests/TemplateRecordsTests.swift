@testable import GovReportRender
import Mustache
import Testing

/// A table's cells kept as the views (`TemplateValue.records`) say what the list of their
/// objects says: rendered by the plan, by lookup and by swift-mustache, fingerprinted and
/// compared alike.
@Suite struct TemplateRecordsTests {
    /// Cells of every shape a page makes: a note and a key or not, text to escape, empty text.
    static let cells: [CellView] = (0..<40).map { i in
        CellView(text: i % 7 == 3 ? "" : i % 5 == 0 ? "<\(i)> & \"q\"" : String(i * 37),
                 cls: i % 3 == 0 ? "num" : "num inferred",
                 note: i % 4 == 1 ? nil : "第 \(i) 行",
                 key: i % 6 == 5 ? nil : "applications.k\(i)")
    }

    static func frame(_ cells: TemplateValue) -> TemplateValue {
        .object(TemplateObject([
            "rows": .list([.object(TemplateObject(["id": .text("r1"), "cells": cells])),
                           .object(TemplateObject(["id": .text("r2"), "cells": .list([])]))]),
            "cells": cells,
            // Found by the cells' null fields, as lookups climb.
            "note": .text("outer note"), "key": .text("outer.key"),
        ]))
    }

    @Test(arguments: [
        // The report page's cell (the plan's body), met twice in one rendering.
        "{{#rows}}<tr id=\"{{id}}\">{{#cells}}<td class=\"{{cls}}\" data-key=\"{{key}}\" title=\"{{note}}\">{{text}}</td>{{/cells}}</tr>\n{{/rows}}{{#cells}}[{{text}}|{{{note}}}]{{/cells}}",
        // A body the plan does not take (a section inside): every record looked up.
        "{{#cells}}<td{{#key}} data-key=\"{{key}}\"{{/key}}>{{text}}</td>{{/cells}}",
        // The list inverted, a record's field as a section, cells within rows.
        "{{^cells}}none{{/cells}}{{#cells}}{{#note}}({{note}}){{/note}}{{^key}}-{{/key}}{{/cells}}|{{#rows}}{{#cells}}{{cls}};{{/cells}}{{/rows}}",
    ])
    func recordsRenderAsTheirObjects(_ source: String) throws {
        let template = try Template(source)
        let records = TemplateValue.from(Self.cells)
        guard case .records = records else {
            Issue.record("cells were not kept as records: \(records)")
            return
        }
        let objects = TemplateValue.list(Self.cells.map(\.templateValue))
        let renderer = TemplateRenderer(library: [:])
        let ours = renderer.renderText(template, Self.frame(records))
        #expect(ours == renderer.renderText(template, Self.frame(objects)))
        var library = MustacheLibrary()
        try library.register(source, named: "t")
        #expect(ours == library.render(Self.frame(objects).plain as Any, withTemplate: "t"))
        // Null fields climbed past: the plan's partial output for such a cell was cut back.
        if source.contains("title=") {
            #expect(ours.contains("title=\"outer note\">\(Self.cells[1].text)</td>"))
            #expect(ours.contains("data-key=\"outer.key\""))
            #expect(!ours.contains("data-key=\"applications.k1\" title=\"<td"))
        }
    }

    @Test func recordsAreTheListOfTheirObjects() {
        let records = TemplateValue.from(Self.cells)
        let objects = TemplateValue.list(Self.cells.map(\.templateValue))
        #expect(records == objects)
        #expect(objects == records)
        #expect(records.fingerprint == objects.fingerprint)
        #expect(Self.frame(records).fingerprint == Self.frame(objects).fingerprint)
        var changed = Self.cells
        changed[17] = CellView(text: "x", cls: changed[17].cls, note: changed[17].note, key: changed[17].key)
        #expect(TemplateValue.from(changed) != records)
        #expect(TemplateValue.from(changed).fingerprint != records.fingerprint)
        #expect(TemplateValue.from([CellView]()) == .list([]))
        #expect(TemplateValue.from([CellView]()).isFalsey && !records.isFalsey)
        guard case .records(let list) = records else {
            Issue.record("cells were not kept as records")
            return
        }
        #expect(TemplateValue.record(list, 2).field("note", key: TemplateName.key("note")) == .text("第 2 行"))
        #expect(TemplateValue.record(list, 1).field("note", key: TemplateName.key("note")) == nil)
        #expect(TemplateValue.record(list, 3).field("missing", key: TemplateName.key("missing")) == nil)
    }
}
