import Foundation
import GovReportIngest

/// A small JSON writer for the export: keys sorted by code point, integers without a decimal
/// point, slashes and non-ASCII text left as they are. Foundation's `JSONSerialization` with
/// `.sortedKeys` compares keys through the locale on Linux and was most of the cost of
/// `govreport extract`.
enum JSONText {
    static func write(_ value: Any, pretty: Bool) -> String {
        var out = ""
        out.reserveCapacity(4096)
        append(value, to: &out, pretty: pretty, indent: 0)
        return out
    }

    static func append(_ value: Any, to out: inout String, pretty: Bool, indent: Int) {
        switch value {
        case let s as String:
            string(s, to: &out)
        case let b as Bool:
            out += b ? "true" : "false"
        case let i as Int:
            out += String(i)
        case let d as Double:
            number(d, to: &out)
        case let dict as [String: Any]:
            if dict.isEmpty { out += pretty ? "{\n\n" + spaces(indent) + "}" : "{}"; return }
            out += "{"
            for (n, key) in dict.keys.sorted().enumerated() {
                if n > 0 { out += "," }
                if pretty { out += "\n" + spaces(indent + 2) }
                string(key, to: &out)
                out += pretty ? " : " : ":"
                append(dict[key]!, to: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { out += "\n" + spaces(indent) }
            out += "}"
        case let array as [Any]:
            if array.isEmpty { out += pretty ? "[\n\n" + spaces(indent) + "]" : "[]"; return }
            out += "["
            for (n, item) in array.enumerated() {
                if n > 0 { out += "," }
                if pretty { out += "\n" + spaces(indent + 2) }
                append(item, to: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { out += "\n" + spaces(indent) }
            out += "]"
        default:
            out += "null"
        }
    }

    static func spaces(_ n: Int) -> String { String(repeating: " ", count: n) }

    /// A line break and `indent` spaces, from strings made once (a new one per member was a
    /// visible part of writing the pretty export).
    static let newlines: [String] = (0...32).map { "\n" + spaces($0) }

    static func newline<Sink: JSONSink>(indent: Int, to out: inout Sink) {
        if indent < newlines.count { out += newlines[indent] } else { out += "\n" + spaces(indent) }
    }

    static func number<Sink: JSONSink>(_ d: Double, to out: inout Sink) {
        guard d.isFinite else { out += "null"; return }
        if d.isWholeBelowE15 { out += String(Int64(d)) } else { out += "\(d)" }
    }

    /// `string` into text: the bytes of `string(_:to:)` into bytes, the one escaper.
    static func string(_ s: String, to out: inout String) {
        var bytes = ByteSink()
        string(s, to: &bytes)
        out += String(decoding: bytes.bytes, as: UTF8.self)
    }
}

extension JSONText {
    /// A JSON string of `s` into bytes, on the bytes: runs with nothing to escape copied
    /// whole; `"`, `\` and the controls escaped (`\n`, `\r`, `\t`, else `\u00xx`), and
    /// U+2028 and U+2029 (`\u2028`). A scalar walk it replaced went one scalar at a time
    /// through the whole text whenever it held a byte E2 — the lead of those two, and of the
    /// quotation marks ‘’ “” many a warning quotes a heading with.
    static func string(_ s: String, to out: inout ByteSink) {
        s.withUTF8Bytes { b in
            out.bytes.append(0x22)
            var start = 0, i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c >= 0x20 && c != 0x22 && c != 0x5C && c != 0xE2 {
                    i += 1
                    continue
                }
                var length = 1
                let escape: StaticString
                switch c {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0xE2:
                    // U+2028 and U+2029 (E2 80 A8, E2 80 A9); any other scalar stays.
                    guard i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 else {
                        i += 1
                        continue
                    }
                    escape = b[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                default:
                    // Another control character: \u00 and two lower-case hexadecimal digits.
                    out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
                    let hex: StaticString = "0123456789abcdef"
                    out.bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex.utf8Start[Int(c >> 4)], hex.utf8Start[Int(c & 15)]])
                    i += 1
                    start = i
                    continue
                }
                out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
                out.bytes.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                i += length
                start = i
            }
            out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<n]))
            out.bytes.append(0x22)
        }
    }
}

/// Where JSON text goes: a String, or bytes (`ByteSink`) for the exports, which are written
/// to files as bytes (appending to a String piece by piece, then copying it into bytes, was
/// most of making them).
protocol JSONSink {
    static func += (sink: inout Self, text: String)
}

extension String: JSONSink {}

/// UTF-8 bytes made the way a String is made by `+=`.
public struct ByteSink: JSONSink {
    var bytes: [UInt8] = []

    static func += (sink: inout ByteSink, text: String) {
        text.withUTF8Bytes { sink.bytes.append(contentsOf: $0) }
    }

    /// `JSONText.newline`, from byte strings made once.
    mutating func newline(indent: Int) {
        if indent < Self.newlines.count { bytes.append(contentsOf: Self.newlines[indent]) } else { self += "\n" + JSONText.spaces(indent) }
    }

    static let newlines: [[UInt8]] = JSONText.newlines.map { Array($0.utf8) }

    /// `JSONText.number`: a whole number digit by digit, anything else as Swift prints it.
    mutating func number(_ d: Double) {
        guard d.isFinite else { return self += "null" }
        guard d.isWholeBelowE15 else { return self += "\(d)" }
        Self.appendInteger(Int64(d), to: &bytes)
    }

    /// The decimal digits of `n` (below 10^15 in magnitude), with a minus sign when negative:
    /// the bytes of `String(n)`.
    public static func appendInteger(_ n: Int64, to bytes: inout [UInt8]) {
        if n >= 0 && n < 10 { return bytes.append(UInt8(truncatingIfNeeded: n) + 0x30) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { d in
            let count = writeInteger(n, at: d.baseAddress!.assumingMemoryBound(to: UInt8.self))
            // Byte by byte: appending the slice went through the generic copy of a collection,
            // dearer than the digits.
            for i in 0..<count { bytes.append(d[i]) }
        }
    }

    /// `appendInteger`'s bytes written at `p` (room for 20); their count. The one writer of
    /// an integer's digits (the CSV export's and the charts' numbers too), any Int64 (its
    /// magnitude taken unsigned, so that the least has one too).
    @inline(__always)
    public static func writeInteger(_ signed: Int64, at p: UnsafeMutablePointer<UInt8>) -> Int {
        var value = signed.magnitude
        var n = 0
        if signed < 0 { p[0] = 0x2D; n = 1 }
        var digits = 1
        var limit: UInt64 = 10
        while value >= limit && digits < 19 { digits += 1; limit = limit &* 10 }
        var k = n + digits - 1
        repeat { p[k] = UInt8(truncatingIfNeeded: value % 10) + 0x30; value /= 10; k -= 1 } while value > 0
        return n + digits
    }
}
