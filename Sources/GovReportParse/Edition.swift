/// The three editions of the annual report. The edition decides which tables exist and
/// which columns they have, so it is read before any figure.
public enum Edition: String, Sendable, Codable, CaseIterable, Comparable {
    /// Free-form prose, reports on 2008–2018.
    case free2008 = "2008"
    /// The first national format, reports on 2019–2020.
    case format2019 = "2019"
    /// The current national format, reports on 2021 onwards.
    case format2021 = "2021"

    public var displayName: String {
        switch self {
        case .free2008: "2008 版（自由行文）"
        case .format2019: "2019 版格式"
        case .format2021: "2021 版格式"
        }
    }

    public var hasTables: Bool { self != .free2008 }

    public static func < (a: Edition, b: Edition) -> Bool { a.rawValue < b.rawValue }
}
