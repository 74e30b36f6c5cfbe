import GovReportAnalyse

/// The cities of a province side by side: reports, agencies and applications per year.
struct ProvincePage {
    struct Row {
        let city: String
        let href: String
        let agencies: Int
        let reports: Int
        let cells: [CellView]
    }

    let page: PageChrome
    let heading: String
    let summary: String
    let chart: String
    let rows: [Row]

    init(analysis: CorpusAnalysis, province: String, site: SiteSettings) {
        let corpus = analysis.corpus
        heading = province
        page = PageChrome(root: "../", title: "\(province) 各市对比", siteTitle: site.title,
                          crumbs: [.init(label: "首页", href: "../index.html"), .init(label: province, href: nil, current: true)],
                          stylesheet: "../assets/style.css", generator: site.generator, language: site.language, subtitle: site.subtitle,
                          inlineStyle: site.inlineStyle, contentSecurityPolicy: site.contentSecurityPolicy)
        let cities = analysis.provinces[province] ?? []
        let year = analysis.years.last ?? 0
        func received(_ city: String) -> Double? {
            let values = corpus.entries.indices.filter { corpus.entries[$0].report.region.city == city && corpus.entries[$0].report.year == year }
                .compactMap { analysis.indicators[$0].received.value }
            return values.isEmpty ? nil : values.reduce(0, +)
        }
        chart = BarChart(id: "chart-province", title: "\(province)各市 \(year) 年新收申请合计", unit: "件",
                         bars: cities.map { .init(key: CorpusAnalysis.cityID($0), label: $0, value: received($0)) }).svg
        rows = cities.map { city in
            let entries = corpus.entries.filter { $0.report.region.city == city }
            return Row(city: city, href: "../cities/\(CorpusAnalysis.cityID(city)).html", agencies: analysis.cities[city]?.count ?? 0,
                       reports: entries.count,
                       cells: [MeasureCells.cell(Measure(value: received(city), inferred: false, fromProse: false),
                                                 key: "received.\(CorpusAnalysis.cityID(city))")])
        }
        summary = Markdown.html("\(Markdown.escape(province))共有 \(cities.count) 个城市的报告；图表和下表为 \(year) 年各市新收申请合计（只计载明的数字）。\n")
    }
}
