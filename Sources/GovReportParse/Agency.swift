/// The body that published a report, as the report names it, with how the name was found.
/// Reports of the same body in different years are linked through `key`.
public struct Agency: Sendable, Hashable, Codable {
    /// Where in the report the name was found; shown on the site so that a reader can judge it.
    public enum Source: String, Sendable, Codable {
        case title
        case signature
        case webPageChrome = "web-page chrome"
    }

    /// The full name ("西安市高陵区人民政府办公室").
    public var name: String
    /// The name exactly as printed, when it differs from `name` (e.g. "区人民政府办公室"
    /// completed with the region named in the text).
    public var printedName: String?
    public var source: Source

    public init(name: String, printedName: String? = nil, source: Source) {
        self.name = name
        self.printedName = printedName
        self.source = source
    }
}
