import GovReportIngest
/// The canonical flat keys of the spec (`applications.new.total`, `reviews.reconsideration.upheld`…)
/// with their official labels. Keys are the public vocabulary of the export and the site, so
/// they are spelled once, here.
public enum FigureKeys {
    public struct Column: Sendable, Hashable {
        public let key: String
        public let label: String
    }

    public struct Row: Sendable, Hashable {
        public let key: String
        /// The official label as printed in the report.
        public let label: String
        /// The group heading the row sits under, for rows of 三 (三)…(六).
        public let group: String?
        /// A short label for charts and summaries.
        public let short: String
    }

    // MARK: Section 三

    public static let applicantColumns: [Column] = [
        Column(key: "natural_person", label: "自然人"),
        Column(key: "commercial", label: "商业企业"),
        Column(key: "research", label: "科研机构"),
        Column(key: "social_welfare", label: "社会公益组织"),
        Column(key: "legal_services", label: "法律服务机构"),
        Column(key: "other_org", label: "其他"),
        Column(key: "total", label: "总计"),
    ]

    /// The six applicant columns without the total.
    public static var applicantKinds: [Column] { Array(applicantColumns.dropLast()) }

    static let withheld = "（三）不予公开"
    static let unavailable = "（四）无法提供"
    static let unprocessed = "（五）不予处理"
    static let otherHandling = "（六）其他处理"

    public static let applicationRows2021: [Row] = [
        Row(key: "new", label: "一、本年新收政府信息公开申请数量", group: nil, short: "本年新收"),
        Row(key: "carried_over", label: "二、上年结转政府信息公开申请数量", group: nil, short: "上年结转"),
        Row(key: "disclosed", label: "（一）予以公开", group: nil, short: "予以公开"),
        Row(key: "partially_disclosed", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", group: nil, short: "部分公开"),
        Row(key: "withheld_state_secret", label: "1.属于国家秘密", group: withheld, short: "国家秘密"),
        Row(key: "withheld_prohibited", label: "2.其他法律行政法规禁止公开", group: withheld, short: "法律法规禁止"),
        Row(key: "withheld_security_stability", label: "3.危及“三安全一稳定”", group: withheld, short: "危及三安全一稳定"),
        Row(key: "withheld_third_party", label: "4.保护第三方合法权益", group: withheld, short: "保护第三方权益"),
        Row(key: "withheld_internal_affairs", label: "5.属于三类内部事务信息", group: withheld, short: "内部事务信息"),
        Row(key: "withheld_process_info", label: "6.属于四类过程性信息", group: withheld, short: "过程性信息"),
        Row(key: "withheld_enforcement_files", label: "7.属于行政执法案卷", group: withheld, short: "行政执法案卷"),
        Row(key: "withheld_query_items", label: "8.属于行政查询事项", group: withheld, short: "行政查询事项"),
        Row(key: "unavailable_not_held", label: "1.本机关不掌握相关政府信息", group: unavailable, short: "本机关不掌握"),
        Row(key: "unavailable_needs_creation", label: "2.没有现成信息需要另行制作", group: unavailable, short: "需另行制作"),
        Row(key: "unavailable_unclear", label: "3.补正后申请内容仍不明确", group: unavailable, short: "补正后仍不明确"),
        Row(key: "unprocessed_complaint", label: "1.信访举报投诉类申请", group: unprocessed, short: "信访举报投诉"),
        Row(key: "unprocessed_duplicate", label: "2.重复申请", group: unprocessed, short: "重复申请"),
        Row(key: "unprocessed_publication", label: "3.要求提供公开出版物", group: unprocessed, short: "公开出版物"),
        Row(key: "unprocessed_excessive", label: "4.无正当理由大量反复申请", group: unprocessed, short: "大量反复申请"),
        Row(key: "unprocessed_reconfirm", label: "5.要求行政机关确认或重新出具已获取信息", group: unprocessed, short: "要求确认或重新出具"),
        Row(key: "other_no_correction", label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", group: otherHandling, short: "逾期不补正"),
        Row(key: "other_unpaid_fee", label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", group: otherHandling, short: "逾期未缴费"),
        Row(key: "other_other", label: "3.其他", group: otherHandling, short: "其他"),
        Row(key: "outcome_total", label: "（七）总计", group: nil, short: "办理结果总计"),
        Row(key: "carried_forward", label: "四、结转下年度继续办理", group: nil, short: "结转下年度"),
    ]

    public static let applicationRows2019: [Row] = applicationRows2021.flatMap { row -> [Row] in
        if row.key == "other_no_correction" {
            return [Row(key: "other", label: "（六）其他处理", group: nil, short: "其他处理")]
        }
        if row.key.hasPrefix("other_") { return [] }
        return [row]
    }

    public static func applicationRows(_ edition: Edition) -> [Row] {
        edition == .format2019 ? applicationRows2019 : applicationRows2021
    }

    /// The rows whose sum is (七)总计 (rule 3).
    public static func outcomeRows(_ edition: Edition) -> [Row] {
        applicationRows(edition).filter { !["new", "carried_over", "outcome_total", "carried_forward"].contains($0.key) }
    }

    public static func application(_ row: String, _ column: String) -> String { "applications.\(row).\(column)" }

    // MARK: Section 四

    public static let reviewGroups: [Column] = [
        Column(key: "reconsideration", label: "行政复议"),
        Column(key: "litigation_direct", label: "行政诉讼·未经复议直接起诉"),
        Column(key: "litigation_after_reconsideration", label: "行政诉讼·复议后起诉"),
    ]

    public static let reviewColumns: [Column] = [
        Column(key: "upheld", label: "结果维持"),
        Column(key: "corrected", label: "结果纠正"),
        Column(key: "other", label: "其他结果"),
        Column(key: "pending", label: "尚未审结"),
        Column(key: "total", label: "总计"),
    ]

    public static func review(_ group: String, _ column: String) -> String { "reviews.\(group).\(column)" }

    /// The 15 review keys in the order the report prints them.
    public static let reviewKeys: [String] = reviewGroups.flatMap { g in reviewColumns.map { canonicalKey(review(g.key, $0.key)) } }

    /// `reviewKeys` with their places.
    public static let reviewPlacedKeys: [PlacedKey] = reviewKeys.map(PlacedKey.init)

    /// The figures the prose, the checks and the summaries name by themselves, with their
    /// places found once (looked up by their text, a hash of it, each time they were used).
    public enum Placed {
        public static let newTotal = PlacedKey(application("new", "total"))
        public static let carriedOverTotal = PlacedKey(application("carried_over", "total"))
        public static let outcomeTotal = PlacedKey(application("outcome_total", "total"))
        public static let carriedForwardTotal = PlacedKey(application("carried_forward", "total"))
        public static let proseReceived = PlacedKey(Prose.applicationsReceived)
        public static let prosePublished = PlacedKey(Prose.itemsPublished)
        /// Each review group's total, in the groups' order.
        public static let reviewTotals = reviewGroups.map { PlacedKey(review($0.key, "total")) }
    }

    // MARK: Section 二

    public struct ProactiveRow: Sendable, Hashable {
        public let key: String
        public let label: String
        public let columns: [Column]
        /// The 第二十条 item the row is printed under.
        public let article: String
    }

    public static let proactiveRows2021: [ProactiveRow] = {
        let docs = [Column(key: "issued", label: "本年制发件数"), Column(key: "repealed", label: "本年废止件数"),
                    Column(key: "in_force", label: "现行有效件数")]
        let decisions = [Column(key: "decisions", label: "本年处理决定数量")]
        return [
            ProactiveRow(key: "rules", label: "规章", columns: docs, article: "第二十条第（一）项"),
            ProactiveRow(key: "normative_documents", label: "行政规范性文件", columns: docs, article: "第二十条第（一）项"),
            ProactiveRow(key: "licensing", label: "行政许可", columns: decisions, article: "第二十条第（五）项"),
            ProactiveRow(key: "penalty", label: "行政处罚", columns: decisions, article: "第二十条第（六）项"),
            ProactiveRow(key: "coercion", label: "行政强制", columns: decisions, article: "第二十条第（六）项"),
            ProactiveRow(key: "fees", label: "行政事业性收费", columns: [Column(key: "amount", label: "本年收费金额（单位：万元）")],
                         article: "第二十条第（八）项"),
        ]
    }()

    public static let proactiveRows2019: [ProactiveRow] = {
        let docs = [Column(key: "made", label: "本年新制作数量"), Column(key: "published", label: "本年新公开数量"),
                    Column(key: "total_public", label: "对外公开总数量")]
        let items = [Column(key: "previous_items", label: "上一年项目数量"), Column(key: "change", label: "本年增/减"),
                     Column(key: "decisions", label: "处理决定数量")]
        return [
            ProactiveRow(key: "rules", label: "规章", columns: docs, article: "第二十条第（一）项"),
            ProactiveRow(key: "normative_documents", label: "规范性文件", columns: docs, article: "第二十条第（一）项"),
            ProactiveRow(key: "licensing", label: "行政许可", columns: items, article: "第二十条第（五）项"),
            ProactiveRow(key: "other_services", label: "其他对外管理服务事项", columns: items, article: "第二十条第（五）项"),
            ProactiveRow(key: "penalty", label: "行政处罚", columns: items, article: "第二十条第（六）项"),
            ProactiveRow(key: "coercion", label: "行政强制", columns: items, article: "第二十条第（六）项"),
            ProactiveRow(key: "fees", label: "行政事业性收费", columns: Array(items.prefix(2)), article: "第二十条第（八）项"),
            ProactiveRow(key: "procurement", label: "政府集中采购",
                         columns: [Column(key: "items", label: "采购项目数量"), Column(key: "amount", label: "采购总金额")],
                         article: "第二十条第（九）项"),
        ]
    }()

    public static func proactiveRows(_ edition: Edition) -> [ProactiveRow] {
        switch edition {
        case .format2019: proactiveRows2019
        case .format2021: proactiveRows2021
        case .free2008: []
        }
    }

    // MARK: Prose

    /// Figures stated in sentences that have no table cell of their own.
    public enum Prose {
        /// "共收到政府信息公开申请8件": restates a table figure (rule 5).
        public static let applicationsReceived = "prose.applications_received"
        /// "共发布信息7464条".
        public static let itemsPublished = "prose.items_published"
    }
}

extension FigureKeys {
    static let rowsByKey: [String: Row] = Dictionary(
        (applicationRows2021 + applicationRows2019).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })

    /// A short Chinese name for a key, for messages and chart labels
    /// ("本年新收·自然人", "行政复议·结果纠正").
    public static func label(for key: String) -> String {
        if let place = place(of: key) { return canonicalLabels[place] }
        return makeLabel(for: key)
    }

    /// The label of every canonical key, by place, made once: a label made on demand (the key
    /// split, its rows searched) cost some twenty thousand instructions, and every violation,
    /// inference and warning of a report names several.
    static let canonicalLabels: [String] = sortedCanonical.map(makeLabel)

    static func makeLabel(for key: String) -> String {
        let parts = key.split(separator: ".").map(String.init)
        guard parts.count == 3 else {
            switch key {
            case Prose.applicationsReceived: return "正文所述收到申请数"
            case Prose.itemsPublished: return "正文所述发布信息数"
            default: return key
            }
        }
        switch parts[0] {
        case "applications":
            let row = rowsByKey[parts[1]]?.short ?? parts[1]
            if parts[2] == "total" { return row }
            let column = applicantColumns.first { $0.key == parts[2] }?.label ?? parts[2]
            return "\(row)·\(column)"
        case "reviews":
            let group = reviewGroups.first { $0.key == parts[1] }?.label ?? parts[1]
            let column = reviewColumns.first { $0.key == parts[2] }?.label ?? parts[2]
            return "\(group)·\(column)"
        case "proactive":
            let rows = proactiveRows2021 + proactiveRows2019
            let row = rows.first { $0.key == parts[1] }
            let column = row?.columns.first { $0.key == parts[2] }?.label ?? parts[2]
            return "\(row?.label ?? parts[1])·\(column)"
        default:
            return key
        }
    }
}

extension FigureKeys {
    /// Every canonical key by its text, each one instance — its literal (`keyLiterals`), which
    /// the rows' key tables below hand out too, so that a parser keying its figures from them
    /// shares them (ten thousand reports then hold one copy of each key, and no thread counts
    /// references to it).
    static let canonical: [String: String] = Dictionary(uniqueKeysWithValues: keyLiterals.map { ($0, $0) })

    /// The canonical instance of a key (the key itself when it is not one).
    public static func canonicalKey(_ key: String) -> String { canonical[key] ?? key }

    /// Every key of every edition as the key tables make them: what `keyLiterals` lists, as a
    /// test checks.
    static var composedKeys: Set<String> {
        var keys: [String] = reviewKeys + [Prose.applicationsReceived, Prose.itemsPublished]
        keys += applicationKeysByRow.values.joined()
        keys += proactiveKeysByRow.values.lazy.flatMap { $0.values.joined() }
        return Set(keys)
    }

    /// Each applications-table row's keys, one per applicant column, made once.
    static let applicationKeysByRow: [String: [String]] = {
        var rows: [String: [String]] = [:]
        for edition in [Edition.format2019, .format2021] {
            for row in applicationRows(edition) where rows[row.key] == nil {
                rows[row.key] = applicantColumns.map { canonicalKey(application(row.key, $0.key)) }
            }
        }
        return rows
    }()

    /// The keys of an applications-table row, one per applicant column (canonical instances).
    public static func applicationKeys(_ row: String) -> [String] {
        applicationKeysByRow[row] ?? applicantColumns.map { application(row, $0.key) }
    }

    /// `applicationKeys` with their places (pages read a row's figures without hashing a key),
    /// from the row's facts.
    public static func applicationPlacedKeys(_ row: String) -> [PlacedKey] {
        applicationRowFacts[row]?.placed ?? applicationKeys(row).map(PlacedKey.init)
    }

    /// Each section 二 row's keys per edition (the editions' rows differ in their columns),
    /// one per column of its definition, made once; a key both editions have is one instance.
    static let proactiveKeysByRow: [Edition: [String: [String]]] = {
        var made: [String: String] = [:]
        var byEdition: [Edition: [String: [String]]] = [:]
        for edition in [Edition.format2019, .format2021] {
            for row in proactiveRows(edition) {
                byEdition[edition, default: [:]][row.key] = row.columns.map { column in
                    let key = canonicalKey("proactive.\(row.key).\(column.key)")
                    if let instance = made[key] { return instance }
                    made[key] = key
                    return key
                }
            }
        }
        return byEdition
    }()

    /// What the applications table's parser asks of a row it has read, found by one lookup of
    /// the row's key (three lookups by `String`, each hashing the key through its normal
    /// form, were a visible part of reading the table): its figures' keys with their places,
    /// the editions it belongs to, and whether it is an outcome row.
    struct ApplicationRowFacts: Sendable {
        let placed: [PlacedKey]
        let editions: [Edition]
        let isOutcome: Bool
    }

    /// `ApplicationRowFacts` of every row of either edition, by key, made once.
    static let applicationRowFacts: ByteKeyedMap<ApplicationRowFacts> = {
        let rowKeys = Edition.allCases.map { ($0, Set(applicationRows($0).map(\.key))) }
        let outcomes = Set(outcomeRows(.format2021).map(\.key) + outcomeRows(.format2019).map(\.key))
        var facts = ByteKeyedMap<ApplicationRowFacts>()
        for key in applicationKeysByRow.keys.sorted() {
            facts.set(ApplicationRowFacts(placed: applicationKeysByRow[key]!.map(PlacedKey.init),
                                          editions: rowKeys.filter { $0.1.contains(key) }.map(\.0),
                                          isOutcome: outcomes.contains(key)), for: key)
        }
        return facts
    }()

    /// Each edition's section 二 rows by key with their figures' keys and places: one lookup
    /// a row.
    static let proactiveRowFacts: [Edition: ByteKeyedMap<(row: ProactiveRow, placed: [PlacedKey])>] =
        Dictionary(uniqueKeysWithValues: Edition.allCases.map { edition in
            var facts = ByteKeyedMap<(row: ProactiveRow, placed: [PlacedKey])>()
            for row in proactiveRows(edition) where facts[row.key] == nil {
                facts.set((row, proactiveKeys(row, edition).map(PlacedKey.init)), for: row.key)
            }
            return (edition, facts)
        })

    /// A section 二 row's keys, one per column of its definition (canonical instances).
    public static func proactiveKeys(_ row: ProactiveRow, _ edition: Edition) -> [String] {
        proactiveKeysByRow[edition]?[row.key] ?? row.columns.map { "proactive.\(row.key).\($0.key)" }
    }

    /// `proactiveKeys` with their places, from the row's facts.
    public static func proactivePlacedKeys(_ row: ProactiveRow, _ edition: Edition) -> [PlacedKey] {
        proactiveRowFacts[edition]?[row.key]?.placed ?? proactiveKeys(row, edition).map(PlacedKey.init)
    }

    /// The canonical keys in code-point order (`<`): a key's place is its index here.
    public static let sortedCanonical: [String] = keyLiterals

    /// Each canonical key's place in code-point order (`<`).
    static let places: [String: Int] = Dictionary(uniqueKeysWithValues: sortedCanonical.enumerated().map { ($1, $0) })

    /// The positions of `keys` in key order, each with the key's place in `sortedCanonical`;
    /// nil when a key is not canonical.
    public static func orderedPlaces(of keys: [String]) -> [(index: Int, place: Int)]? {
        var packed: [Int] = []
        packed.reserveCapacity(keys.count)
        for (i, key) in keys.enumerated() {
            // Place and position packed in one integer: a plain integer sort.
            guard let place = places[key], keys.count < 1 << 20 else { return nil }
            packed.append(place << 20 | i)
        }
        packed.sort()
        return packed.map { ($0 & (1 << 20 - 1), $0 >> 20) }
    }

    /// The positions of `keys` in the order of the keys (`<`, code points): by the keys'
    /// precomputed places when all are canonical (comparing strings was a twentieth of a
    /// build), by the strings otherwise. Not generic, so that it is fast wherever it is used.
    public static func order(of keys: [String]) -> [Int] {
        orderedPlaces(of: keys)?.map(\.index) ?? keys.indices.sorted { keys[$0] < keys[$1] }
    }
}

extension FigureKeys {
    /// A canonical key's place in `sortedCanonical` (and so its slot in `Figures`); nil for
    /// a key that is not canonical.
    public static func place(of key: String) -> Int? { places[key] }
}
