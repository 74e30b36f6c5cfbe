import Foundation

extension String {
    /// A range an expression matched (UTF-16 offsets, as `NSRegularExpression` gives them) as
    /// indices of the text. At scalar boundaries, not only at character boundaries as
    /// `Range(_:in:)` requires — which gives nil for a group that starts or ends inside a
    /// character (a value after a space that a combining mark joins, a district name a mark
    /// follows, a sentence a prepend mark starts): a report holding one stopped the whole build
    /// where the nil was forced, and lost the value where it was skipped. `range` must be a
    /// group that took part in the match (not `NSNotFound`).
    func scalarRange(_ range: NSRange) -> Range<String.Index> {
        let u = utf16
        let lower = u.index(u.startIndex, offsetBy: range.location)
        return lower..<u.index(lower, offsetBy: range.length)
    }
}
