/// Settings of the generated site that are not read from reports.
public struct SiteSettings: Sendable {
    public var title: String
    /// Written in each page's footer; no version or date, so that rebuilds are identical.
    public var generator: String

    public init(title: String = "政府信息公开工作年度报告汇总", generator: String = "govreport") {
        self.title = title
        self.generator = generator
    }
}
