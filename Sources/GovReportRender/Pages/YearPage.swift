import GovReportAnalyse
import GovReportIngest
import GovReportParse
import Synchronization

/// Every agency's report for one year, ranked, with a bar chart of the leaders.
struct YearPage {
    struct Row {
        let rank: Int
        let agency: String
        let href: String
        let agencyHref: String?
        let region: String
        let cells: [CellView]
        let sparkline: String
    }

    let page: PageChrome
    let heading: String
    let summary: String
    let chart: String
    let rows: [Row]

    /// - Parameter rows: false for the page without its rows (which `row` makes one by one).
    init(analysis: CorpusAnalysis, year: Int, site: SiteSettings, rows: Bool = true) {
        let corpus = analysis.corpus
        heading = "\(year) 年度"
        page = PageChrome(root: "../", title: "\(year) 年度报告对比", siteTitle: site.title,
                          crumbs: [.init(label: "首页", href: "../index.html"), .init(label: heading, href: nil, current: true)],
                          stylesheet: "../assets/style.css", generator: site.generator, language: site.language, subtitle: site.subtitle,
                          inlineStyle: site.inlineStyle, contentSecurityPolicy: site.contentSecurityPolicy)
        let ranked = analysis.ranking(year: year)
        let top = ranked.prefix(20)
        chart = BarChart(id: "chart-ranking", title: "\(year) 年新收申请排名（前 \(top.count) 名）", unit: "件",
                         bars: top.map { .init(key: corpus.entries[$0].id, label: corpus.entries[$0].agencyName, value: analysis.indicators[$0].received.value) }).svg
        self.rows = rows ? ranked.enumerated().map { Self.row(analysis: analysis, rank: $0 + 1, index: $1) } : []
        let total = analysis.totals.first { $0.year == year }
        var md = "\(year) 年度共有 **\(ranked.count)** 份报告。"
        if let t = total {
            md += "合计新收申请 \(NumberFormat.count(t.received)) 件，办理结果 \(NumberFormat.count(t.handled)) 件，其中予以公开 \(NumberFormat.count(t.disclosed)) 件"
            md += t.incomplete > 0 ? "（\(t.incomplete) 份报告未载明部分数字，未计入合计）。" : "。"
        }
        summary = Markdown.html(md + "\n")
    }

    /// The row of entry `index`, ranked `rank`: made from that entry alone (its page name and
    /// checked report), its agency's sparkline (its reports' page names, years and received
    /// applications) and the rank, which a rebuild's comparison of the page relies on.
    /// `sparklines`: where agencies' sparklines made for earlier rows are kept.
    static func row(analysis: CorpusAnalysis, rank: Int, index i: Int, sparklines: Sparklines? = nil) -> Row {
        let e = analysis.corpus.entries[i]
        let ind = analysis.indicators[i]
        let history = analysis.history(ofEntry: i)
        let sparkline: String
        if let sparklines, let history, e.agencyName.hasSameBytes(as: history.name) {
            sparkline = sparklines.of(agency: analysis.corpus.agencyOf[i]) { Self.sparkline(analysis: analysis, history: history, label: history.name) }
        } else {
            sparkline = Self.sparkline(analysis: analysis, history: history, label: e.agencyName)
        }
        return Row(rank: rank, agency: e.agencyName, href: "../reports/\(e.id).html",
                   agencyHref: history.map { "../agencies/\($0.id).html" }, region: e.report.region.name,
                   cells: [MeasureCells.cell(ind.received, key: "received.\(e.id)"), MeasureCells.cell(ind.handled), MeasureCells.share(ind.disclosureRate),
                           MeasureCells.share(ind.refusalRate)],
                   sparkline: sparkline)
    }

    /// An agency's applications received, year by year, as a sparkline labelled with `label`.
    static func sparkline(analysis: CorpusAnalysis, history: CorpusAnalysis.AgencyHistory?, label: String) -> String {
        let series = history.map { h in h.years.map { y in h.entries[y].flatMap { analysis.indicators[$0].received.value } } } ?? []
        return Sparkline(values: series, label: "\(label) 各年新收申请").svg
    }

    /// Agencies' sparklines, each made when a year row first shows it (by the corpus's number
    /// of the agency) and shared by all the year pages of a build: an agency's rows, one a
    /// year, show the same one. Made for every row, each went through the agency's years and
    /// their reports' figures in rank order — all over memory at national scale (the year
    /// pages grew 6–7 × from 10,000 to 50,000 reports); a rebuild makes only the rows it needs.
    final class Sparklines: Sendable {
        private let made = Mutex<[Int: String]>([:])

        init() {}

        func of(agency k: Int, make: () -> String) -> String {
            if let known = made.withLock({ $0[k] }) { return known }
            // (Two rows of one agency on two cores may both make it: the same text.)
            let svg = make()
            made.withLock { $0[k] = svg }
            return svg
        }
    }
}
