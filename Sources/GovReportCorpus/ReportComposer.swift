import GovReportParse

/// Writes one report's document (headings, prose, tables) from its figures, in the words of
/// the national format, and records which figures the text states.
struct ReportComposer {
    let agency: String
    let shortName: String
    let regionName: String
    let year: Int
    let edition: Edition
    var figures: [String: Double]
    /// Zeros printed as blank cells (as in sample 003).
    let blankZeros: Bool
    let receivedIncludesCarried: Bool
    /// Space-aligned text cannot show where a blank cell sat in a row without labels: such
    /// reports print the review table's zeros.
    var reviewsPrintZeros = false

    /// What the document states: key → value, nil for a blank cell.
    private(set) var stated: [String: Double?] = [:]

    static func number(_ v: Double) -> String {
        if v == v.rounded() { return String(Int(v)) }
        var s = String(format: "%.4f", v)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    mutating func cell(_ key: String) -> ReportDocument.Cell {
        let v = figures[key] ?? 0
        if blankZeros && v == 0 && !key.hasPrefix("proactive.") && !(reviewsPrintZeros && key.hasPrefix("reviews.")) {
            stated[key] = .some(nil)
            return .value(nil)
        }
        stated[key] = v
        return .value(Self.number(v))
    }

    mutating func compose(numbering: [String], random: inout SeededRandom) -> ReportDocument {
        var doc = ReportDocument()
        let app = FigureKeys.application
        if edition == .free2008 {
            return composeProse(random: &random)
        }
        doc.line("\(numbering[0])、总体情况")
        doc.line("\(year)年，\(shortName)认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，扎实推进\(regionName)政务公开工作。")
        let items = figures[FigureKeys.Prose.itemsPublished] ?? 0
        if random.chance(0.3) {
            doc.line("（一）主动公开。政务微博共发布信息\(Self.number(Double(random.int(10...400))))条。全年在政府网站共发布政府信息\(Self.number(items))条，其中政策解读\(random.int(3...60))条。")
        } else {
            doc.line("（一）主动公开。全年在政府网站共发布政府信息\(Self.number(items))条，其中政策解读\(random.int(3...60))条，回应关切\(random.int(1...30))次。")
        }
        stated[FigureKeys.Prose.itemsPublished] = items
        let new = figures[app("new", "total")] ?? 0
        let received = receivedIncludesCarried ? new + (figures[app("carried_over", "total")] ?? 0) : new
        figures[FigureKeys.Prose.applicationsReceived] = figures[FigureKeys.Prose.applicationsReceived] ?? received
        let said = figures[FigureKeys.Prose.applicationsReceived]!
        doc.line("（二）依申请公开。全年共收到政府信息公开申请\(Self.number(said))件，均在法定期限内予以答复。")
        stated[FigureKeys.Prose.applicationsReceived] = said
        doc.line("（三）平台建设。持续优化政府网站栏目设置，网站全年访问量\(random.int(10000...900000))人次。")

        doc.line("\(numbering[1])、主动公开政府信息情况")
        let proactiveRows = FigureKeys.proactiveRows(edition)
        var articles: [String] = []
        for row in proactiveRows where !articles.contains(row.article) { articles.append(row.article) }
        for article in articles {
            let members = proactiveRows.filter { $0.article == article }
            var rows: [[ReportDocument.Cell]] = [[.label(article)], [.label("信息内容")] + members[0].columns.map { .label($0.label) }]
            for r in members {
                rows.append([.label(r.label)] + r.columns.map { cell("proactive.\(r.key).\($0.key)") })
            }
            doc.table(rows)
        }

        doc.line("\(numbering[2])、收到和处理政府信息公开申请情况")
        var table: [[ReportDocument.Cell]] = [
            [.label("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), .label("申请人情况")],
            [.label("自然人"), .label("法人或其他组织"), .label("总计")],
            [.label("商业企业"), .label("科研机构"), .label("社会公益组织"), .label("法律服务机构"), .label("其他")],
        ]
        var seenGroups = Set<String>()
        for row in FigureKeys.applicationRows(edition) {
            var labels: [ReportDocument.Cell] = []
            if row.key == "disclosed" { labels.append(.label("三、本年度办理结果")) }
            if let group = row.group, seenGroups.insert(group).inserted { labels.append(.label(group)) }
            labels.append(.label(row.label))
            table.append(labels + FigureKeys.applicantColumns.map { cell(app(row.key, $0.key)) })
        }
        doc.table(table)

        doc.line("\(numbering[3])、政府信息公开行政复议、行政诉讼情况")
        var reviews: [[ReportDocument.Cell]] = [
            [.label("行政复议"), .label("行政诉讼")],
            [.label("结果维持"), .label("结果纠正"), .label("其他结果"), .label("尚未审结"), .label("总计"),
             .label("未经复议直接起诉"), .label("复议后起诉")],
            Array(repeating: ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], count: 2).flatMap { $0 }.map { .label($0) },
        ]
        reviews.append(FigureKeys.reviewKeys.map { cell($0) })
        doc.table(reviews)

        doc.line("\(numbering[4])、存在的主要问题及改进情况")
        doc.line("\(year)年，我单位政府信息公开工作取得了一定成效，但仍存在公开内容不够全面、政策解读形式单一等问题。下一步将进一步规范依申请公开办理流程。")
        doc.line("\(numbering[5])、其他需要报告的事项")
        doc.line("本年度未收取信息处理费。")
        return doc
    }

    mutating func composeProse(random: inout SeededRandom) -> ReportDocument {
        var doc = ReportDocument()
        let items = figures[FigureKeys.Prose.itemsPublished] ?? 0
        let new = figures[FigureKeys.application("new", "total")] ?? 0
        doc.line("\(year)年，\(shortName)按照省、市关于深入开展政务公开工作的安排，以公开为常态，扎实推进\(regionName)政府信息公开工作。")
        doc.line("一、主动公开政府信息情况")
        doc.line("截至12月31日，政府网站各栏目共发布各类信息\(Self.number(items))条，其中政务动态类信息\(random.int(100...3000))条。群众通过“区长信箱”来信\(random.int(10...900))件，办结率100%。")
        stated[FigureKeys.Prose.itemsPublished] = items
        doc.line("二、依申请公开政府信息情况")
        doc.line("\(year)年度受理依申请公开\(Self.number(new))件，已全部办结，未收取任何费用。")
        stated[FigureKeys.application("new", "total")] = new
        doc.line("三、政府信息公开申请行政复议、提起行政诉讼的情况")
        if random.chance(0.7) {
            doc.line("\(year)年度，\(regionName)未发生一例因政府信息公开事务引起的行政复议、行政诉讼情况。")
            for g in FigureKeys.reviewGroups { stated[FigureKeys.review(g.key, "total")] = 0 }
        } else {
            doc.line("\(year)年度，认真办理人大代表建议\(random.int(5...90))件、政协委员提案\(random.int(5...120))件。")
        }
        doc.line("四、存在的不足和改进措施")
        doc.line("一是持续加强领导；二是强化监督检查；三是加大宣传力度。")
        return doc
    }
}
