import Foundation
@testable import GovReportIngest
import Testing

@Suite struct HTMLTextTests {
    /// Cell and text contents as libxml2 hands them over, line ends and tabs of every kind,
    /// marks after them, CR LF pairs.
    static let contents = [
        "", "\n", "\t\t", "申请人\n数", "  行政\t许可 ", "a\r\nb", "\r\n\r\n总计\r\n", "x\u{2028}y\u{2029}z\u{85}w\u{0B}v\u{0C}u",
        "\n\u{301}甲", "一\n\n\n二\t\t三\n", "e\u{301}\tf", "\u{3000}\n\u{3000}",
    ]

    @Test func joinedRunsSplitAsCharactersDo() {
        for s in Self.contents {
            // Cells: every line end and tab.
            #expect(HTMLText.joinedRuns(s, separatedBy: HTMLText.breaksCell)
                    == s.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " "), "\(s.debugDescription)")
            // Prose: "\n" and "\t" (texts with a CR keep the character test).
            if !s.utf8.contains(0x0D) {
                #expect(HTMLText.joinedRuns(s) { $0 == "\n" || $0 == "\t" }
                        == s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " "), "\(s.debugDescription)")
            }
        }
    }

    @Test func declaredCharsetsAreReplacedAsTheExpressionReplacesThem() {
        // Pieces of charset declarations and their near misses: every kind of white space
        // (and U+200B, which is not), quotes, name bytes, letters in other case, and the two
        // letters outside ASCII that match ASCII ones when case is ignored.
        let pieces = ["charset", "CharSet", "charse", "chars\u{17F}t", "=", " ", "\t", "\u{0B}", "\u{85}", "\u{A0}", "\u{1680}",
                      "\u{2000}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{202F}", "\u{205F}", "\u{3000}", "\"", "'", "gb2312",
                      "UTF-8", "_", "-", "\u{212A}", "é", "<meta ", ">", "c", ";", "中"]
        let words = ["charset", "CharSet", "charse", "chars\u{17F}t", "CHARSET", "c"]
        let spaces = ["", "", " ", "\t", "\u{0B}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{200B}", "\u{2028}",
                      "\u{202F}", "\u{205F}", "\u{3000}", "  "]
        let equals = ["=", "=", "=", ":", ""]
        let quotes = ["", "", "\"", "'", "\"\""]
        let names = ["gb2312", "UTF-8", "_", "-", "\u{212A}", "é", "", ";", "中", "big5_x-1"]
        let around = ["", "<meta ", ">", ";", "中", "charset", " "]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func pick(_ list: [String]) -> String {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return list[Int((state >> 33) % UInt64(list.count))]
        }
        var cases = ["", "charset=gbk", "<meta charset = 'GB2312'>", "charset=\"\"", "charset=\"x", "charset\u{3000}=\u{85}big5;charset=a"]
        for _ in 0..<5_000 {
            var text = pick(around)
            for _ in 0..<2 {
                text += pick(words) + pick(spaces) + pick(spaces) + pick(equals) + pick(spaces) + pick(quotes) + pick(names) + pick(names) + pick(around)
            }
            cases.append(text)
        }
        var replaced = 0
        for html in cases {
            let expected = Array(HTMLText.declaredCharset.stringByReplacingMatches(
                in: html, range: NSRange(html.startIndex..., in: html), withTemplate: "charset=utf-8").utf8)
            let got = HTMLText.utf8DeclaringCharset(html)
            #expect(got == expected, "\(html.debugDescription)")
            if expected != Array(html.utf8) { replaced += 1 }
        }
        // The cases do exercise the replacement, not only its absence.
        #expect(replaced > 1_000)
    }

    @Test func runsJoinedOnBytesAsOnScalars() {
        // (With the spaces a cell's ends are trimmed of, and characters whose bytes start as
        // theirs do: 、 is E3 80 81 against U+3000's E3 80 80, U+1681 E1 9A 81 against U+1680.)
        let alphabet = ["\n", "\t", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", " ", "a", "中", "\u{301}", "é",
                        "\u{3000}", "、", "\u{1680}", "\u{1681}", "\u{A0}", "\u{2003}", "“", "1"]
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        var samples = Self.contents
        var plain = 0
        // (Every other sample without separators, and with spaces only at its ends.)
        let plainAlphabet = ["a", "中", "é", "、", "\u{1681}", "1", "\u{301}"]
        let ends = ["", "", " ", "\u{3000}", "\u{1680}", "、", "\u{1681}", "\u{A0}"]
        for k in 0..<5_000 {
            var s = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let letters = k % 2 == 0 ? alphabet : plainAlphabet
            for _ in 0..<(Int(state >> 60)) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                s += letters[Int((state >> 33) % UInt64(letters.count))]
            }
            if k % 2 == 1 { s = ends[Int(state >> 61)] + s + ends[Int((state >> 58) & 7)] }
            samples.append(s)
        }
        for s in samples {
            #expect(Array(HTMLText.joinedCellRuns(s).utf8) == Array(HTMLText.joinedRuns(s, separatedBy: HTMLText.breaksCell).utf8), "\(s.debugDescription)")
            #expect(Array(HTMLText.joinedLineRuns(s).utf8) == Array(HTMLText.joinedRuns(s) { $0 == "\n" || $0 == "\t" }.utf8), "\(s.debugDescription)")
            // A row cell's line, made on the bytes in one buffer: the runs joined by spaces,
            // trimmed, after a tab, as the three string steps made it; blank cells spanning
            // columns repeated.
            if !s.isEmpty && s.withUTF8Bytes({ HTMLText.isPlainCell($0) }) { plain += 1 }
            for colspan in [nil, 1, 3] {
                var writer = HTMLText.Writer()
                writer.cell(s, colspan: colspan, line: 7)
                let content = HTMLText.joinedRuns(s, separatedBy: HTMLText.breaksCell).trimmedSpaces
                let expected = ["\t" + content] + (content.isEmpty && (colspan ?? 1) > 1 ? ["\t", "\t"] : [])
                #expect(writer.lines.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(s.debugDescription) \(String(describing: colspan))")
                #expect(writer.sourceLines == Array(repeating: 7, count: expected.count))
            }
        }
        // Both ways of making a cell's line are taken (`isPlainCell`'s shortcut and the runs).
        #expect(plain > 250 && plain < samples.count - 250, "\(plain) of \(samples.count) plain")
    }

    @Test func cellBreaksAreTheNewlineCharactersAndTab() {
        var differ: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            if HTMLText.breaksCell(u) != (Character(u).isNewline || u == "\t") { differ.append(v) }
        }
        #expect(differ.isEmpty, "differ at \(differ.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func tableCellsBecomeOneCellPerLineBlocks() {
        let html = "<html><body><p>2021年\n政府信息公开\t工作年度报告</p><table><tr><td>行政\n许可</td><td colspan=\"2\"></td><td>12</td></tr></table></body></html>"
        let (lines, sourceLines) = HTMLText.lines(fromHTML: html)
        #expect(lines == ["2021年 政府信息公开 工作年度报告", "", "\t行政 许可", "\t", "\t", "\t12", "", ""])
        #expect(sourceLines.count == lines.count)
    }

    @Test func elementKindsReadOnBytesAreTheKindsOfTheLowerCasedNames() {
        func bytes(_ name: String) -> HTMLText.Kind {
            var c = Array(name.utf8)
            c.append(0)
            return c.withUnsafeBufferPointer { HTMLText.kind(cName: $0.baseAddress!) }
        }
        var names = HTMLText.skipped.sorted() + HTMLText.blocks.sorted() + ["tr", "td", "th", "table", "title", "", "span", "a",
                    "tbody", "figcaptions", "blockquot", "blockquotes", "h7", "trx", "t", "tablee", "abcdefghijklmnop",
                    "abcdefghijklmnopq", "bloc\u{212A}quote", "TÍTLE", "dıv", "td\u{301}"]
        var random = SystemRandomNumberGenerator()
        for name in names {
            // Each known name in upper and mixed case too.
            names.append(name.uppercased())
            names.append(String(name.enumerated().map { $0.offset % 2 == 0 ? Character($0.element.uppercased()) : $0.element }))
        }
        for _ in 0..<3000 {
            names.append(String((0..<Int.random(in: 1...18, using: &random)).map { _ in "abdhilprtTD1ı".randomElement(using: &random)! }))
        }
        var known = 0
        for name in names {
            let want = HTMLText.kind(named: name.lowercased())
            #expect(bytes(name) == want, "\(name.debugDescription)")
            if want != .inline { known += 1 }
        }
        #expect(known > 150)
    }
}
