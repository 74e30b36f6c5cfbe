import GovReportIngest
// Template values for every page and the views they hold by the hundred (cells, rows,
// issues), written out so that a page becomes a value without reflection.
// Each lists exactly the stored properties: a test compares every one with its reflected
// form, so a property added to a view and forgotten here fails the tests.

extension CellView: TemplateRecord {
    static let templateNames = TemplateName.list(["text", "cls", "note", "key"])
    static func records(_ views: [CellView]) -> TemplateRecords { Records(views) }

    final class Records: ViewRecords<CellView>, @unchecked Sendable {
        init(_ views: [CellView]) { super.init(views, names: CellView.templateNames) }

        // (Each field read from the view in place: through a method of the view, the whole view
        // was copied, its texts retained and released, for every field read.)
        override func value(_ row: Int, _ field: Int) -> TemplateValue {
            switch field {
            case 0: .text(views[row].text)
            case 1: .text(views[row].cls)
            case 2: .from(views[row].note)
            default: .from(views[row].key)
            }
        }

        override func write(_ row: Int, _ field: Int, escaped: Bool, into out: PageBytes) -> Bool {
            func text(_ text: String) {
                if escaped { HTML.append(text, to: out) } else { out.append(text) }
            }
            switch field {
            case 0: text(views[row].text)
            case 1: text(views[row].cls)
            case 2:
                guard let note = views[row].note else { return false }
                text(note)
            default:
                guard let key = views[row].key else { return false }
                text(key)
            }
            return true
        }
    }
}

extension HeaderCellView: TemplateRecord {
    static let templateNames = TemplateName.list(["text", "rowspan", "colspan"])
    static func records(_ views: [HeaderCellView]) -> TemplateRecords { Records(views) }

    final class Records: ViewRecords<HeaderCellView>, @unchecked Sendable {
        init(_ views: [HeaderCellView]) { super.init(views, names: HeaderCellView.templateNames) }

        override func value(_ row: Int, _ field: Int) -> TemplateValue {
            switch field {
            case 0: .text(views[row].text)
            case 1: .from(views[row].rowspan)
            default: .from(views[row].colspan)
            }
        }
    }
}

extension RowView: TemplateRecord {
    static let templateNames = TemplateName.list(["id", "headers", "cells", "cls"])
    static func records(_ views: [RowView]) -> TemplateRecords { Records(views) }

    final class Records: ViewRecords<RowView>, @unchecked Sendable {
        init(_ views: [RowView]) { super.init(views, names: RowView.templateNames) }

        override func value(_ row: Int, _ field: Int) -> TemplateValue {
            switch field {
            case 0: .text(views[row].id)
            case 1: .from(views[row].headers)
            case 2: .from(views[row].cells)
            default: .text(views[row].cls)
            }
        }
    }
}

extension IssueView: TemplateRepresentable {
    static let templateNames = TemplateName.list(["kind", "at", "text", "anchor"])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [.text(kind), .text(at), .text(text), .text(anchor)]))
    }
}

extension LinkView: TemplateRepresentable {
    static let templateNames = TemplateName.list(["label", "href", "current"])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [.text(label), .text(href), .bool(current)]))
    }
}

extension PageChrome.Crumb: TemplateRepresentable {
    static let templateNames = TemplateName.list(["label", "href", "current"])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [.text(label), .from(href), .bool(current)]))
    }
}

extension PageChrome: TemplateRepresentable {
    static let templateNames = TemplateName.list([
        "root", "title", "siteTitle", "crumbs", "stylesheet", "generator", "language", "subtitle", "inlineStyle",
        "contentSecurityPolicy",
    ])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            .text(root), .text(title), .text(siteTitle), .from(crumbs), .text(stylesheet), .text(generator),
            .text(language), .from(subtitle), .from(inlineStyle), .text(contentSecurityPolicy),
        ]))
    }
}

extension ReportTables.ProactiveTable: TemplateRepresentable {
    static let templateNames = TemplateName.list(["article", "columns", "rows"])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [.text(article), .from(columns), .from(rows)]))
    }
}

extension ReportTables.ApplicationsTable: TemplateRepresentable {
    static let templateNames = TemplateName.list(["rows"])
    var templateValue: TemplateValue { .object(TemplateObject(names: Self.templateNames, values: [.from(rows)])) }
}

extension ReportTables.ReviewTable: TemplateRepresentable {
    static let templateNames = TemplateName.list(["cells"])
    var templateValue: TemplateValue { .object(TemplateObject(names: Self.templateNames, values: [.from(cells)])) }
}

extension ReportPage.MetaItem: TemplateRepresentable {
    static let templateNames = TemplateName.list(["label", "value", "note"])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [.text(label), .text(value), .from(note)]))
    }
}

extension ReportPage: TemplateRepresentable {
    static let templateNames = TemplateName.list([
        "page", "heading", "meta", "summary", "chart", "chartCaption", "hasTables", "isProse", "proactive",
        "applications", "reviews", "violations", "inferred", "warnings", "hasChecks", "hasViolations", "hasInferred",
        "hasWarnings", "years", "hasOtherYears", "source", "dataHref", "duplicates", "hasDuplicates", "notes",
    ])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            page.templateValue, .text(heading), .from(meta), .text(summary), .from(chart), .from(chartCaption),
            .bool(hasTables), .bool(isProse), .from(proactive), .from(applications), .from(reviews), .from(violations),
            .from(inferred), .from(warnings), .bool(hasChecks), .bool(hasViolations), .bool(hasInferred),
            .bool(hasWarnings), .from(years), .bool(hasOtherYears), .text(source), .text(dataHref), .from(duplicates),
            .bool(hasDuplicates), .from(notes),
        ]))
    }
}

extension IndexPage.Row: TemplateRepresentable {
    static let templateNames = TemplateName.list([
        "agency", "region", "year", "edition", "href", "cells", "checks", "checksClass",
    ])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            .text(agency), .text(region), .text(year), .text(edition), .text(href), .from(cells), .text(checks),
            .text(checksClass),
        ]))
    }
}

extension IndexPage.Link: TemplateRepresentable {
    static let templateNames = TemplateName.list(["label", "href", "note"])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [.text(label), .text(href), .text(note)]))
    }
}

extension IndexPage: TemplateRepresentable {
    static let templateNames = TemplateName.list([
        "page", "columns", "intro", "rows", "reportCount", "totalsChart", "handlingChart", "rankingChart", "quality",
        "years", "cities", "provinces", "definitions",
    ])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            page.templateValue, .from(columns), .text(intro), .list(rows.parallelMap(chunk: 256) { $0.templateValue }),
            .text(String(reportCount)), .from(totalsChart), .from(handlingChart), .from(rankingChart), .text(quality),
            .from(years), .from(cities), .from(provinces), .text(definitions),
        ]))
    }
}

extension YearPage.Row: TemplateRepresentable {
    static let templateNames = TemplateName.list(["rank", "agency", "href", "agencyHref", "region", "cells", "sparkline"])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            .text(String(rank)), .text(agency), .text(href), .from(agencyHref), .text(region), .from(cells),
            .text(sparkline),
        ]))
    }
}

extension YearPage: TemplateRepresentable {
    static let templateNames = TemplateName.list(["page", "heading", "summary", "chart", "rows"])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            page.templateValue, .text(heading), .text(summary), .text(chart), .from(rows),
        ]))
    }
}

extension AgencyPage.Row: TemplateRepresentable {
    static let templateNames = TemplateName.list(["year", "href", "missing", "cells"])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [.text(year), .from(href), .bool(missing), .from(cells)]))
    }
}

extension AgencyPage: TemplateRepresentable {
    static let templateNames = TemplateName.list([
        "page", "heading", "summary", "trend", "rates", "rows", "applicantColumns", "applicantRows", "cityHref",
        "cityName", "notes",
    ])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            page.templateValue, .text(heading), .text(summary), .text(trend), .text(rates), .from(rows),
            .from(applicantColumns), .from(applicantRows), .from(cityHref), .from(cityName), .from(notes),
        ]))
    }
}

extension CityPage.Row: TemplateRepresentable {
    static let templateNames = TemplateName.list(["agency", "agencyHref", "district", "year", "reportHref", "cells", "sparkline"])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            .text(agency), .text(agencyHref), .text(district), .text(year), .from(reportHref), .from(cells),
            .text(sparkline),
        ]))
    }
}

extension CityPage: TemplateRepresentable {
    static let templateNames = TemplateName.list(["page", "heading", "summary", "chart", "rows"])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            page.templateValue, .text(heading), .text(summary), .text(chart), .from(rows),
        ]))
    }
}

extension ProvincePage.Row: TemplateRepresentable {
    static let templateNames = TemplateName.list(["city", "href", "agencies", "reports", "cells"])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            .text(city), .text(href), .text(String(agencies)), .text(String(reports)), .from(cells),
        ]))
    }
}

extension ProvincePage: TemplateRepresentable {
    static let templateNames = TemplateName.list(["page", "heading", "summary", "chart", "rows"])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            page.templateValue, .text(heading), .text(summary), .text(chart), .from(rows),
        ]))
    }
}

extension QualityPage.Item: TemplateRepresentable {
    static let templateNames = TemplateName.list(["agency", "year", "href", "kind", "cls", "text"])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            .text(agency), .text(year), .text(href), .text(kind), .text(cls), .text(text),
        ]))
    }
}

extension QualityPage: TemplateRepresentable {
    static let templateNames = TemplateName.list(["page", "summary", "items"])
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [page.templateValue, .text(summary), .from(items)]))
    }
}
