import Mustache

// Named access for the view types that pages hold by the hundred: Mustache otherwise finds
// every value through `Mirror`, which was most of the time spent rendering a site. Each
// `child(named:)` answers exactly the stored properties; nil means "not here", as with Mirror.

extension CellView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "cls": cls
        case "note": note
        case "key": key
        default: nil
        }
    }
}

extension HeaderCellView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "rowspan": rowspan
        case "colspan": colspan
        default: nil
        }
    }
}

extension RowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "headers": headers
        case "cells": cells
        case "cls": cls
        default: nil
        }
    }
}

extension IssueView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "at": at
        case "text": text
        case "anchor": anchor
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        case "current": current
        default: nil
        }
    }
}

extension PageChrome.Crumb: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        case "current": current
        default: nil
        }
    }
}

extension PageChrome: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": root
        case "title": title
        case "siteTitle": siteTitle
        case "crumbs": crumbs
        case "stylesheet": stylesheet
        case "generator": generator
        case "language": language
        case "subtitle": subtitle
        case "inlineStyle": inlineStyle
        case "contentSecurityPolicy": contentSecurityPolicy
        default: nil
        }
    }
}

extension ReportTables.ProactiveTable: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "article": article
        case "columns": columns
        case "rows": rows
        default: nil
        }
    }
}

extension ReportPage.MetaItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        case "note": note
        default: nil
        }
    }
}

extension ReportTables.ApplicationsTable: MustacheParent {
    func child(named name: String) -> Any? { name == "rows" ? rows : nil }
}

extension ReportTables.ReviewTable: MustacheParent {
    func child(named name: String) -> Any? { name == "cells" ? cells : nil }
}

extension ReportPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "heading": heading
        case "meta": meta
        case "summary": summary
        case "chart": chart
        case "chartCaption": chartCaption
        case "hasTables": hasTables
        case "isProse": isProse
        case "proactive": proactive
        case "applications": applications
        case "reviews": reviews
        case "violations": violations
        case "inferred": inferred
        case "warnings": warnings
        case "hasChecks": hasChecks
        case "hasViolations": hasViolations
        case "hasInferred": hasInferred
        case "hasWarnings": hasWarnings
        case "years": years
        case "hasOtherYears": hasOtherYears
        case "source": source
        case "dataHref": dataHref
        case "duplicates": duplicates
        case "hasDuplicates": hasDuplicates
        case "notes": notes
        default: nil
        }
    }
}
