import GovReportRender
import Testing

@Suite struct MarkdownTests {
    @Test func chineseTextIsKeptAsIs() {
        #expect(Markdown.html("政府信息公开工作年度报告") == "<p>政府信息公开工作年度报告</p>\n")
    }

    @Test func emphasisAndStrong() {
        #expect(Markdown.html("新收申请 **36** 件，*推算*") == "<p>新收申请 <strong>36</strong> 件，<em>推算</em></p>\n")
    }

    @Test func lists() {
        #expect(Markdown.html("- 予以公开\n- 部分公开\n") == "<ul>\n<li>予以公开</li>\n<li>部分公开</li>\n</ul>\n")
        #expect(Markdown.html("1. 一\n2. 二\n") == "<ol>\n<li>一</li>\n<li>二</li>\n</ol>\n")
    }

    @Test func rawHTMLIsOmittedByDefault() {
        let html = Markdown.html("<script>alert(1)</script>\n\n段落<img src=x onerror=alert(1)>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("raw HTML omitted"))
        #expect(html.contains("段落"))
    }

    @Test func rawHTMLKeptOnlyWhenUnsafeIsAsked() {
        #expect(Markdown.html("<b>粗</b>", options: [.unsafe]).contains("<b>粗</b>"))
    }

    @Test func dangerousLinksAreDroppedByDefault() {
        let html = Markdown.html("[点击](javascript:alert(1))")
        #expect(!html.contains("javascript:"))
    }

    @Test func smartPunctuation() {
        #expect(Markdown.html("\"引号\" -- 破折号...") == "<p>“引号” – 破折号…</p>\n")
    }

    @Test func invalidUTF8IsReplaced() {
        // A lone continuation byte cannot come from a Swift String, so build the input from
        // bytes the way a damaged file would give them.
        let damaged = String(decoding: [0xE6, 0x94, 0xBF, 0x80, 0x41], as: UTF8.self)
        #expect(Markdown.html(damaged).contains("政\u{FFFD}A") || Markdown.html(damaged).contains("\u{FFFD}"))
    }

    @Test func escapingKeepsReportTextLiteral() {
        let name = "某局*办公室*<b>"
        let html = Markdown.html(Markdown.escape(name))
        #expect(html == "<p>某局*办公室*&lt;b&gt;</p>\n")
    }

    @Test func linksToCmarkVersion030() {
        #expect(Markdown.cmarkVersion.hasPrefix("0."))
    }

    @Test func escapingByBytesMatchesEscapingByCharacters() {
        // The character-by-character escape, as it was written first.
        func reference(_ text: String) -> String {
            var out = ""
            for c in text {
                if "\\`*_{}[]()#+-.!<>&|~".contains(c) { out.append("\\") }
                out.append(c)
            }
            return out
        }
        let texts = ["西安市新城区人民政府办公室", "1.5%", "a_b*c", "[链接](http://x)", "*\u{301}强调", "e\u{301}_x",
                     "<script>", "~|&!", "", "（三）不予公开", "#1 - 2"]
        for text in texts { #expect(Markdown.escape(text) == reference(text), "\(text.debugDescription)") }
        #expect(Markdown.escape("*\u{301}a_") == "*\u{301}a\\_")
    }
}
