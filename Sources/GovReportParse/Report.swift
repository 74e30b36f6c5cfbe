import GovReportIngest

/// Everything read from one annual report file: metadata, figures and what went wrong.
public struct Report: Sendable {
    /// The input path as shown to the user.
    public var source: String
    public var agency: Agency?
    public var region: Region
    /// The year reported on (not the year of publication).
    public var year: Int?
    public var edition: Edition?
    /// ISO date (yyyy-MM-dd) of publication, where the report gives one.
    public var published: String?
    /// The line of the title, for links back into the file.
    public var titleLine: Int?
    public var figures: Figures
    /// Lines where the main parts begin, so that structure checks can name them.
    public var sectionLines: SectionTable<Int>
    /// The Chinese numeral each section heading was printed with ("三"), for the
    /// misnumbering check.
    public var sectionNumbers: SectionTable<String>
    /// What the parser could not read cleanly.
    public var diagnostics: [Diagnostic]
    /// False for a file that is not an annual report at all (a news article, a notice): no
    /// report title, fewer than two standard sections and no figures. Such files are named in
    /// an error and left out of the site and the export.
    public var isRecognised = true

    public init(source: String) {
        self.source = source
        region = Region()
        figures = [:]
        sectionLines = [:]
        sectionNumbers = [:]
        diagnostics = []
    }

    /// The key that links reports of the same body across years: the full agency name.
    public var agencyKey: String? { agency?.name }

    public func value(_ key: String) -> Double? { figures[key]?.value }
}

/// The six standard parts of a 2019/2021 report.
public enum Section: Int, Sendable, CaseIterable, Comparable, Codable {
    case overview = 1, proactive, applications, reviews, problems, other

    /// The numeral the national format gives the section.
    public var numeral: String {
        // (A switch: the array literal was made for every call.)
        switch self {
        case .overview: "一"
        case .proactive: "二"
        case .applications: "三"
        case .reviews: "四"
        case .problems: "五"
        case .other: "六"
        }
    }

    public var title: String {
        switch self {
        case .overview: "总体情况"
        case .proactive: "主动公开政府信息情况"
        case .applications: "收到和处理政府信息公开申请情况"
        case .reviews: "政府信息公开行政复议、行政诉讼情况"
        case .problems: "存在的主要问题及改进情况"
        case .other: "其他需要报告的事项"
        }
    }

    public static func < (a: Section, b: Section) -> Bool { a.rawValue < b.rawValue }
}
