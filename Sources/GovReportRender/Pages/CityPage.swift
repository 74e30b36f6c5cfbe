import GovReportAnalyse
import GovReportParse

/// The districts, streets and departments of one city side by side, for the latest year
/// each has a report, with a chart of the year the city has most reports for.
struct CityPage {
    struct Row {
        let agency: String
        let agencyHref: String
        let district: String
        let year: String
        let reportHref: String?
        let cells: [CellView]
        let sparkline: String
    }

    let page: PageChrome
    let heading: String
    let summary: String
    let chart: String
    let rows: [Row]

    init(analysis: CorpusAnalysis, city: String, site: SiteSettings) {
        let corpus = analysis.corpus
        heading = city
        page = PageChrome(root: "../", title: "\(city) 各区县、街道对比", siteTitle: site.title,
                          crumbs: [.init(label: "首页", href: "../index.html")]
                            + (analysis.province(of: city).map { [.init(label: $0, href: "../provinces/\(CorpusAnalysis.provinceID($0)).html")] } ?? [])
                            + [.init(label: city, href: nil, current: true)],
                          stylesheet: "../assets/style.css", generator: site.generator, language: site.language, subtitle: site.subtitle,
                          inlineStyle: site.inlineStyle, contentSecurityPolicy: site.contentSecurityPolicy)
        let keys = Set(analysis.cities[city] ?? [])
        let histories = analysis.agencies.filter { keys.contains($0.key) }
        var counts: [Int: Int] = [:]
        for h in histories { for y in h.entries.keys { counts[y, default: 0] += 1 } }
        let year = counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
        let ofYear = histories.compactMap { h in h.entries[year].map { (h, $0) } }
            .sorted { (analysis.indicators[$0.1].received.value ?? -1, $1.0.name) > (analysis.indicators[$1.1].received.value ?? -1, $0.0.name) }
        chart = BarChart(id: "chart-city", title: "\(city) \(year) 年新收申请", unit: "件",
                         bars: ofYear.prefix(25).map { .init(key: corpus.entries[$0.1].id, label: $0.0.name.replacingOccurrences(of: city, with: ""),
                                                            value: analysis.indicators[$0.1].received.value) }).svg
        // The table compares the same year as the chart; an agency without a report that year
        // says so rather than showing another year's figures.
        rows = histories.sorted { ($0.region.district ?? "", $0.name) < ($1.region.district ?? "", $1.name) }.map { h in
            let spark = Sparkline(values: h.years.map { y in h.entries[y].flatMap { analysis.indicators[$0].received.value } },
                                  label: "\(h.name) 各年新收申请").svg
            guard let i = h.entries[year] else {
                let none = CellView(text: "—", cls: "num na", note: "\(year) 年缺报")
                return Row(agency: h.name.replacingOccurrences(of: city, with: ""), agencyHref: "../agencies/\(h.id).html",
                           district: h.region.district ?? "", year: "缺报", reportHref: nil, cells: [none, none, none], sparkline: spark)
            }
            let ind = analysis.indicators[i]
            return Row(agency: h.name.replacingOccurrences(of: city, with: ""), agencyHref: "../agencies/\(h.id).html",
                       district: h.region.district ?? "", year: String(year), reportHref: "../reports/\(corpus.entries[i].id).html",
                       cells: [MeasureCells.cell(ind.received, key: "received.\(corpus.entries[i].id)"), MeasureCells.cell(ind.handled),
                               MeasureCells.share(ind.disclosureRate)],
                       sparkline: spark)
        }
        let districts = Set(histories.compactMap(\.region.district)).count
        summary = Markdown.html("\(city)共有 **\(histories.count)** 个报告机关，分布在 \(districts) 个区县；图表和下表对比报告最多的 \(year) 年。\n")
    }
}
