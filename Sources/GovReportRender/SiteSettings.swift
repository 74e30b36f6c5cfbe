import Foundation
import Yams

/// Settings of the generated site that are not read from reports, from an optional YAML file
/// (`govreport.yml` in the current folder, or `--config FILE`):
///
/// ```yaml
/// title: 某市政府信息公开年报汇总
/// subtitle: 市政务公开办 编
/// base_url: https://gk.example.gov.cn/annual/   # enables sitemap.xml
/// language: zh-CN
/// lead_indicators: [received, disclosure_rate, handled]
/// ```
public struct SiteSettings: Sendable, Equatable {
    public var title: String
    public var subtitle: String?
    /// Absolute URL the site is published under; a `sitemap.xml` is written when set.
    public var baseURL: String?
    public var language: String
    /// The indicator columns of the index table, in order.
    public var leadIndicators: [IndexIndicator]
    /// Written in each page's footer; no version or date, so that rebuilds are identical.
    public var generator: String
    /// Every page a single file with its CSS inline, to be mailed or attached (`--standalone`).
    public var standalone = false
    /// Set by the builder: the stylesheet text for standalone pages.
    var inlineStyle: String?
    /// Set by the builder: the policy every page carries (no script, no external load).
    var contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"

    public init(title: String = "政府信息公开工作年度报告汇总", subtitle: String? = nil, baseURL: String? = nil,
                language: String = "zh-CN", leadIndicators: [IndexIndicator] = IndexIndicator.defaults, generator: String = "govreport") {
        self.title = title
        self.subtitle = subtitle
        self.baseURL = baseURL
        self.language = language
        self.leadIndicators = leadIndicators
        self.generator = generator
    }

    struct File: Decodable {
        var title: String?
        var subtitle: String?
        var base_url: String?
        var language: String?
        var lead_indicators: [String]?
    }

    /// Reads a YAML settings file; errors name the file and what is wrong.
    public static func load(from url: URL) throws(BuildError) -> SiteSettings {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw .config(path: url.path, reason: "cannot read the settings file")
        }
        let file: File
        do { file = try YAMLDecoder().decode(File.self, from: text) } catch {
            throw .config(path: url.path, reason: "not valid settings: \(error)")
        }
        var settings = SiteSettings()
        if let t = file.title { settings.title = t }
        settings.subtitle = file.subtitle
        if let base = file.base_url {
            guard let u = URL(string: base), ["http", "https"].contains(u.scheme ?? "") else {
                throw .config(path: url.path, reason: "base_url must be an http(s) URL")
            }
            settings.baseURL = base.hasSuffix("/") ? base : base + "/"
        }
        if let l = file.language {
            guard l.range(of: #"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"#, options: .regularExpression) != nil else {
                throw .config(path: url.path, reason: "language must be a language tag such as zh-CN")
            }
            settings.language = l
        }
        if let lead = file.lead_indicators {
            var indicators: [IndexIndicator] = []
            for name in lead {
                guard let i = IndexIndicator(rawValue: name) else {
                    throw .config(path: url.path, reason: "unknown indicator ‘\(name)’; known: \(IndexIndicator.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                indicators.append(i)
            }
            settings.leadIndicators = indicators
        }
        return settings
    }
}

/// The indicators the index table can lead with.
public enum IndexIndicator: String, CaseIterable, Sendable {
    case received, carried_over, handled, disclosed, disclosure_rate, refusal_rate, unavailable_share, carried_forward, reviews

    public static let defaults: [IndexIndicator] = [.received, .disclosed, .handled, .disclosure_rate]

    var label: String {
        switch self {
        case .received: "新收申请"
        case .carried_over: "上年结转"
        case .handled: "办理结果总计"
        case .disclosed: "予以公开"
        case .disclosure_rate: "公开率"
        case .refusal_rate: "不予公开率"
        case .unavailable_share: "无法提供占比"
        case .carried_forward: "结转下年度"
        case .reviews: "复议诉讼"
        }
    }
}
