// Template values for the views that pages hold by the hundred (cells, rows, issues) and for
// the report page itself, written out so that a page becomes a value without reflection.
// Each lists exactly the stored properties: a test compares every one with its reflected
// form, so a property added to a view and forgotten here fails the tests.

extension CellView: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject(["text": .text(text), "cls": .text(cls), "note": .from(note), "key": .from(key)]))
    }
}

extension HeaderCellView: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject(["text": .text(text), "rowspan": .from(rowspan), "colspan": .from(colspan)]))
    }
}

extension RowView: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject(["id": .text(id), "headers": .from(headers), "cells": .from(cells), "cls": .text(cls)]))
    }
}

extension IssueView: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject(["kind": .text(kind), "at": .text(at), "text": .text(text), "anchor": .text(anchor)]))
    }
}

extension LinkView: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject(["label": .text(label), "href": .text(href), "current": .bool(current)]))
    }
}

extension PageChrome.Crumb: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject(["label": .text(label), "href": .from(href), "current": .bool(current)]))
    }
}

extension PageChrome: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject([
            "root": .text(root), "title": .text(title), "siteTitle": .text(siteTitle), "crumbs": .from(crumbs),
            "stylesheet": .text(stylesheet), "generator": .text(generator), "language": .text(language),
            "subtitle": .from(subtitle), "inlineStyle": .from(inlineStyle), "contentSecurityPolicy": .text(contentSecurityPolicy),
        ]))
    }
}

extension ReportTables.ProactiveTable: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject(["article": .text(article), "columns": .from(columns), "rows": .from(rows)]))
    }
}

extension ReportTables.ApplicationsTable: TemplateRepresentable {
    var templateValue: TemplateValue { .object(TemplateObject(["rows": .from(rows)])) }
}

extension ReportTables.ReviewTable: TemplateRepresentable {
    var templateValue: TemplateValue { .object(TemplateObject(["cells": .from(cells)])) }
}

extension ReportPage.MetaItem: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject(["label": .text(label), "value": .text(value), "note": .from(note)]))
    }
}

extension ReportPage: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject([
            "page": page.templateValue, "heading": .text(heading), "meta": .from(meta), "summary": .text(summary),
            "chart": .from(chart), "chartCaption": .from(chartCaption), "hasTables": .bool(hasTables), "isProse": .bool(isProse),
            "proactive": .from(proactive), "applications": .from(applications), "reviews": .from(reviews),
            "violations": .from(violations), "inferred": .from(inferred), "warnings": .from(warnings),
            "hasChecks": .bool(hasChecks), "hasViolations": .bool(hasViolations), "hasInferred": .bool(hasInferred),
            "hasWarnings": .bool(hasWarnings), "years": .from(years), "hasOtherYears": .bool(hasOtherYears),
            "source": .text(source), "dataHref": .text(dataHref), "duplicates": .from(duplicates),
            "hasDuplicates": .bool(hasDuplicates), "notes": .from(notes),
        ]))
    }
}

extension IndexPage.Row: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject([
            "agency": .text(agency), "region": .text(region), "year": .text(year), "edition": .text(edition),
            "href": .text(href), "cells": .from(cells), "checks": .text(checks), "checksClass": .text(checksClass),
        ]))
    }
}
