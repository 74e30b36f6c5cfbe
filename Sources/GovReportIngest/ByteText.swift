/// A text as a key that tells texts apart by their UTF-8 bytes: `String` hashes and compares
/// through the normal form, which for Chinese text is a visible cost, and canonically equal
/// texts in other bytes must stay apart where they are kept byte for byte (the build cache's
/// string table) or can be read differently (an expression's match). Equal bytes, equal keys.
public struct ByteText: Hashable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: ByteText, b: ByteText) -> Bool { a.text.hasSameBytes(as: b.text) }

    public func hash(into hasher: inout Hasher) { text.hashBytes(into: &hasher) }
}
