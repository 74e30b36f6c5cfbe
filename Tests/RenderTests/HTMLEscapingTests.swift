import Foundation
import Testing
@testable import GovReportRender

/// Pages are rendered into bytes (`PageBytes`); the byte escaper must give exactly the text escaper's output.
@Suite struct HTMLEscapingTests {
    /// The escape as a table of characters: the reference both escapers are held to.
    static func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func bytesEscapeAsTextDoes() {
        // Short (stored inline) and long strings, with the five characters at the start, the
        // end, side by side and after combining marks.
        let pieces = ["&", "<", ">", "\"", "'", "a", "政", "\u{301}", "1", " ", "&amp;", "<<", "'\"", "市人民政府办公室", "e\u{301}"]
        var random = SystemRandomNumberGenerator()
        var texts = ["", "plain", "<", "'&'", String(repeating: "公开", count: 40)]
        for length in [1, 2, 3, 5, 8, 15, 16, 40] {
            for _ in 0..<300 {
                texts.append((0..<length).map { _ in pieces.randomElement(using: &random)! }.joined())
            }
        }
        var escapedSome = 0
        for text in texts {
            let want = Self.reference(text)
            // A small buffer, so that appends grow it.
            let bytes = PageBytes(capacity: 4)
            bytes.append("前")
            HTML.append(text, to: bytes)
            #expect(bytes.bytes == Array(("前" + want).utf8), "\(text.debugDescription)")
            #expect(HTML.escape(text) == want, "\(text.debugDescription)")
            let plain = PageBytes(capacity: 1)
            plain.append("A")
            plain.append(text)
            plain.append(bytes)
            #expect(plain.bytes == Array(("A" + text + "前" + want).utf8))
            #expect(plain.data == Data(plain.bytes) && plain.count == plain.bytes.count)
            if want != text { escapedSome += 1 }
        }
        #expect(escapedSome > 1_000)
    }
}
