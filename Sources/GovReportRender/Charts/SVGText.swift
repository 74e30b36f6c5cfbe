import GovReportAnalyse

/// A piece of SVG written as UTF-8 bytes through string interpolation: literal parts are
/// copied, `\(coordinate:)` and `\(count:)` write numbers digit by digit, `\(escaped:)`
/// escapes text for HTML. Charts were written by interpolating Strings and appending them,
/// a tenth of a report page's cost; the bytes are the same.
struct SVGText: ExpressibleByStringInterpolation {
    var bytes: [UInt8]

    init(stringLiteral literal: StaticString) {
        bytes = Array(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    init(stringInterpolation: StringInterpolation) {
        bytes = stringInterpolation.bytes
    }

    struct StringInterpolation: StringInterpolationProtocol {
        var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + 12 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }

        /// Text as it is (identifiers, colours, text already escaped).
        mutating func appendInterpolation(_ text: String) {
            bytes.append(contentsOf: text.utf8)
        }

        mutating func appendInterpolation(_ n: Int) {
            ByteSink.appendInteger(Int64(n), to: &bytes)
        }

        /// Text escaped for HTML (`HTML.escape`).
        mutating func appendInterpolation(escaped text: String) {
            HTML.append(text, to: &bytes)
        }

        /// A coordinate: rounded to a tenth, then as `NumberFormat.count` prints it.
        mutating func appendInterpolation(coordinate v: Double) {
            ExportRecord.appendFormatted((v * 10).rounded() / 10, to: &bytes)
        }

        /// A figure as `NumberFormat.count` prints it ("—" for none).
        mutating func appendInterpolation(count v: Double?) {
            guard let v else { return bytes.append(contentsOf: "—".utf8) }
            ExportRecord.appendFormatted(v, to: &bytes)
        }
    }
}

/// An SVG document being written.
struct SVGWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    static func += (writer: inout SVGWriter, piece: SVGText) {
        writer.bytes.append(contentsOf: piece.bytes)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
