import Foundation
@testable import GovReportIngest
import Testing

/// The direct reader gives exactly the lines and source lines that libxml2's events give
/// (`HTMLEvents` over libxml2's parser), on every page it reads; and it reads the pages
/// reports come in (random pages of everyday markup here, the generated pages in
/// `GeneratedWebPagesTests`) rather than leaving them all to libxml2.
@Suite struct HTMLDirectReaderTests {
    /// Whether the direct reader read the page, after checking it read it as libxml2 does.
    @discardableResult
    static func expectSame(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let bytes = HTMLText.utf8DeclaringCharset(html)
        guard let direct = HTMLDirectReader.lines(bytes) else { return false }
        let parser = HTMLEvents<LibXMLPosition>.lines(bytes)
        #expect(direct.lines == parser.lines, "\(html.debugDescription)", sourceLocation: sourceLocation)
        #expect(direct.sourceLines == parser.sourceLines, "\(html.debugDescription)", sourceLocation: sourceLocation)
        return true
    }

    @Test func handMadePagesReadAsTheParserReadsThem() {
        var read = 0
        for html in HTMLEventsTests.cases where Self.expectSame(html) { read += 1 }
        // Most of them: the rest hold a processing instruction, a NUL, a control, a DOCTYPE
        // with an identifier or an unknown entity.
        #expect(read >= 25)
    }

    /// Markup that makes the parser close, imply or split on its own: unclosed and
    /// mismatched tags, text outside elements, tables without rows, upper-case names,
    /// attributes of every form and across lines, text and blanks longer than the parser's
    /// 1,000-byte chunks, script holding tags, comments, references.
    static let pieces = [
        "<p>", "</p>", "<P>", "<div>", "</div>", "<b>", "</b>", "<span>", "</span>", "<table>", "</table>", "<tr>", "</tr>",
        "<TD>", "<td>", "</td>", "<th colspan=2>", "<td colspan='3'>", "<td\ncolspan=\"2\"\nclass=x\n>", "<td colspan>",
        "</th>", "<br>", "<br/>", "<BR />", "<p/>", "<title>", "</title>", "<head>", "</head>", "<body>", "</body>", "<html>",
        "</html>", "<script>", "</script>", "<script>document.write('<td>0</td>');</script>", "<style>td { x: 1 }</style>",
        "<o:p>", "</o:p>", "<section>", "</section>", "<!-- c -->", "<!---->", "<!-- a - b -->", "<!DOCTYPE html>", " ", "  ",
        "\n", "\r\n", "\t", "&#32;", "&#x20;", "&#20013;", "&#x4E2D;", "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&copy;",
        "甲", "乙 丙", "12", "x", "<li>", "</li>", "<ul>", "</ul>", "<pre>", "</pre>", "<img src=a>", "<a href=\"b\">", "</a>",
        "<font>", "</font>", "<h1>", "</h1>", "<caption>", "</caption>", "<thead>", "<tbody>", "</tbody>", "<col>", "<hr>",
        "<meta charset=utf-8>", "<link rel=x>", "<base href=y>", "<dl>", "<dt>", "<dd>", "<form>", "</form>", "<center>",
        "<noframes>", "<frameset>", "<option>", "<select>", " < ", "<_x>", "<:y>", "1<2", "<!DOCTYPE html>", "<![CDATA[x]]>",
        String(repeating: "字", count: 400), String(repeating: " ", count: 1_100), String(repeating: "a\n", count: 700),
        // End tags spelled as the open element's name is not quite: another case, a name that
        // goes on, one cut short, blanks before the '>'.
        "</TD>", "</Td>", "</P>", "</td >", "</td\n>", "</tdx>", "</t>", "</p1>", "</p-x>", "</DIV>", "</o:P>",
    ]

    @Test func randomPagesReadAsTheParserReadsThem() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(Self.pieces.count))
        }
        var read = 0
        let total = 4_000
        for _ in 0..<total {
            var html = ""
            for _ in 0..<(5 + next() % 50) { html += Self.pieces[next()] }
            if Self.expectSame(html) { read += 1 }
        }
        // Every page here is one the direct reader could read: it reads them all, so that the
        // comparison is of the two readers, not of libxml2 with itself.
        #expect(read == total)
    }

    /// What it leaves to libxml2: markup whose reading it does not follow.
    @Test func unusualMarkupIsLeftToTheParser() {
        for html in ["<p>a<?php x ?>b</p>", "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><p>x</p>", "<p>&unknown;</p>",
                     "<p>&amp</p>", "<p>&#12x;</p>", "<p>a\u{1}b</p>", "<td title=\"a&amp;b\">x</td>",
                     "<a.b>x</a.b>", "<p>x</p><!-- open", "<p>x</p><!DOCTYPE html PUBLIC \"x\">", "<p>x</p><p",
                     "<p>x\u{FFFF}</p>"] {
            #expect(HTMLDirectReader.lines(HTMLText.utf8DeclaringCharset(html)) == nil, "\(html.debugDescription)")
            // And libxml2 reads it: the page is not lost.
            #expect(!HTMLText.lines(fromHTML: html).lines.isEmpty, "\(html.debugDescription)")
        }
    }
}

/// Whether a page holds only characters the parser keeps is told eight bytes at a time where
/// it can be: the same answer as byte by byte, with the characters it refuses (controls,
/// U+FFFE, U+FFFF) and their neighbours at every offset in a word.
@Suite struct PlainCharactersTests {
    /// `HTMLDirectReader.plainCharacters` byte by byte, as it was written before: the reference.
    static func plainByByte(_ b: [UInt8]) -> Bool {
        for i in b.indices {
            let c = b[i]
            if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D { return false }
            if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBF, b[i + 2] >= 0xBE { return false }
        }
        return true
    }

    @Test func sixteenBytesAtATimeAsByteByByte() {
        let refused: [[UInt8]] = [[0x00], [0x01], [0x1F], [0x0B], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF]]
        let kept: [[UInt8]] = [[0x41], [0x3C], [0x09], [0x0A], [0x0D], [0x20], [0x7F], [0xEF, 0xBF, 0xBD], [0xEF, 0xBC, 0x8C],
                               [0xEF, 0xBB, 0xBF], [0xEE, 0xBF, 0xBF], [0xE3, 0x80, 0x82], [0xE4, 0xB8, 0x80], [0xF0, 0x9F, 0x87, 0xA8]]
        var state: UInt64 = 5
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var differences = 0, plain = 0, total = 0
        for _ in 0..<20_000 {
            // Mostly kept characters (words with none refused), now and then a refused one.
            let bytes = (0..<next(80)).flatMap { _ in next(30) == 0 ? refused[next(refused.count)] : kept[next(kept.count)] }
            let expected = Self.plainByByte(bytes)
            let told = bytes.withUnsafeBufferPointer { HTMLDirectReader.plainCharacters($0) }
            if told != expected { differences += 1 }
            if expected { plain += 1 }
            total += 1
        }
        #expect(differences == 0)
        // Both answers seen often.
        #expect(plain > total / 5 && plain < total * 4 / 5, "\(plain) of \(total) plain")
    }

    @Test func listedElementsKnowTheirKindsByNumber() {
        // The kind handed on with a listed element is the one its name gives.
        let tables = HTMLDirectReader.Tables.shared
        var kinds: [HTMLText.Kind: Int] = [:]
        for (id, name) in HTMLElementTable.names.enumerated() {
            #expect(tables.kinds[id] == HTMLText.kind(named: name), "\(name)")
            kinds[tables.kinds[id], default: 0] += 1
        }
        // Every kind is among them.
        #expect(kinds.count == 7, "\(kinds)")
    }
}
