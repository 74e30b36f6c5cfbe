import Foundation

/// A text as a key for grouping and sorting, equal, hashed and ordered as `String` is
/// (canonical equivalence, the order of normalized scalars), but read on its bytes when it is
/// plain: made only of scalars that normalization leaves as they are and that nothing can
/// join (ASCII, the unified ideographs, CJK and general punctuation without combining marks,
/// full-width forms). Agency names are such text, and `String` hashed and compared them
/// through their normal form: grouping and ordering ten thousand reports by agency was a
/// tenth of planning a rebuild.
public struct TextKey: Hashable, Comparable, Sendable {
    public let text: String
    /// Every scalar plain: the text is its own normal form, so its bytes decide.
    let plain: Bool

    public init(_ text: String) {
        self.text = text
        plain = Self.isPlain(text)
    }

    /// Scalars with no canonical decomposition, combining class 0 and no composition with the
    /// scalar before them.
    @inline(__always)
    static func isPlainScalar(_ v: UInt32) -> Bool {
        v < 0x80 || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x3000 && v <= 0x3029)
            || (v >= 0x3030 && v <= 0x303F) || (v >= 0xFF01 && v <= 0xFF60) || (v >= 0x2010 && v <= 0x2027)
            || (v >= 0x2030 && v <= 0x205E)
    }

    static func isPlain(_ text: String) -> Bool {
        text.allScalars(ascii: { _ in true }, isPlainScalar)
    }

    public static func == (a: TextKey, b: TextKey) -> Bool {
        guard a.plain && b.plain else { return a.text == b.text }
        return a.text.hasSameBytes(as: b.text)
    }

    public static func < (a: TextKey, b: TextKey) -> Bool {
        guard a.plain && b.plain else { return a.text < b.text }
        return a.text.compareBytes(b.text) < 0
    }

    /// Plain text by its bytes, any other by the bytes of its normal form (NFC), which for
    /// text canonically equal to a plain one are that one's bytes.
    public func hash(into hasher: inout Hasher) {
        (plain ? text : text.precomposedStringWithCanonicalMapping).hashBytes(into: &hasher)
    }
}
