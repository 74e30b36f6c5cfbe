import Foundation
@testable import GovReportIngest
import Testing
import TestSupport

/// The streaming reader of web pages gives exactly the lines (and source lines) the walk over
/// libxml2's document tree gives: on the markup that makes the tree builder do something of
/// its own, and on random pages made of it (the generated pages: `GeneratedWebPagesTests`).
@Suite struct HTMLEventsTests {
    static func expectSame(_ html: String, _ comment: @autoclosure () -> String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let tree = HTMLText.linesByTree(fromHTML: html)
        let events = HTMLText.lines(fromHTML: html)
        #expect(events.lines == tree.lines, "\(comment()) \(html.debugDescription)", sourceLocation: sourceLocation)
        #expect(events.sourceLines == tree.sourceLines, "\(comment()) \(html.debugDescription)", sourceLocation: sourceLocation)
    }

    /// Markup where the tree builder decides something: blank text kept or dropped by what
    /// precedes it, comments and processing instructions between runs, prefixed names, a
    /// title anywhere, content after the root, doctypes early and late, script in cells,
    /// character references, NULs, spans, nesting beyond the parser's limit.
    static let cases = [
        "<html><body><p>a</p> <p>b</p></body></html>",
        "<p><b>x</b> <i>y</i></p>",
        "<div><div>x</div>\n  <div>y</div></div>",
        "<table> <tr> <td> 1 </td> <td>2</td> </tr>\n</table>",
        "<p>a<!-- c --> <b>b</b></p>",
        "<p>a<!-- c -->b</p>",
        "<p>a<?php x ?> b</p>",
        "<span> </span><span>x</span>",
        "<o:p>甲</o:p><o:p>乙</o:p><x:td>1</x:td>",
        "<table><tr><o:td>1</o:td><td colspan=3></td><td colspan=\"x\">2</td><td colspan>3</td></tr></table>",
        "<html><head><title>标题</title></head><body>正文</body></html>",
        "<body><svg><title>图</title></svg><p>x</p><title>第二</title></body>",
        "<html><body>a</body></html><p>after</p><table><tr><td>9</td></tr></table>",
        "<!DOCTYPE html><html><body>a</body></html><p>after</p>",
        "<!-- first --><html><body>a</body></html><p>after</p>",
        "<html><body>a</body></html><!DOCTYPE html><p>after</p>",
        "<html><body><!DOCTYPE html>a</body></html><p>after</p>",
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><html><body> <p>x</p> </body></html>",
        "<table><tr><td>a<script>var x = 1;</script>b</td><td><style> p {} </style></td></tr></table>",
        "<p>a&#32;<b>b</b>&#x20;<i>c</i>&#9;</p><div></div>&#32;<div></div>",
        "<p>x&amp;y &nbsp; &unknown; &#0; &#12288;</p>",
        "<p>a\u{0}b</p><table><tr><td>1\u{0}2</td></tr></table>",
        "<table><tr><td>1<table><tr><td>2</td></tr></table></td><td>3</td></tr></table>",
        "<tr><td>lonely</td></tr><td>cell</td>",
        "<table><tr>text<div>d</div><td>1</td></tr></table>",
        "<p>\r\n  a \r\n b</p>\r\n<p>\r\n</p>",
        "<pre>  x\n  y</pre>",
        "<ul><li>一</li> <li>二</li></ul>",
        "text before <html> and inside",
        "<html><body><p>unclosed <b>bold <i>italic",
        "<p>a</p>\u{0C}<p>b</p> \u{1}<p>c</p>",
        String(repeating: "<div>", count: 300) + "deep" + String(repeating: "</div>", count: 300) + "<p>after</p>",
        String(repeating: "<span>", count: 256) + "x" + "<b>y</b>",
    ]

    @Test func treeBuilderDecisionsAreFollowed() {
        for html in Self.cases { Self.expectSame(html) }
    }

    /// Random pages of the pieces above: tags of every kind the reader tells apart, blanks,
    /// comments, references, prefixes, doctypes, top-level content.
    @Test func randomPagesReadAsTheTreeReadsThem() {
        let pieces = ["<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<span>", "</span>", "<table>", "</table>", "<tr>", "</tr>",
                      "<td>", "</td>", "<th colspan=2>", "<td colspan=4>", "</th>", "<br>", "<title>", "</title>", "<head>",
                      "</head>", "<body>", "</body>", "<html>", "</html>", "<script>", "</script>", "<style>", "</style>",
                      "<o:p>", "</o:p>", "<!-- c -->", "<?pi x?>", "<!DOCTYPE html>", " ", "  ", "\n", "\r\n", "\t", "&#32;",
                      "&#x20;", "&amp;", "&nbsp;", "甲", "乙 丙", "12", "x", "<li>", "</li>", "<ul>", "<pre>", "</pre>",
                      "<img src=a>", "<a href=b>", "</a>", "<font>", "</font>", "<h1>", "</h1>", "<caption>", "</caption>"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(pieces.count))
        }
        for _ in 0..<3000 {
            var html = ""
            for _ in 0..<(5 + next() % 40) { html += pieces[next()] }
            Self.expectSame(html)
        }
    }

    @Test func characterReferencesAreRecognisedBeforeTheCursor() {
        func follows(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { b in
                HTMLMarkup.followsCharacterReference(b.baseAddress! + b.count, base: b.baseAddress!)
            }
        }
        #expect(follows("a&#32;"))
        #expect(follows("&#x20"))
        #expect(follows("&#X9;"))
        #expect(!follows("a  "))
        #expect(!follows("#32;"))
        #expect(!follows("&32;"))
        #expect(!follows("\u{1}"))
    }

    @Test func localNamesAreTheTreeBuildersSplit() {
        func local(_ name: String) -> String {
            let c = Array(name.utf8) + [0]
            return c.withUnsafeBufferPointer { String(cString: HTMLMarkup.localName($0.baseAddress!)) }
        }
        #expect(local("o:p") == "p")
        #expect(local("p") == "p")
        #expect(local("xml:lang") == "xml:lang")
        #expect(local(":p") == ":p")
        #expect(local("p:") == "p:")
        #expect(local("a:b:c") == "b:c")
    }

    /// The packed look-up answers as the set of names does: every name the parser lists,
    /// every name of the set with a letter changed, cut or added, and random names of one to
    /// twelve letters (those of nine and more go to the set itself).
    @Test func textIsAllowedAsTheSetAllows() {
        func allows(_ name: String) -> Bool {
            let c = Array(name.utf8) + [0]
            return c.withUnsafeBufferPointer { HTMLMarkup.allowsText($0.baseAddress!) }
        }
        var names = HTMLElementTable.names + Array(HTMLMarkup.allowPCData)
        for name in HTMLMarkup.allowPCData {
            names.append(String(name.dropLast()))
            names.append(name + "x")
            names.append("x" + name)
            names.append(String(name.dropFirst()))
        }
        var random = TestRandom(state: 11)
        let letters = Array("abcdeghilmnopqrstuvwy12")
        for _ in 0..<20_000 {
            names.append(String((0...random.next(12)).map { _ in letters[random.next(letters.count)] }))
        }
        var allowed = 0
        for name in names {
            #expect(allows(name) == HTMLMarkup.allowPCData.contains(name), "\(name)")
            if allows(name) { allowed += 1 }
        }
        #expect(allowed >= 2 * HTMLMarkup.allowPCData.count)
        #expect(!allows(""))
    }
}
