import Foundation
import GovReportCheck
import Testing
@testable import GovReportRender
import GovReportAnalyse

/// Charts write their numbers and text as bytes; they must be the bytes the String
/// functions the charts were first written with give.
@Suite struct SVGTextTests {
    @Test func numbersAreWrittenAsTheFormatterWritesThem() {
        var random = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 1, -1, 0.5, -0.5, 0.05, 0.00005, 0.00004, 1234.5678, 99999.99995, 1e14, 1e15, -1e15, 1e16,
                                .infinity, -.infinity, .nan, 0.1 + 0.2, 640, 56.25, 123.4, 1e-9]
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -3...16, using: &random)
            let v = (Bool.random(using: &random) ? 1 : -1) * pow(10, magnitude) * Double.random(in: 0...1, using: &random)
            values.append(v)
            values.append((v * 10).rounded() / 10)
        }
        for v in values {
            var bytes: [UInt8] = []
            ExportRecord.appendFormatted(v, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == ConsistencyChecker.format(v), "\(v)")
            let coordinate: SVGText = "\(coordinate: v)"
            #expect(String(decoding: coordinate.bytes, as: UTF8.self) == chartNumber(v), "\(v)")
            let count: SVGText = "\(count: v)|\(count: nil)"
            #expect(String(decoding: count.bytes, as: UTF8.self) == NumberFormat.count(v) + "|" + NumberFormat.count(nil), "\(v)")
        }
    }

    /// A piece is held in place up to 256 bytes and moves to an array past that: every length
    /// across the limit, with integers of every size and sign, reads back whole and in order.
    @Test func piecesOfEveryLengthReadBackWhole() {
        for length in 0..<600 {
            let text = String(repeating: "a", count: length)
            for n in [0, 7, -42, 1_000_000, Int.max, Int.min] {
                let piece: SVGText = "<\(text)|\(n)|\(escaped: "&\(text)")>"
                let expected = "<" + text + "|" + String(n) + "|&amp;" + text + ">"
                #expect(String(decoding: piece.bytes, as: UTF8.self) == expected, "\(length) \(n)")
                var writer = SVGWriter()
                writer += piece
                writer += "x"
                #expect(writer.text == expected + "x")
            }
        }
    }

    @Test func textIsEscapedAsHTMLEscapesIt() {
        for text in ["", "a&b", "<g>", "\"'", "政府信息公开", "e\u{301}&\u{301}", "&amp;", String(repeating: "<公>", count: 30)] {
            let piece: SVGText = "[\(escaped: text)|\(text)|\(7)]"
            #expect(String(decoding: piece.bytes, as: UTF8.self) == "[" + HTML.escape(text) + "|" + text + "|7]")
        }
    }
}
