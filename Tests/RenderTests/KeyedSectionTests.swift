import GovReportAnalyse
@testable import GovReportRender
import Testing

/// A page rendered row by row, copying the rows of known keys from its previous rendering,
/// must come out byte for byte as the whole view rendered plainly — whatever changed.
@Suite struct KeyedSectionTests {
    static let layout = try! Template("<html>{{$main}}{{/main}}</html>\n")

    static func row(_ name: String, _ n: Int) -> TemplateValue {
        .object(TemplateObject(["name": .text(name), "n": .text(String(n)), "cells": .list((0..<n % 3).map { .object(TemplateObject(["v": .text("\($0)&")])) })]))
    }

    /// The frame (rows left empty) and the rows, keyed by their content.
    static func view(_ rows: [(String, Int)], title: String = "T") -> (frame: TemplateValue, keys: [UInt64], rows: [TemplateValue]) {
        let values = rows.map { row($0.0, $0.1) }
        let frame = TemplateValue.object(TemplateObject(["title": .text(title), "rows": .list([]), "count": .text(String(rows.count))]))
        return (frame, values.map(\.fingerprint), values)
    }

    static func render(_ page: Template, _ v: (frame: TemplateValue, keys: [UInt64], rows: [TemplateValue]),
                       previous: (text: String, context: UInt64, spans: [UInt64: Range<Int>])?) -> (String, KeyedSection) {
        let keyed = KeyedSection(name: "rows", keys: v.keys, make: { v.rows[$0] }, previous: previous.map { (Array($0.text.utf8), $0.context, $0.spans) })
        return (TemplateRenderer(library: ["layout": layout, "page": page]).renderText(page, v.frame, keyed: keyed), keyed)
    }

    static func plain(_ page: Template, _ v: (frame: TemplateValue, keys: [UInt64], rows: [TemplateValue])) -> String {
        var whole = v.frame
        whole.set("rows", .list(v.rows))
        return TemplateRenderer(library: ["layout": layout, "page": page]).renderText(page, whole)
    }

    @Test func rowsCopiedFromThePreviousRenderingGiveThePlainRendering() throws {
        let page = try Template("{{<layout}}{{$main}}<h1>{{title}}</h1>\n<ul>\n{{#rows}}<li>{{name}} {{n}}{{#cells}}<i>{{v}}</i>{{/cells}}</li>\n{{/rows}}</ul>{{count}}{{/main}}{{/layout}}")
        let first: [(String, Int)] = (0..<40).map { ("机关\($0)", $0) }
        let v1 = Self.view(first)
        let (text1, keyed1) = Self.render(page, v1, previous: nil)
        #expect(text1 == Self.plain(page, v1))
        #expect(keyed1.usable && keyed1.made == 40 && keyed1.copied == 0 && keyed1.spans.count == 40)
        let previous = (text: text1, context: try #require(keyed1.context), spans: keyed1.spansByKey)

        var edits: [(String, [(String, Int)], Int)] = []
        var changed = first; changed[7].1 += 100
        edits.append(("one row changed", changed, 1))
        edits.append(("one removed", Array(first.dropFirst(3).prefix(10)) + Array(first.dropFirst(14)), 0))
        edits.append(("one added", Array(first.prefix(20)) + [("新", 5)] + Array(first.dropFirst(20)), 1))
        edits.append(("reversed", Array(first.reversed()), 0))
        edits.append(("none", [], 0))
        for (what, rows, made) in edits {
            let v = Self.view(rows, title: "T2")
            let (text, keyed) = Self.render(page, v, previous: previous)
            #expect(text == Self.plain(page, v), "\(what)")
            #expect(keyed.made == made && keyed.copied == rows.count - made, "\(what): \(keyed.made) made, \(keyed.copied) copied")
            #expect(keyed.usable)
            // And the spans recorded describe this rendering: copying from it gives it again.
            let (again, _) = Self.render(page, v, previous: (text, keyed.context!, keyed.spansByKey))
            #expect(again == text, "\(what), again")
        }
    }

    @Test func aRowThatReadsTheFrameIsNotCopiedWhenTheFrameChanges() throws {
        // `title` is not a row's field: a row's text depends on the frame's.
        let page = try Template("{{#rows}}<p>{{name}} of {{title}}</p>{{/rows}}")
        let rows: [(String, Int)] = [("a", 1), ("b", 2)]
        let (text1, keyed1) = Self.render(page, Self.view(rows), previous: nil)
        let v2 = Self.view(rows, title: "U")
        let (text2, keyed2) = Self.render(page, v2, previous: (text1, keyed1.context!, keyed1.spansByKey))
        #expect(text2 == Self.plain(page, v2) && text2.contains("of U"))
        #expect(keyed2.copied == 0 && keyed2.made == 2)
        // The frame unchanged: copied.
        let (_, keyed3) = Self.render(page, Self.view(rows), previous: (text1, keyed1.context!, keyed1.spansByKey))
        #expect(keyed3.copied == 2)
    }

    @Test func aListMetElsewhereIsMadeWholeAndNotRecorded() throws {
        let rows: [(String, Int)] = [("a", 1), ("b", 2), ("c", 4)]
        let pages = [
            // Twice; as a condition; inside another section; in an indented partial line.
            try Template("{{#rows}}{{name}},{{/rows}}|{{#rows}}{{n}};{{/rows}}"),
            try Template("{{^rows}}none{{/rows}}{{#rows}}{{name}}{{/rows}}"),
            try Template("{{#count}}{{#rows}}{{name}}{{/rows}}{{/count}}"),
            try Template("{{#rows}}{{>layout}}{{/rows}}"),
        ]
        for page in pages {
            let v = Self.view(rows)
            let (text, keyed) = Self.render(page, v, previous: nil)
            #expect(text == Self.plain(page, v))
            #expect(!keyed.usable)
        }
        let (text, _) = Self.render(pages[1], Self.view([]), previous: nil)
        #expect(text == "none")
    }
}
