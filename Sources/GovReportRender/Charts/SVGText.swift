import GovReportAnalyse
import GovReportCheck
import GovReportIngest

/// A piece of SVG written as UTF-8 bytes through string interpolation: literal parts are
/// copied, `\(coordinate:)` and `\(count:)` write numbers digit by digit, `\(escaped:)`
/// escapes text for HTML. Charts were written by interpolating Strings and appending them,
/// a tenth of a report page's cost; the bytes are the same.
struct SVGText: ExpressibleByStringInterpolation {
    var bytes: [UInt8] { interpolation.withBytes { Array($0) } }
    let interpolation: StringInterpolation

    init(stringLiteral literal: StaticString) {
        var interpolation = StringInterpolation(literalCapacity: literal.utf8CodeUnitCount, interpolationCount: 0)
        interpolation.appendLiteral(literal)
        self.interpolation = interpolation
    }

    init(stringInterpolation: StringInterpolation) {
        interpolation = stringInterpolation
    }

    /// A piece's bytes, held in place up to 256 bytes (most tags and attributes), in an array
    /// past that: an array made for every piece, its bytes appended through the array's
    /// generic append, was a third of writing a chart.
    struct StringInterpolation: StringInterpolationProtocol {
        static let room = 256
        private var inline: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                             UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                             UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                             UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
            = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        private var count = 0
        private var spilled: [UInt8]?

        init(literalCapacity: Int, interpolationCount: Int) {}

        /// The bytes written, for the time of `body`.
        func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            if let spilled { return spilled.withUnsafeBufferPointer(body) }
            return withUnsafeBytes(of: inline) { body(UnsafeBufferPointer(start: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)) }
        }

        @inline(__always)
        private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            if spilled == nil && count + bytes.count <= Self.room {
                let at = count
                withUnsafeMutableBytes(of: &inline) { ($0.baseAddress! + at).copyMemory(from: source, byteCount: bytes.count) }
                count += bytes.count
                return
            }
            if spilled == nil {
                var array = [UInt8]()
                array.reserveCapacity(2 * Self.room)
                withUnsafeBytes(of: &inline) { array.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
                spilled = array
            }
            spilled!.append(contentsOf: bytes)
            count += bytes.count
        }

        mutating func appendLiteral(_ literal: StaticString) {
            append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }

        /// Text as it is (identifiers, colours, text already escaped).
        mutating func appendInterpolation(_ text: String) {
            text.withUTF8Bytes { append($0) }
        }

        mutating func appendInterpolation(_ n: Int) {
            var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
            let written = withUnsafeMutableBytes(of: &scratch) { ByteSink.writeInteger(Int64(n), at: $0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
            withUnsafeBytes(of: &scratch) { append(UnsafeBufferPointer(start: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: written)) }
        }

        /// Text escaped for HTML (`HTML.escape`).
        mutating func appendInterpolation(escaped text: String) {
            HTML.escapedRuns(text) { append($0) }
        }

        /// A coordinate: rounded to a tenth, then as `NumberFormat.count` prints it — written
        /// from the whole number of tenths (`writeFormatted` of the tenth, which takes a
        /// fraction through a second rounding and its four decimals, writes the same digits:
        /// the whole part, and the tenths' digit after a point unless it is 0).
        mutating func appendInterpolation(coordinate v: Double) {
            let tenths = (v * 10).rounded()
            guard abs(tenths) < 1e12 else { return appendFormatted(tenths / 10) }
            let t = Int64(tenths)
            var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
            let written = withUnsafeMutableBytes(of: &scratch) { raw -> Int in
                let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                var n = 0
                if t < 0 { p[0] = 0x2D; n = 1 }
                n += ByteSink.writeInteger(Int64(t.magnitude / 10), at: p + n)
                let digit = t.magnitude % 10
                if digit != 0 {
                    p[n] = 0x2E
                    p[n + 1] = 0x30 + UInt8(digit)
                    n += 2
                }
                return n
            }
            withUnsafeBytes(of: &scratch) { append(UnsafeBufferPointer(start: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: written)) }
        }

        /// A figure as `NumberFormat.count` prints it ("—" for none).
        mutating func appendInterpolation(count v: Double?) {
            guard let v else { return appendLiteral("—") }
            appendFormatted(v)
        }

        /// `ExportRecord.appendFormatted`, written in place.
        private mutating func appendFormatted(_ v: Double) {
            var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            let written = withUnsafeMutableBytes(of: &scratch) { ExportRecord.writeFormatted(v, at: $0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
            guard let written else {
                var text = ConsistencyChecker.format(v)
                return text.withUTF8 { append($0) }
            }
            withUnsafeBytes(of: &scratch) { append(UnsafeBufferPointer(start: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: written)) }
        }
    }
}

/// An SVG document being written.
struct SVGWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    static func += (writer: inout SVGWriter, piece: SVGText) {
        piece.interpolation.withBytes { writer.bytes.append(contentsOf: $0) }
    }

    /// (Written from literals, valid strings, their escapes and digits: valid UTF-8 that
    /// needs no second check, some 7 instructions a byte of a chart.)
    var text: String { bytes.withUnsafeBufferPointer { String(validUTF8: $0) } }
}
