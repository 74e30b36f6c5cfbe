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
        // Each city's reports and the sum of its stated new applications in the last year (the
        // sums added in the corpus's order), from each city's entries: going through the whole
        // corpus for each province, comparing every report's city with the province's, grew
        // faster than the corpus.
        var reports = [Int](repeating: 0, count: cities.count)
        var received = [Double?](repeating: nil, count: cities.count)
        for (k, city) in cities.enumerated() {
            let entries = analysis.entries(ofCity: city)
            reports[k] = entries.count
            for i in entries where corpus.entries[i].report.year == year {
                if let value = analysis.indicators[i].received.value { received[k] = (received[k] ?? 0) + value }
            }
        }
        chart = BarChart(id: "chart-province", title: "\(province)各市 \(year) 年新收申请合计", unit: "件",
                         bars: cities.indices.map { .init(key: CorpusAnalysis.cityID(cities[$0]), label: cities[$0], value: received[$0]) }).svg
        rows = cities.indices.map { k in
            let city = cities[k]
            return Row(city: city, href: "../cities/\(CorpusAnalysis.cityID(city)).html", agencies: analysis.cities[city]?.count ?? 0,
                       reports: reports[k],
                       cells: [MeasureCells.cell(Measure(value: received[k], inferred: false, fromProse: false),
                                                 key: "received.\(CorpusAnalysis.cityID(city))")])
        }
        summary = Markdown.html("\(Markdown.escape(province))共有 \(cities.count) 个城市的报告；图表和下表为 \(year) 年各市新收申请合计（只计载明的数字）。\n")
    }
}
