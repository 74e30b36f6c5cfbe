import GovReportAnalyse
import GovReportParse

/// One agency over its years: trend charts and a year-by-year table, gaps shown as gaps.
struct AgencyPage {
    struct Row {
        let year: String
        let href: String?
        let missing: Bool
        let cells: [CellView]
    }

    let page: PageChrome
    let heading: String
    let summary: String
    let trend: String
    let rates: String
    let rows: [Row]
    /// New applications by kind of applicant, per year.
    let applicantColumns: [String]
    let applicantRows: [Row]
    let cityHref: String?
    let cityName: String?
    let notes: String?

    init(analysis: CorpusAnalysis, history: CorpusAnalysis.AgencyHistory, site: SiteSettings, notes: String?) {
        let corpus = analysis.corpus
        heading = history.name
        var crumbs: [PageChrome.Crumb] = [.init(label: "首页", href: "../index.html")]
        if let city = history.region.city {
            crumbs.append(.init(label: city, href: "../cities/\(CorpusAnalysis.cityID(city)).html"))
            cityHref = "../cities/\(CorpusAnalysis.cityID(city)).html"
            cityName = city
        } else {
            cityHref = nil
            cityName = nil
        }
        crumbs.append(.init(label: history.name, href: nil, current: true))
        page = PageChrome(root: "../", title: history.name, siteTitle: site.title, crumbs: crumbs,
                          stylesheet: "../assets/style.css", generator: site.generator, language: site.language, subtitle: site.subtitle,
                          inlineStyle: site.inlineStyle, contentSecurityPolicy: site.contentSecurityPolicy)

        func measure(_ year: Int, _ f: (Indicators) -> Measure) -> Double?? {
            guard let i = history.entries[year] else { return .some(nil) }
            return .some(f(analysis.indicators[i]).value)
        }
        trend = LineChart(id: "chart-trend", title: "申请数量趋势", unit: "件", years: history.years, series: [
            .init(key: "received", label: "新收申请", values: Dictionary(uniqueKeysWithValues: history.years.map { ($0, measure($0, \.received) ?? nil) })),
            .init(key: "handled", label: "办理结果总计", values: Dictionary(uniqueKeysWithValues: history.years.map { ($0, measure($0, \.handled) ?? nil) })),
            .init(key: "disclosed", label: "予以公开", values: Dictionary(uniqueKeysWithValues: history.years.map { ($0, measure($0, \.disclosed) ?? nil) })),
        ]).svg
        func rate(_ year: Int, _ f: (Indicators) -> Double?) -> Double? {
            history.entries[year].flatMap { f(analysis.indicators[$0]) }.map(NumberFormat.percent)
        }
        rates = LineChart(id: "chart-rates", title: "办理结果构成趋势", unit: "%", years: history.years, series: [
            .init(key: "disclosure_rate", label: "公开率", values: Dictionary(uniqueKeysWithValues: history.years.map { ($0, rate($0, \.disclosureRate)) })),
            .init(key: "refusal_rate", label: "不予公开率", values: Dictionary(uniqueKeysWithValues: history.years.map { ($0, rate($0, \.refusalRate)) })),
            .init(key: "unavailable_share", label: "无法提供占比", values: Dictionary(uniqueKeysWithValues: history.years.map { ($0, rate($0, \.unavailableShare)) })),
        ]).svg

        rows = history.years.map { year in
            guard let i = history.entries[year] else {
                return Row(year: String(year), href: nil, missing: true, cells: [])
            }
            let ind = analysis.indicators[i]
            let before = history.entries[year - 1].map { analysis.indicators[$0].received }
            return Row(year: String(year), href: "../reports/\(corpus.entries[i].id).html", missing: false, cells: [
                MeasureCells.cell(ind.received, key: "received.\(year)"), MeasureCells.change(ind.received, before),
                MeasureCells.cell(ind.carriedOver), MeasureCells.cell(ind.handled, key: "handled.\(year)"),
                MeasureCells.cell(ind.disclosed, key: "disclosed.\(year)"),
                MeasureCells.share(ind.disclosureRate, key: "disclosure_rate.\(year)"), MeasureCells.share(ind.partialRate),
                MeasureCells.share(ind.refusalRate, key: "refusal_rate.\(year)"),
                MeasureCells.share(ind.unavailableShare, key: "unavailable_share.\(year)"), MeasureCells.share(ind.unprocessedShare),
                MeasureCells.cell(ind.reconsiderations), MeasureCells.cell(ind.lawsuits), MeasureCells.share(ind.correctedShare),
                CellView(text: String(corpus.entries[i].checked.violations.count), cls: "num" + (corpus.entries[i].checked.violations.isEmpty ? "" : " bad")),
            ])
        }
        applicantColumns = FigureKeys.applicantKinds.map(\.label)
        applicantRows = history.years.map { year in
            guard let i = history.entries[year] else { return Row(year: String(year), href: nil, missing: true, cells: []) }
            return Row(year: String(year), href: "../reports/\(corpus.entries[i].id).html", missing: false,
                       cells: analysis.indicators[i].applicants.map { MeasureCells.cell($0) })
        }
        let present = history.years.filter { history.entries[$0] != nil }
        let missing = history.years.count - present.count
        var md = "**\(Markdown.escape(history.name))** 共有 \(present.count) 份年度报告（\(present.map(String.init).joined(separator: "、")) 年）"
        md += missing > 0 ? "，其间 \(missing) 个年度缺报，图表中留空。" : "。"
        if let first = present.first, let last = present.last, first != last,
           let a = analysis.indicators[history.entries[first]!].received.value, let b = analysis.indicators[history.entries[last]!].received.value {
            md += "新收政府信息公开申请由 \(first) 年的 \(NumberFormat.count(a)) 件变为 \(last) 年的 \(NumberFormat.count(b)) 件。"
        }
        summary = Markdown.html(md + "\n")
        self.notes = notes
    }
}
