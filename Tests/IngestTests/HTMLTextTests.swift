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
}
