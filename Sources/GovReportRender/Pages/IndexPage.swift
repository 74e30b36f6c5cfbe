import GovReportAnalyse
import GovReportCheck
import GovReportIngest
import GovReportParse

/// The index: every report with its key figures, sorted by agency and year.
struct IndexPage {
    struct Row {
        let agency: String
        let region: String
        let year: String
        let edition: String
        let href: String
        /// One cell per lead indicator (settings: `lead_indicators`).
        let cells: [CellView]
        let checks: String
        let checksClass: String
    }

    struct Link {
        let label: String
        let href: String
        let note: String
    }

    let page: PageChrome
    /// The headers of the indicator columns.
    let columns: [String]
    let intro: String
    let rows: [Row]
    let reportCount: Int
    let totalsChart: String?
    let handlingChart: String?
    let rankingChart: String?
    let quality: String
    let years: [Link]
    let cities: [Link]
    let provinces: [Link]
    let definitions: String

    /// - Parameter rows: false for the page without its rows (which `row` makes one by one).
    init(analysis: CorpusAnalysis, site: SiteSettings, rows: Bool = true) {
        let corpus = analysis.corpus
        page = PageChrome(root: "", title: site.title, siteTitle: site.title,
                          crumbs: [.init(label: "首页", href: nil, current: true)], stylesheet: "assets/style.css", generator: site.generator, language: site.language, subtitle: site.subtitle,
                          inlineStyle: site.inlineStyle, contentSecurityPolicy: site.contentSecurityPolicy)
        columns = site.leadIndicators.map(\.label)
        // On every core: the page lists every report, and a rebuild after one change waits on it.
        self.rows = rows ? Array(corpus.entries.indices).parallelMap(chunk: 256) { Self.row(analysis: analysis, site: site, index: $0) } : []
        reportCount = corpus.entries.count
        // (The corpus already groups the named agencies' reports: no need to hash ten thousand
        // agency names — Chinese text, hashed through its normal form — again.)
        let agencies = corpus.byAgency.count
        let reportYears = corpus.entries.compactMap { $0.report.year }
        var md = "本站汇总了 **\(corpus.entries.count)** 份政府信息公开工作年度报告，涉及 **\(agencies)** 个机关"
        if let lo = reportYears.min(), let hi = reportYears.max() { md += "，报告年度 \(lo == hi ? "\(lo)" : "\(lo)–\(hi)") 年" }
        md += "。数字由 govreport 从报告原文中读取并按《条例》年报格式的勾稽关系核对；"
        md += "推算补足的数字以斜体标“推”，报告未载明的数字标“?”，空格保持为空。\n"
        intro = Markdown.html(md)

        let yearsList = analysis.years
        // Every year of the span: a year without reports is a gap, not a zero.
        func series(_ f: (CorpusAnalysis.YearTotals) -> Double?) -> [Int: Double?] {
            var values: [Int: Double?] = Dictionary(uniqueKeysWithValues: analysis.yearSpan.map { ($0, Optional<Double>.none) })
            for t in analysis.totals { values[t.year] = f(t) }
            return values
        }
        totalsChart = yearsList.count > 1 ? LineChart(id: "chart-totals", title: "全部报告合计", unit: "件", years: analysis.yearSpan, series: [
            .init(key: "received", label: "新收申请", values: series(\.received)),
            .init(key: "handled", label: "办理结果总计", values: series(\.handled)),
            .init(key: "disclosed", label: "予以公开", values: series(\.disclosed)),
        ]).svg : nil
        if let latest = yearsList.last {
            let idx = analysis.entries(ofYear: latest)
            func sum(_ f: (Indicators) -> Measure) -> Double? {
                let values = idx.compactMap { f(analysis.indicators[$0]).value }
                return values.isEmpty ? nil : values.reduce(0, +)
            }
            handlingChart = StackedBarChart(id: "chart-handling", title: "\(latest) 年全部报告办理结果构成", unit: "件",
                                            segments: Handling.groups.map { .init(key: $0.key, label: $0.label, value: sum($0.measure)) }).svg
            let top = analysis.ranking(year: latest).prefix(10)
            rankingChart = BarChart(id: "chart-ranking", title: "\(latest) 年新收申请最多的机关", unit: "件",
                                    bars: top.map { .init(key: corpus.entries[$0].id, label: corpus.entries[$0].agencyName,
                                                          value: analysis.indicators[$0].received.value) }).svg
        } else {
            handlingChart = nil
            rankingChart = nil
        }
        var broken = 0, inferred = 0, warned = 0
        for i in corpus.entries.indices {
            if !corpus.entries[i].checked.violations.isEmpty { broken += 1 }
            if !corpus.entries[i].checked.inferred.isEmpty { inferred += 1 }
            if corpus.entries[i].checked.warningCount > 0 { warned += 1 }
        }
        quality = Markdown.html("数据质量：\(broken) 份报告勾稽关系不成立，\(inferred) 份含推算数字，\(warned) 份有读取警告。\n")
        self.years = analysis.totals.map { Link(label: "\($0.year) 年", href: "years/\($0.year).html", note: "\($0.reports) 份") }
        cities = analysis.cities.keys.sorted().map { city in
            Link(label: city, href: "cities/\(CorpusAnalysis.cityID(city)).html", note: "\(analysis.cities[city]!.count) 个机关")
        }
        provinces = analysis.provinces.keys.sorted().map { p in
            Link(label: p, href: "provinces/\(CorpusAnalysis.provinceID(p)).html", note: "\(analysis.provinces[p]!.count) 个城市")
        }
        definitions = Markdown.html(IndicatorDefinitions.markdown)
    }

    /// The figure keys of the lead indicators, made once, not for every row.
    private static let keys = (received: FigureKeys.application("new", "total"), carriedOver: FigureKeys.application("carried_over", "total"),
                               handled: FigureKeys.application("outcome_total", "total"), disclosed: FigureKeys.application("disclosed", "total"),
                               carriedForward: FigureKeys.application("carried_forward", "total"))

    /// The row of entry `index`: made from that entry alone (its page name and checked report)
    /// and the settings, which a rebuild's comparison of the page relies on.
    static func row(analysis: CorpusAnalysis, site: SiteSettings, index: Int) -> Row {
        let corpus = analysis.corpus
        let keys = Self.keys
        // The entry's parts read in place (a copy of the whole entry per row was a tenth of
        // making this page).
        let checked = corpus.entries[index].checked
        let cells = FigureCells(checked)
        let v = checked.violations.count
        let w = checked.warningCount
        let report = checked.report
        var checks: [String] = []
        if v > 0 { checks.append("\(v) 处不一致") }
        if w > 0 { checks.append("\(w) 条警告") }
        let tables = report.edition?.hasTables ?? false
        // 2008-style reports have no applications table: their handling is not applicable, not lost.
        let notApplicable = CellView(text: "—", cls: "num na", note: "2008 版报告没有此表，正文未分项说明")
        let ind = analysis.indicators[index]
        let indicatorCells = site.leadIndicators.map { indicator -> CellView in
            switch indicator {
            case .received: return cells.cell(keys.received)
            case .carried_over: return tables ? cells.cell(keys.carriedOver) : notApplicable
            case .handled: return tables ? cells.cell(keys.handled) : notApplicable
            case .disclosed: return tables ? cells.cell(keys.disclosed) : notApplicable
            case .carried_forward: return tables ? cells.cell(keys.carriedForward) : notApplicable
            case .disclosure_rate: return MeasureCells.share(ind.disclosureRate)
            case .refusal_rate: return MeasureCells.share(ind.refusalRate)
            case .unavailable_share: return MeasureCells.share(ind.unavailableShare)
            case .reviews:
                let total = [ind.reconsiderations.value, ind.lawsuits.value]
                return total.contains(nil) ? CellView(text: "—", cls: "num na", note: "未载明")
                    : CellView(text: NumberFormat.count(total.compactMap { $0 }.reduce(0, +)), cls: "num")
            }
        }
        return Row(agency: corpus.entries[index].agencyName, region: report.region.name, year: report.year.map(String.init) ?? "?",
                   edition: report.edition?.rawValue ?? "?", href: "reports/\(corpus.entries[index].id).html", cells: indicatorCells,
                   checks: checks.isEmpty ? "通过" : checks.joined(separator: "，"),
                   checksClass: v > 0 ? "bad" : w > 0 ? "warn" : "ok")
    }
}
