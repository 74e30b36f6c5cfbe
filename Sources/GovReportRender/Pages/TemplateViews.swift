import GovReportIngest
// Template values for every page and the views they hold by the hundred (cells, rows,
// issues), written out so that a page becomes a value without reflection.
// Each lists exactly the stored properties: a test compares every one with its reflected
// form, so a property added to a view and forgotten here fails the tests.

extension CellView: TemplateRepresentable {
    static let templateNames = ["text", "cls", "note", "key"]
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [.text(text), .text(cls), .from(note), .from(key)]))
    }
}

extension HeaderCellView: TemplateRepresentable {
    static let templateNames = ["text", "rowspan", "colspan"]
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [.text(text), .from(rowspan), .from(colspan)]))
    }
}

extension RowView: TemplateRepresentable {
    static let templateNames = ["id", "headers", "cells", "cls"]
    var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [.text(id), .from(headers), .from(cells), .text(cls)]))
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

extension IndexPage.Link: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject(["label": .text(label), "href": .text(href), "note": .text(note)]))
    }
}

extension IndexPage: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject([
            "page": page.templateValue, "columns": .from(columns), "intro": .text(intro),
            "rows": .list(rows.parallelMap(chunk: 256) { $0.templateValue }),
            "reportCount": .text(String(reportCount)), "totalsChart": .from(totalsChart), "handlingChart": .from(handlingChart),
            "rankingChart": .from(rankingChart), "quality": .text(quality), "years": .from(years), "cities": .from(cities),
            "provinces": .from(provinces), "definitions": .text(definitions),
        ]))
    }
}

extension YearPage.Row: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject([
            "rank": .text(String(rank)), "agency": .text(agency), "href": .text(href), "agencyHref": .from(agencyHref),
            "region": .text(region), "cells": .from(cells), "sparkline": .text(sparkline),
        ]))
    }
}

extension YearPage: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject(["page": page.templateValue, "heading": .text(heading), "summary": .text(summary),
                                "chart": .text(chart), "rows": .from(rows)]))
    }
}

extension AgencyPage.Row: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject(["year": .text(year), "href": .from(href), "missing": .bool(missing), "cells": .from(cells)]))
    }
}

extension AgencyPage: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject([
            "page": page.templateValue, "heading": .text(heading), "summary": .text(summary), "trend": .text(trend),
            "rates": .text(rates), "rows": .from(rows), "applicantColumns": .from(applicantColumns),
            "applicantRows": .from(applicantRows), "cityHref": .from(cityHref), "cityName": .from(cityName), "notes": .from(notes),
        ]))
    }
}

extension CityPage.Row: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject([
            "agency": .text(agency), "agencyHref": .text(agencyHref), "district": .text(district), "year": .text(year),
            "reportHref": .from(reportHref), "cells": .from(cells), "sparkline": .text(sparkline),
        ]))
    }
}

extension CityPage: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject(["page": page.templateValue, "heading": .text(heading), "summary": .text(summary),
                                "chart": .text(chart), "rows": .from(rows)]))
    }
}

extension ProvincePage.Row: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject([
            "city": .text(city), "href": .text(href), "agencies": .text(String(agencies)), "reports": .text(String(reports)),
            "cells": .from(cells),
        ]))
    }
}

extension ProvincePage: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject(["page": page.templateValue, "heading": .text(heading), "summary": .text(summary),
                                "chart": .text(chart), "rows": .from(rows)]))
    }
}

extension QualityPage.Item: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject([
            "agency": .text(agency), "year": .text(year), "href": .text(href), "kind": .text(kind), "cls": .text(cls), "text": .text(text),
        ]))
    }
}

extension QualityPage: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(TemplateObject(["page": page.templateValue, "summary": .text(summary), "items": .from(items)]))
    }
}
