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

    init(analysis: CorpusAnalysis, site: SiteSettings) {
        page = PageChrome(root: "", title: "数据质量", siteTitle: site.title,
                          crumbs: [.init(label: "首页", href: "index.html"), .init(label: "数据质量", href: nil, current: true)],
                          stylesheet: "assets/style.css", generator: site.generator, language: site.language, subtitle: site.subtitle,
                          inlineStyle: site.inlineStyle, contentSecurityPolicy: site.contentSecurityPolicy)
        var items: [Item] = []
        var broken = 0, inferredReports = 0, warned = 0
        for e in analysis.corpus.entries {
            let year = e.report.year.map(String.init) ?? "?"
            let href = "reports/\(e.id).html"
            if !e.checked.violations.isEmpty { broken += 1 }
            if !e.checked.inferred.isEmpty { inferredReports += 1 }
            if e.checked.warningCount > 0 { warned += 1 }
            for v in e.checked.violations {
                items.append(Item(agency: e.agencyName, year: year, href: href + "#checks", kind: "规则 \(v.rule)", cls: "violation",
                                  text: "第 \(v.location.line) 行：\(v.message)"))
            }
            for (key, inf) in e.checked.inferred.sorted(by: { $0.key < $1.key }) {
                items.append(Item(agency: e.agencyName, year: year, href: href + "#checks", kind: "推算", cls: "inferred",
                                  text: "\(key) = \(NumberFormat.count(inf.value))（规则 \(inf.rule)）"))
            }
            for d in e.report.diagnostics where d.severity >= .warning {
                items.append(Item(agency: e.agencyName, year: year, href: href + "#checks", kind: "警告", cls: "warning",
                                  text: (d.location.line > 0 ? "第 \(d.location.line) 行：" : "") + d.message))
            }
        }
        self.items = items
        let n = analysis.corpus.entries.count
        summary = Markdown.html("""
        共 \(n) 份报告：**\(broken)** 份有勾稽关系不成立，\(inferredReports) 份有推算补足的数字，\(warned) 份有读取警告。\
        点击机关名称查看报告及其表格，问题所在的单元格已标出。

        """)
    }
}
