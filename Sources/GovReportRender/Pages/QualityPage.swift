import GovReportAnalyse
import GovReportIngest

/// Every broken rule, inferred figure and reading warning of the corpus, linked to its report.
struct QualityPage {
    struct Item {
        let agency: String
        let year: String
        let href: String
        let kind: String
        let cls: String
        let text: String
    }

    let page: PageChrome
    let summary: String
    let items: [Item]

    /// Where an item comes from: an entry of the corpus, the item's place among the entry's
    /// (its broken rules, then its inferred figures by key, then its warnings: what the
    /// page's comparison keys the item by) and which of them it shows.
    struct ItemPlace: Sendable {
        enum Shows: Sendable {
            case violation(Int)
            case inferred(String)
            case warning(Int)
        }

        let entry: Int
        let index: Int
        let shows: Shows
    }

    /// - Parameter items: false for the page without its items (which `item` makes one by one).
    init(analysis: CorpusAnalysis, site: SiteSettings, items withItems: Bool = true) {
        page = PageChrome(root: "", title: "数据质量", siteTitle: site.title,
                          crumbs: [.init(label: "首页", href: "index.html"), .init(label: "数据质量", href: nil, current: true)],
                          stylesheet: "assets/style.css", generator: site.generator, language: site.language, subtitle: site.subtitle,
                          inlineStyle: site.inlineStyle, contentSecurityPolicy: site.contentSecurityPolicy)
        var broken = 0, inferredReports = 0, warned = 0
        for e in analysis.corpus.entries {
            if !e.checked.violations.isEmpty { broken += 1 }
            if !e.checked.inferred.isEmpty { inferredReports += 1 }
            if e.checked.warningCount > 0 { warned += 1 }
        }
        items = withItems ? Self.itemPlaces(analysis).map { Self.item(analysis: analysis, place: $0) } : []
        let n = analysis.corpus.entries.count
        summary = Markdown.html("""
        共 \(n) 份报告：**\(broken)** 份有勾稽关系不成立，\(inferredReports) 份有推算补足的数字，\(warned) 份有读取警告。\
        点击机关名称查看报告及其表格，问题所在的单元格已标出。

        """)
    }

    /// Every item's place, in the page's order, found without making the items (a rebuild
    /// compares the page by its items' keys and makes only the items of changed reports).
    static func itemPlaces(_ analysis: CorpusAnalysis) -> [ItemPlace] {
        var places: [ItemPlace] = []
        for (i, e) in analysis.corpus.entries.enumerated() {
            var shows: [ItemPlace.Shows] = e.checked.violations.indices.map { .violation($0) }
            shows += e.checked.inferred.keys.sorted().map { .inferred($0) }
            shows += e.report.diagnostics.indices.filter { e.report.diagnostics[$0].severity >= .warning }.map { .warning($0) }
            for (k, item) in shows.enumerated() { places.append(ItemPlace(entry: i, index: k, shows: item)) }
        }
        return places
    }

    /// The item at a place: made from its entry alone (page name, agency, year and what was
    /// read from the report), which the page's comparison relies on.
    static func item(analysis: CorpusAnalysis, place: ItemPlace) -> Item {
        let e = analysis.corpus.entries[place.entry]
        let year = e.report.year.map(String.init) ?? "?"
        let href = "reports/\(e.id).html#checks"
        switch place.shows {
        case .violation(let n):
            let v = e.checked.violations[n]
            return Item(agency: e.agencyName, year: year, href: href, kind: "规则 \(v.rule)", cls: "violation",
                        text: "第 \(v.location.line) 行：\(v.message)")
        case .inferred(let key):
            let inf = e.checked.inferred[key]!
            return Item(agency: e.agencyName, year: year, href: href, kind: "推算", cls: "inferred",
                        text: "\(key) = \(NumberFormat.count(inf.value))（规则 \(inf.rule)）")
        case .warning(let n):
            let d = e.report.diagnostics[n]
            return Item(agency: e.agencyName, year: year, href: href, kind: "警告", cls: "warning",
                        text: (d.location.line > 0 ? "第 \(d.location.line) 行：" : "") + d.message)
        }
    }
}
