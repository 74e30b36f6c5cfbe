import GovReportAnalyse
import GovReportCheck
import GovReportParse

/// The index: every report with its key figures, sorted by agency and year.
struct IndexPage {
    struct Row {
        let agency: String
        let region: String
        let year: String
        let edition: String
        let href: String
        let received: CellView
        let disclosed: CellView
        let handled: CellView
        let disclosureRate: String
        let checks: String
        let checksClass: String
    }

    let page: PageChrome
    let intro: String
    let rows: [Row]
    let reportCount: Int

    init(corpus: Corpus, site: SiteSettings) {
        page = PageChrome(root: "", title: site.title, siteTitle: site.title,
                          crumbs: [.init(label: "首页", href: nil, current: true)], stylesheet: "assets/style.css", generator: site.generator)
        let app = FigureKeys.application
        rows = corpus.entries.map { e in
            let cells = FigureCells(e.checked)
            let v = e.checked.violations.count
            let w = e.checked.warningCount
            var checks: [String] = []
            if v > 0 { checks.append("\(v) 处不一致") }
            if w > 0 { checks.append("\(w) 条警告") }
            let tables = e.report.edition?.hasTables ?? false
            // 2008-style reports have no applications table: their handling is not applicable, not lost.
            let notApplicable = CellView(text: "—", cls: "num na", note: "2008 版报告没有此表，正文未分项说明")
            return Row(agency: e.agencyName, region: e.report.region.name, year: e.report.year.map(String.init) ?? "?",
                       edition: e.report.edition?.rawValue ?? "?", href: "reports/\(e.id).html",
                       received: cells.cell(app("new", "total")),
                       disclosed: tables ? cells.cell(app("disclosed", "total")) : notApplicable,
                       handled: tables ? cells.cell(app("outcome_total", "total")) : notApplicable,
                       disclosureRate: NumberFormat.share(e.checked.value(app("disclosed", "total")),
                                                          of: e.checked.value(app("outcome_total", "total"))),
                       checks: checks.isEmpty ? "通过" : checks.joined(separator: "，"),
                       checksClass: v > 0 ? "bad" : w > 0 ? "warn" : "ok")
        }
        reportCount = corpus.entries.count
        let agencies = Set(corpus.entries.compactMap { $0.report.agencyKey }).count
        let years = corpus.entries.compactMap { $0.report.year }
        var md = "本站汇总了 **\(corpus.entries.count)** 份政府信息公开工作年度报告，涉及 **\(agencies)** 个机关"
        if let lo = years.min(), let hi = years.max() { md += "，报告年度 \(lo == hi ? "\(lo)" : "\(lo)–\(hi)") 年" }
        md += "。数字由 govreport 从报告原文中读取并按《条例》年报格式的勾稽关系核对；"
        md += "推算补足的数字以斜体标“推”，报告未载明的数字标“?”，空格保持为空。\n"
        intro = Markdown.html(md)
    }
}
