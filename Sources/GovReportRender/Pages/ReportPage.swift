import GovReportAnalyse
import GovReportCheck
import GovReportParse

/// Everything the report template shows for one report.
struct ReportPage {
    struct MetaItem {
        let label: String
        let value: String
        let note: String?
    }

    let page: PageChrome
    let heading: String
    let meta: [MetaItem]
    let summary: String
    let chart: String?
    let chartCaption: String?
    let hasTables: Bool
    let isProse: Bool
    let proactive: [ReportTables.ProactiveTable]
    let applications: ReportTables.ApplicationsTable?
    let reviews: ReportTables.ReviewTable?
    let violations: [IssueView]
    let inferred: [IssueView]
    let warnings: [IssueView]
    let hasChecks: Bool
    let hasViolations: Bool
    let hasInferred: Bool
    let hasWarnings: Bool
    let years: [LinkView]
    let hasOtherYears: Bool
    let source: String
    let dataHref: String
    /// Other files reporting on the same agency and year.
    let duplicates: [LinkView]
    let hasDuplicates: Bool
    /// The user's commentary, already rendered by cmark.
    let notes: String?

    /// - Parameter indicators: the report's indicators from the corpus analysis, if made.
    init(corpus: Corpus, index: Int, site: SiteSettings, notes: String? = nil, indicators: Indicators? = nil) {
        self.notes = notes
        let entry = corpus.entries[index]
        let checked = entry.checked
        let report = checked.report
        let yearText = report.year.map { "\($0) 年度" } ?? "年度未识别"
        heading = "\(entry.agencyName) \(yearText)政府信息公开工作年度报告"
        page = PageChrome(root: "../", title: heading, siteTitle: site.title,
                          crumbs: [.init(label: "首页", href: "../index.html"),
                                   .init(label: entry.agencyName, href: report.agencyKey.map { "../agencies/\(StableHash.hex($0)).html" }),
                                   .init(label: yearText, href: report.year.map { "../years/\($0).html" }, current: true)],
                          stylesheet: "../assets/style.css", generator: site.generator, language: site.language, subtitle: site.subtitle,
                          inlineStyle: site.inlineStyle, contentSecurityPolicy: site.contentSecurityPolicy)

        var meta: [MetaItem] = []
        meta.append(MetaItem(label: "机关", value: entry.agencyName,
                             note: report.agency.map { a in
                                 "取自" + (a.source == .title ? "标题" : a.source == .signature ? "落款" : "网页发布机构")
                                     + (a.printedName.map { "（原文为“\($0)”，按正文所述地区补全）" } ?? "")
                             }))
        meta.append(MetaItem(label: "地区", value: report.region.isEmpty ? "未识别" : report.region.name, note: nil))
        meta.append(MetaItem(label: "报告年度", value: report.year.map(String.init) ?? "未识别", note: nil))
        meta.append(MetaItem(label: "格式", value: report.edition?.displayName ?? "未识别", note: nil))
        meta.append(MetaItem(label: "发布日期", value: report.published ?? "未载明", note: nil))
        meta.append(MetaItem(label: "来源文件", value: report.source, note: nil))
        self.meta = meta

        let handling = Handling(checked, indicators: indicators)
        summary = Markdown.html(SummaryWriter().markdown(checked, handling: handling))
        if !handling.categories.isEmpty {
            chart = StackedBarChart(id: "chart-handling", title: "申请办理结果构成", unit: "件",
                                    segments: handling.categories.map { .init(key: $0.key, label: $0.label, value: $0.value) }).svg
            chartCaption = "申请办理结果（总计列）：与下表“三、本年度办理结果”各项相同。"
        } else if let received = checked.value(FigureKeys.application("new", "total")) {
            // 2008-style reports state how many applications they received, not how they were handled.
            chart = StackedBarChart(id: "chart-handling", title: "依申请公开受理情况（正文所述）", unit: "件",
                                    segments: [.init(key: "received", label: "受理（正文未分项）", value: received)]).svg
            chartCaption = "本报告没有统一格式的统计表；正文只说明受理件数，未分办理结果。"
        } else {
            chart = nil
            chartCaption = nil
        }

        let tables = ReportTables(checked)
        hasTables = report.edition?.hasTables ?? false
        isProse = !hasTables
        proactive = tables.proactive
        applications = tables.applications
        reviews = tables.reviews

        violations = checked.violations.enumerated().map { i, v in
            IssueView(kind: "规则 \(v.rule)", line: v.location.line, text: v.message, anchor: "issue-\(i + 1)")
        }
        inferred = checked.inferred.sorted { $0.key < $1.key }.map { key, inf in
            IssueView(kind: "推算", line: report.figures[key]?.line ?? 0,
                      text: "\(FigureKeys.label(for: key)) = \(NumberFormat.count(inf.value))：\(inf.reason)", anchor: "")
        }
        warnings = report.diagnostics.map { d in
            IssueView(kind: d.severity == .note ? "说明" : d.severity == .warning ? "警告" : "错误",
                      line: d.location.line, text: d.message, anchor: "")
        }
        hasViolations = !violations.isEmpty
        hasInferred = !inferred.isEmpty
        hasWarnings = !warnings.isEmpty
        hasChecks = hasViolations || hasInferred || hasWarnings

        let all = corpus.agencyMembers(of: index).map { $0.map { corpus.entries[$0] } } ?? [entry]
        years = all.map { e in
            LinkView(label: e.report.year.map(String.init) ?? "?", href: "\(e.id).html", current: e.id == entry.id)
        }
        hasOtherYears = all.count > 1
        source = report.source
        dataHref = "../data/\(entry.id).json"
        duplicates = corpus.sameYear(as: index).map { LinkView(label: $0.report.source, href: "\($0.id).html", current: false) }
        hasDuplicates = !duplicates.isEmpty
    }
}
