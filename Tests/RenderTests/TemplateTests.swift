import Foundation
import GovReportCorpus
@testable import GovReportRender
import Mustache
import TestSupport
import Testing

/// The compiled template engine against swift-mustache, the engine the templates were
/// written for: every page of the samples and of a generated corpus (notes included) must
/// come out byte for byte the same. And each hand-written view value must equal the view's
/// reflected form, so a property added to a view cannot silently render empty.
@Suite(.serialized) struct TemplateTests {
    /// The sample reports and 150 generated ones (with notes beside some), as page jobs.
    static let jobs: [SiteBuilder.Job] = {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try! CorpusGenerator(options: .init(count: 150, seed: 5, firstYear: 2019, lastYear: 2024)).write(to: folder)
        for sample in try! FileManager.default.contentsOfDirectory(atPath: Fixtures.samplesFolder.path) {
            try! FileManager.default.copyItem(at: Fixtures.samplesFolder.appendingPathComponent(sample), to: folder.appendingPathComponent(sample))
        }
        try! Data("**注意** 本报告 <b>数字</b> 与[官网](https://example.gov.cn)不一致。\n".utf8)
            .write(to: folder.appendingPathComponent("000_24d319d9b4c5a884.md"))
        let builder = try! SiteBuilder(resources: Fixtures.root)
        let reading = builder.read([folder.path], relativeTo: nil, cache: { nil })
        return try! builder.jobs(reading.reports, notes: reading.notes, digests: reading.digests)
    }()

    static func reference() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in TemplateSet.names {
            let text = try String(contentsOf: Fixtures.root.appendingPathComponent("Templates/\(name).mustache"), encoding: .utf8)
            try library.register(text, named: name)
        }
        return library
    }

    @Test func everyPageEqualsSwiftMustache() throws {
        let library = try Self.reference()
        let pages = Self.jobs.filter { $0.view != nil }
        #expect(pages.count > 150)
        var compared = Set<String>()
        var rowPages = 0
        for job in pages {
            let view = job.view!
            let data: Data
            switch job.body {
            case .page(let make): data = try make()
            case .comparedPage(let made, let render):
                let compared = made()
                data = try render(compared.whole(), nil)
                if let rows = compared.rows {
                    // Row by row, as a build renders the page: every row made, then every row
                    // copied from that rendering: the same bytes.
                    let keyed = KeyedSection(name: rows.name, keys: rows.keys, make: rows.make, previous: nil)
                    let first = try render(compared.frame(), keyed)
                    #expect(first == data && keyed.usable, "\(job.path) rendered row by row differs")
                    let copying = KeyedSection(name: rows.name, keys: rows.keys, make: rows.make,
                                               previous: (Array(first), keyed.context!, keyed.spansByKey))
                    #expect(try render(compared.frame(), copying) == data && copying.copied == rows.keys.count, "\(job.path) copied differs")
                    rowPages += 1
                }
            case .records: continue
            }
            let ours = String(decoding: data, as: UTF8.self)
            let value = TemplateValue(view.make())
            let theirs = try #require(library.render(value.plain as Any, withTemplate: view.template))
            #expect(ours == theirs, "\(job.path) differs from swift-mustache")
            compared.insert(view.template)
        }
        #expect(compared == Set(TemplateSet.names).subtracting(["layout"]))
        // The index, the quality page and a page per year.
        #expect(rowPages == 2 + Set(Self.jobs.map(\.path).filter { $0.hasPrefix("years/") }).count && rowPages > 2)
    }

    @Test func handWrittenValuesListEveryProperty() {
        for job in Self.jobs {
            guard let view = job.view else { continue }
            let model = view.make()
            #expect(TemplateValue(model) == TemplateValue(reflecting: model, deep: true), "\(job.path): a view property is missing from its templateValue")
        }
    }

    @Test func whitespaceAndInheritanceFollowMustache() throws {
        let layout = try Template("<body>\n  {{$main}}default{{/main}}\n</body>\n")
        let page = try Template("{{<layout}}\n{{$main}}\n<ul>\n  {{#items}}\n  <li>{{name}}{{^last}},{{/last}}</li>\n  {{/items}}\n</ul>\n{{/main}}\n{{/layout}}\n")
        let value = TemplateValue.object(TemplateObject(["items": .list([
            .object(TemplateObject(["name": .text("a<b"), "last": .bool(false)])),
            .object(TemplateObject(["name": .text("c"), "last": .bool(true)])),
        ])]))
        let ours = TemplateRenderer(library: ["layout": layout, "page": page]).renderText(page, value)
        var library = MustacheLibrary()
        try library.register("<body>\n  {{$main}}default{{/main}}\n</body>\n", named: "layout")
        try library.register("{{<layout}}\n{{$main}}\n<ul>\n  {{#items}}\n  <li>{{name}}{{^last}},{{/last}}</li>\n  {{/items}}\n</ul>\n{{/main}}\n{{/layout}}\n", named: "page")
        #expect(ours == library.render(value.plain as Any, withTemplate: "page"))
        #expect(ours.contains("<li>a&lt;b,</li>"))
    }

    /// Lists of records written by their plan (`RecordPlan`) as the lookup writes them: records
    /// of other shapes, fields missing or null (found further out), long names, values that
    /// are not text, unescaped fields — against swift-mustache, and against the general way.
    @Test func recordListsWrittenByPlanAsByLookup() throws {
        let source = "{{#rows}}<td class=\"{{cls}}\" title=\"{{{note}}}\">{{text}}|{{description}}</td>\n{{/rows}}"
        let template = try Template(source)
        func record(_ fields: KeyValuePairs<String, TemplateValue>) -> TemplateValue { .object(TemplateObject(fields)) }
        let shared = TemplateName.list(["cls", "note", "text", "description"])
        func cell(_ cls: String, _ note: TemplateValue, _ text: TemplateValue, _ description: String) -> TemplateValue {
            .object(TemplateObject(names: shared, values: [.text(cls), note, text, .text(description)]))
        }
        let rows: [TemplateValue] = [
            cell("num", .text("第 1 行 <b>"), .text("12 & 3"), "long name"),
            cell("num blank", .text(""), .text(""), "二"),
            cell("num", .null, .text("7"), "null note: found outside"),
            record(["text": .text("other shape"), "cls": .text("x"), "note": .text("n"), "description": .text("d")]),
            record(["cls": .text("missing text")]),
            cell("num", .text("n"), .bool(true), "a bool"),
            .text("not a record"),
            cell("num", .text("\"quoted\" 'single'"), .text("<>"), "escapes"),
        ]
        let value = record(["rows": .list(rows), "note": .text("outer note"), "text": .text("outer text")])
        let ours = TemplateRenderer(library: ["t": template]).renderText(template, value)
        var library = MustacheLibrary()
        try library.register(source, named: "t")
        #expect(ours == library.render(value.plain as Any, withTemplate: "t"))
        // The general way (a body the plan does not take: a section inside) writes the same.
        let general = try Template(source.replacingOccurrences(of: "</td>", with: "{{#none}}{{/none}}</td>"))
        #expect(ours == TemplateRenderer(library: ["t": general]).renderText(general, value))
        #expect(ours.contains("title=\"outer note\""))
        // One body for lists of records of other shapes, one after another (the plan a
        // rendering keeps for a body is made again when a list's records do not fit it).
        let nested = "{{#groups}}[{{#rows}}<td class=\"{{cls}}\">{{text}}</td>{{/rows}}]{{/groups}}"
        let reordered = TemplateName.list(["text", "cls"])
        let groups = record(["cls": .text("outer"), "groups": .list([
            record(["rows": .list(Array(rows.prefix(3)))]),
            record(["rows": .list([.object(TemplateObject(names: reordered, values: [.text("t1"), .text("c1")])),
                                   .object(TemplateObject(names: reordered, values: [.text("t2"), .null]))])]),
            record(["rows": .list(Array(rows.prefix(2)))]),
        ])])
        let nestedTemplate = try Template(nested)
        try library.register(nested, named: "nested")
        #expect(TemplateRenderer(library: [:]).renderText(nestedTemplate, groups) == library.render(groups.plain as Any, withTemplate: "nested"))
        #expect(RecordPlan(template.nodes.first.map { node -> [Template.Node] in
            if case .section(_, let body) = node { return body } else { return [] }
        } ?? [], first: rows[0]) != nil)
    }

    @Test func syntaxErrorsNameTheLine() {
        #expect(throws: Template.SyntaxError.self) { try Template("a\nb\n{{#open}}\nc\n") }
        do {
            _ = try Template("line one\n{{/never}}\n")
            Issue.record("a stray close tag compiled")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("never"))
        }
    }

    @Test func templateOverrideWithBadSyntaxIsABuildError() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<h1>{{heading}</h1>\n".utf8).write(to: folder.appendingPathComponent("report.mustache"))
        #expect {
            _ = try SiteBuilder(resources: Fixtures.root, templateOverrides: folder)
        } throws: { error in
            "\(error)".contains("report.mustache:1") && "\(error)".contains("not a valid Mustache template")
        }
    }
}
