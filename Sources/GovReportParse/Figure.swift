/// One figure of a report: a number, or a blank cell, with the line it was read from.
public struct Figure: Sendable, Hashable, Codable {
    /// Where the figure was read.
    public enum Origin: String, Sendable, Codable {
        /// A cell of one of the report's tables.
        case table
        /// A sentence of the report's prose.
        case prose
    }

    /// nil for a blank cell: the report prints the cell but leaves it empty. Never read as 0.
    public var value: Double?
    public var line: Int
    public var origin: Origin

    public init(_ value: Double?, line: Int, origin: Origin = .table) {
        self.value = value
        self.line = line
        self.origin = origin
    }
}

