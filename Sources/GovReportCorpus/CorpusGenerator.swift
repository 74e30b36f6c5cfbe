import Foundation
import GovReportParse

/// Generates realistic annual reports with exact ground truth: every edition and layout,
/// UTF-8 and GB18030, the damage seen in real files at a controlled rate, the same agencies
/// over consecutive years with trends, districts of the same cities, and a controlled share
/// of reports that break a consistency rule on purpose.
public struct CorpusGenerator: Sendable {
    public struct Options: Sendable {
        public var count: Int
        public var seed: UInt64
        /// Share of reports with damage (each damaged report gets one or two kinds).
        public var damageRate: Double
        /// Share of table-format reports that break a rule on purpose.
        public var breakRate: Double
        public var firstYear: Int
        public var lastYear: Int

        public init(count: Int, seed: UInt64 = 1, damageRate: Double = 0.35, breakRate: Double = 0.06,
                    firstYear: Int = 2015, lastYear: Int = 2024) {
            self.count = count
            self.seed = seed
            self.damageRate = damageRate
            self.breakRate = breakRate
            self.firstYear = firstYear
            self.lastYear = lastYear
        }
    }

    public struct Item: Sendable {
        /// Path relative to the output folder.
        public let path: String
        public let bytes: Data
        public let truth: ReportTruth
    }

    struct Agency {
        let name: String
        let shortName: String
        let city: Geography.City
        let district: String
        let street: String?
        let plan: FigureModel.Plan
    }

    public let options: Options
    let agencies: [Agency]
    /// (agency index, year) of each report, in corpus order.
    let slots: [(Int, Int)]

    public init(options: Options) {
        self.options = options
        var random = SeededRandom(seed: options.seed, index: -1)
        let span = options.lastYear - options.firstYear + 1
        var agencies: [Agency] = []
        var slots: [(Int, Int)] = []
        var k = 0
        while slots.count < options.count {
            // Agency k: every city in turn, then each district, then each body of the district,
            // then its streets and towns. Names are unique by construction.
            let city = Geography.cities[k % Geography.cities.count]
            let j = k / Geography.cities.count
            let district = city.districts[j % city.districts.count]
            let m = j / city.districts.count
            k += 1
            let street: String? = m < Geography.bodies.count ? nil : Geography.street(m - Geography.bodies.count, of: city)
            let name: String, short: String
            if let street {
                let office = street.hasSuffix("街道") ? "办事处" : "人民政府"
                name = city.name + district + street + office
                short = street + office
            } else {
                name = city.name + district + Geography.bodies[m]
                short = String(district.suffix(1)) + Geography.bodies[m]
            }
            let years = random.int(max(1, span / 2)...span)
            let start = options.lastYear - years + 1 - random.int(0...(span - years))
            let plan = FigureModel.Plan(size: pow(10, Double.random(in: 0.3...2.4, using: &random)),
                                        growth: Double.random(in: 0.85...1.2, using: &random), startYear: start)
            agencies.append(Agency(name: name, shortName: short, city: city, district: district, street: street, plan: plan))
            for y in start..<(start + years) where slots.count < options.count { slots.append((agencies.count - 1, y)) }
        }
        self.agencies = agencies
        self.slots = slots
    }

    /// Writes every report and `truth.jsonl` into `folder`.
    public func write(to folder: URL) throws -> [ReportTruth] {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        var truths: [ReportTruth] = []
        var lines = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for index in 0..<options.count {
            let item = self.item(index)
            let url = folder.appendingPathComponent(item.path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try item.bytes.write(to: url)
            truths.append(item.truth)
            lines += String(decoding: try encoder.encode(item.truth), as: UTF8.self) + "\n"
        }
        try Data(lines.utf8).write(to: folder.appendingPathComponent("truth.jsonl"))
        return truths
    }

    /// Report `index` of the corpus, independent of the others.
    public func item(_ index: Int) -> Item {
        let (agencyIndex, year) = slots[index]
        let agency = agencies[agencyIndex]
        // The figures of an agency's years depend only on the agency.
        var agencyRandom = SeededRandom(seed: options.seed, index: agencyIndex, salt: 0xA6E)
        let allYears = FigureModel.years(plan: agency.plan, endYear: year, random: &agencyRandom)
        var random = SeededRandom(seed: options.seed, index: index)
        let edition = FigureModel.edition(year)
        var figures = allYears[year]!

        // Layout and encoding.
        let layout: Layout = edition == .free2008 ? .prose
            : random.pick([Layout.tabbed, .tabbed, .cellPerLine, .loose, .aligned, .html])
        let encodingRoll = random.int(0...99)
        let encoding = encodingRoll < 65 ? "UTF-8" : encodingRoll < 75 ? "UTF-8 BOM" : encodingRoll < 92 ? "GB18030" : "UTF-8 CRLF"

        // A deliberate break (never combined with blank cells or lost columns, which would hide it).
        var damage: [String] = []
        let breaks = edition.hasTables && random.chance(options.breakRate)
        if breaks { perturb(&figures, edition: edition, random: &random, damage: &damage) }
        let blankZeros = !breaks && layout.keepsBlankCells && random.chance(0.12)
        if blankZeros { damage.append("blank-zero-cells") }

        var kinds: [Damage] = []
        if edition.hasTables && random.chance(options.damageRate) {
            var possible: [Damage] = [.ocrLabels, .spacesInLabels, .fullWidthDigits, .garbledHeaders]
            if layout == .tabbed || layout == .cellPerLine { possible.append(.strayCharacters) }
            if layout == .tabbed && !breaks && !blankZeros { possible.append(.droppedColumn) }
            kinds.append(random.pick(possible))
            if random.chance(0.4) { kinds.append(random.pick(possible)) }
        }
        let kindSet = Set(kinds)
        damage += kindSet.map(\.rawValue).sorted()

        var numbering = ["一", "二", "三", "四", "五", "六"]
        if edition.hasTables && random.chance(0.03) {
            numbering.swapAt(1, 2)
            damage.append("misnumbered-sections")
        }

        let regionName = agency.city.name + agency.district
        let style = random.int(0...9)   // 0-6 title, 7-8 signature only, 9 web chrome
        var composer = ReportComposer(agency: agency.name, shortName: agency.shortName, regionName: regionName, year: year,
                                      edition: edition, figures: figures, blankZeros: blankZeros,
                                      receivedIncludesCarried: random.chance(0.3))
        composer.reviewsPrintZeros = layout == .aligned
        var doc = composer.compose(numbering: numbering, random: &random)
        var stated = composer.stated
        apply(kindSet, to: &doc, stated: &stated, random: &random)

        let published = String(format: "%04d-01-%02d", year + 1, random.int(5...31))
        let dateText = "\(year + 1)年1月\(Int(published.suffix(2))!)日"
        let title = "\(agency.name)\(year)年政府信息公开工作年度报告"
        let usesChrome = style == 9 || layout == .html
        let printedShort = style == 9 && agency.street == nil && agency.shortName.hasPrefix(String(agency.district.suffix(1)))
            && agency.shortName.hasSuffix("人民政府办公室")

        var text: String
        if layout == .html {
            text = HTMLLayout.render(withTitle(doc, title), title: title, charset: encoding == "GB18030" ? "gbk" : "utf-8", random: &random)
        } else {
            var body = TextLayout.render(doc, layout, random: &random)
            if style <= 6 {
                body = title + "\n\n" + body + "\n" + agency.name + "\n" + dateText + "\n"
            } else if style <= 8 {
                body = body + "\n" + agency.name + " " + dateText + "\n"
            } else {
                let publisher = printedShort ? agency.shortName : agency.name
                let chrome = ["• 首页", "  • 政务公开", "  • 索引号:  XXGK-\(year + 1)-\(String(format: "%06d", index)) 主题分类: ",
                              "    发布机构:  \(publisher) 浏览次数: ", "    发布日期:  \(published) 10:20",
                              "    \(year)年政府信息公开工作年度报告", "    字体:", ""]
                body = chrome.joined(separator: "\n") + "\n" + body + "\n" + dateText + "\n\n分享给好友阅读:\n"
            }
            text = body
        }
        let agencyInTruth = agency.name
        _ = usesChrome

        if encoding == "UTF-8 CRLF" { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        var bytes: Data
        switch encoding {
        case "GB18030": bytes = text.data(using: String.Encoding(rawValue: 0x8000_0632)) ?? Data(text.utf8)
        case "UTF-8 BOM": bytes = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        default: bytes = Data(text.utf8)
        }

        let ext = layout == .html ? "html" : "txt"
        let cityIndex = Geography.cities.firstIndex { $0.name == agency.city.name }!
        let path = String(format: "city%02d/%05d.%@", cityIndex, index, ext)
        let province = agency.city.province
        let truth = ReportTruth(file: path, agency: agencyInTruth,
                                region: (province, agency.city.name, agency.district, agency.street),
                                year: year, template: edition.rawValue,
                                published: style == 9 || style <= 8 ? published : nil,
                                figures: stated, brokenRules: TruthRules.broken(stated, edition: edition),
                                layout: layout.rawValue, encoding: encoding, damage: damage)
        return Item(path: path, bytes: bytes, truth: truth)
    }

    func withTitle(_ doc: ReportDocument, _ title: String) -> ReportDocument {
        var d = ReportDocument()
        d.line(title)
        d.blocks += doc.blocks
        return d
    }

    /// Changes one figure so that the report no longer adds up.
    func perturb(_ f: inout [String: Double], edition: Edition, random: inout SeededRandom, damage: inout [String]) {
        let app = FigureKeys.application
        let delta = Double(random.int(1...3))
        switch random.int(0...3) {
        case 0:
            let row = random.pick(FigureKeys.outcomeRows(edition)).key
            f[app(row, "total"), default: 0] += delta
            damage.append("break-outcome-total")
        case 1:
            f[app("new", "total"), default: 0] += delta
            damage.append("break-new-total")
        case 2:
            let g = random.pick(FigureKeys.reviewGroups).key
            f[FigureKeys.review(g, "total"), default: 0] += delta
            damage.append("break-review-total")
        default:
            let new = f[app("new", "total")] ?? 0
            let carried = f[app("carried_over", "total")] ?? 0
            f[FigureKeys.Prose.applicationsReceived] = new + carried + delta
            damage.append("break-prose")
        }
    }

    func apply(_ kinds: Set<Damage>, to doc: inout ReportDocument, stated: inout [String: Double?], random: inout SeededRandom) {
        guard !kinds.isEmpty else { return }
        let app = FigureKeys.application
        var tableIndex = 0
        for b in doc.blocks.indices {
            guard case .table(var rows) = doc.blocks[b] else { continue }
            defer { tableIndex += 1 }
            let isApplications = rows.first?.first == .label("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
            let isReviews = rows.first == [.label("行政复议"), .label("行政诉讼")]
            for r in rows.indices {
                for c in rows[r].indices {
                    switch rows[r][c] {
                    case .label(let s):
                        var t = s
                        if kinds.contains(.ocrLabels) && random.chance(0.3) { t = Damage.ocr(t, random: &random) }
                        if kinds.contains(.spacesInLabels) && random.chance(0.3) { t = Damage.space(t, random: &random) }
                        if kinds.contains(.garbledHeaders) && isReviews && r < 3 { t = String(t.map { _ in random.pick(Array("木妇寸纠甘州姓田共化")) }) }
                        rows[r][c] = .label(t)
                    case .value(let v?):
                        if kinds.contains(.fullWidthDigits) && random.chance(0.3) { rows[r][c] = .value(Damage.fullWidth(v)) }
                    default:
                        break
                    }
                }
                if kinds.contains(.strayCharacters) && random.chance(0.08),
                   let first = rows[r].firstIndex(where: { if case .value = $0 { true } else { false } }), first > 0 {
                    rows[r].insert(.stray(random.pick(["†", "_", "费", "^"])), at: first)
                }
            }
            if kinds.contains(.droppedColumn) && isApplications {
                // Header without 自然人, and the first rows without their first value.
                rows[1].removeFirst()
                let lostRows = ["new", "carried_over", "disclosed", "partially_disclosed"]
                var dataRow = 0
                for r in 3..<rows.count where dataRow < lostRows.count {
                    guard let first = rows[r].firstIndex(where: { if case .value = $0 { true } else { false } }) else { continue }
                    rows[r].remove(at: first)
                    stated.removeValue(forKey: app(lostRows[dataRow], "natural_person"))
                    dataRow += 1
                }
            }
            doc.blocks[b] = .table(rows)
        }
    }
}
