import Foundation
@testable import GovReportIngest
import TestSupport
import Testing

@Suite struct DecodingTests {
    let sample = Fixtures.sampleText("003")

    @Test func utf8WithBOMAndCRLF() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(sample.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let (text, encoding) = try #require(TextEncoding.decode(data))
        #expect(encoding == .utf8WithBOM)
        #expect(text == sample)
    }

    @Test func theFileNameSaysWhetherTextIsHTML() throws {
        let page = Data("<html><body><p>标题</p><table><tr><td>自然人</td><td>3</td></tr></table></body></html>".utf8)
        for (path, html) in [("/r/a.html", true), ("/r/B.HTM", true), ("r/c.Shtml", true), ("/r/d.xhtml", true), ("/r/e.txt", false),
                             ("/r.html/f.txt", false), ("/r/html", false), ("/r/.html", false), ("g.htm", true)] {
            let text = try SourceText.decode(page, fromPath: path, displayPath: "x")
            #expect((text.originalLines != nil) == html, "\(path)")
            #expect(text.lines == (try SourceText.decode(page, from: URL(fileURLWithPath: path), displayPath: "x")).lines, "\(path)")
        }
    }

    @Test func gb18030WithoutMarker() throws {
        let url = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        // Encode with iconv, as government GBK files are produced outside Swift.
        let input = url.appendingPathComponent("in.txt"), output = url.appendingPathComponent("gb.txt")
        try Data(sample.utf8).write(to: input)
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "UTF-8", "-t", "GB18030", input.path]
        iconv.standardOutput = try FileHandle(forWritingTo: { FileManager.default.createFile(atPath: output.path, contents: nil); return output }())
        try iconv.run()
        iconv.waitUntilExit()
        let bytes = try Data(contentsOf: output)
        #expect(bytes != Data(sample.utf8))
        #expect(String(data: bytes, encoding: .utf8) == nil)
        let source = try SourceText.load(fileAt: output, displayPath: "gb.txt")
        #expect(source.encoding == .gb18030)
        #expect(source.lines == SourceText(path: "x", text: sample).lines)
    }

    @Test func emptyAndBinaryFilesAreNamedErrors() throws {
        let url = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        let empty = url.appendingPathComponent("empty.txt")
        try Data("  \n\n".utf8).write(to: empty)
        #expect(throws: IngestError.empty(path: "empty.txt")) { try SourceText.load(fileAt: empty, displayPath: "empty.txt") }
        let pdf = url.appendingPathComponent("report.txt")
        try Data("%PDF-1.7\n%\u{00E2}\u{00E3}".utf8 + [0, 1, 2]).write(to: pdf)
        #expect(throws: IngestError.binary(path: "report.txt")) { try SourceText.load(fileAt: pdf, displayPath: "report.txt") }
        #expect(IngestError.binary(path: "report.txt").diagnostic.description == "report.txt: error: file is binary data, not report text")
    }

    @Test func lineEndsOfEveryKindBecomeNewlines() throws {
        // Old Mac ends, Windows ends, a CR right before a CRLF, and GB18030 text around them.
        let utf8 = Data("一\r二\r\n三\r\r\n四\n".utf8)
        #expect(try #require(TextEncoding.decode(utf8)).text == "一\n二\n三\n\n四\n")
        // 一 and 二 in GB18030 (D2BB, B6FE), CR LF between them; and a bare CR at the end.
        let gb = Data([0xD2, 0xBB, 0x0D, 0x0A, 0xB6, 0xFE, 0x0D])
        let decoded = try #require(TextEncoding.decode(gb))
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.text == "一\n二\n")
    }

    /// The line ends made one on runs copied whole: what a byte-by-byte pass makes (each CR a
    /// line feed, a line feed right after a CR dropped), on texts of CRs and line feeds at
    /// every place — first, last, several together.
    @Test func lineEndsMadeOnRunsAsByteByByte() throws {
        func byteByByte(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = [], previousCR = false
            for b in bytes {
                if b == 13 { out.append(10); previousCR = true; continue }
                if !(b == 10 && previousCR) { out.append(b) }
                previousCR = false
            }
            return out
        }
        let pieces = ["\r", "\n", "\r\n", "\r\r", "\n\r", "a", "一", "12", "\t"]
        var state: UInt64 = 3
        func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) % n }
        var differences = 0, withCR = 0
        for _ in 0..<5_000 {
            let bytes = Array((0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined().utf8)
            if bytes.contains(13) { withCR += 1 }
            let decoded = try #require(TextEncoding.decode(Data(bytes)))
            if Array(decoded.text.utf8) != byteByByte(bytes) { differences += 1 }
        }
        #expect(differences == 0)
        #expect(withCR > 2_500)
    }

    @Test func whitespaceClassesMatchUnicodeProperties() {
        // The fixed lists that replaced the property lookups, checked over every scalar.
        var mismatches: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            if u.isWhiteSpace != u.properties.isWhitespace
                || u.isSpaceSeparator != (u.properties.generalCategory == .spaceSeparator) {
                mismatches.append(v)
            }
            if Character(u).isWhiteSpace != Character(u).isWhitespace { mismatches.append(v) }
        }
        #expect(mismatches.isEmpty, "differ at \(mismatches.prefix(10).map { String($0, radix: 16) })")
        #expect("\r\n".first!.isWhiteSpace && !"一".first!.isWhiteSpace && "\u{3000}".first!.isWhiteSpace)
    }

    @Test func lineNumbersAreOneBased() {
        let source = SourceText(path: "a.txt", text: "一\n二\n三\n")
        #expect(source.lines == ["一", "二", "三"])
        #expect(source.location(2).description == "a.txt:2")
    }
}

/// Lines and cells are copied out of valid text without a second check (`String(validUTF8:)`):
/// the copies must be the bytes `String(decoding:)` makes of the same slices, and a text's
/// lines those of splitting it at every line feed.
@Suite struct UncheckedCopyTests {
    @Test func copiesAreTheDecodedSlices() {
        let alphabet = ["a", " ", "\n", "\r", "\t", "1", "é", "一", "、", "\u{3000}", "１", "𠀀", "e\u{301}", "\r\n", "\u{FEFF}"]
        var state: UInt64 = 7
        func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) % n }
        var differences = 0
        for _ in 0..<3_000 {
            var text = (0..<next(30)).map { _ in alphabet[next(alphabet.count)] }.joined()
            // Every slice between two scalar boundaries.
            let bounds = text.unicodeScalars.indices.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } + [text.utf8.count]
            text.withUTF8 { b in
                for i in bounds.indices where i % 3 == 0 {
                    for j in bounds.indices where j >= i {
                        let slice = UnsafeBufferPointer(rebasing: b[bounds[i]..<bounds[j]])
                        if Array(String(validUTF8: slice).utf8) != Array(String(decoding: slice, as: UTF8.self).utf8) { differences += 1 }
                    }
                }
            }
            // A text's lines: split at every line feed, the last kept only when not empty.
            var expected = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            if expected.last == "" { expected.removeLast() }
            if SourceText(path: "x", text: text).lines.map({ Array($0.utf8) }) != expected.map({ Array($0.utf8) }) { differences += 1 }
        }
        #expect(differences == 0)
    }
}

/// A source's lines are read where they are in its text (`withLineBytes`), a file's own text
/// or a web page's lines joined by line feeds: each the bytes of the line it stands for.
@Suite struct LinesInPlaceTests {
    static let alphabet = ["a", " ", "\r", "\t", "1", "é", "一", "、", "\u{3000}", "１", "𠀀", "e\u{301}", "\u{FEFF}"]

    @Test func joinedLinesAreReadBackAsGiven() {
        var state: UInt64 = 5
        func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) % n }
        var differences = 0, lines = 0
        for _ in 0..<2_000 {
            // Empty lines among them, at either end too.
            let given = (0..<next(12)).map { _ in next(4) == 0 ? "" : (0..<next(20)).map { _ in Self.alphabet[next(Self.alphabet.count)] }.joined() }
            let source = SourceText(path: "x.html", lines: given, originalLines: given.indices.map { $0 * 2 + 1 }, encoding: .utf8)
            lines += given.count
            if source.lineCount != given.count || source.lines != given { differences += 1 }
            for i in given.indices where source.withLineBytes(i, { Array($0) }) != Array(given[i].utf8) { differences += 1 }
            if source.text != given.joined(separator: "\n") { differences += 1 }
            if source.wholeText != nil { differences += 1 }
        }
        #expect(differences == 0)
        #expect(lines > 8_000)
    }

    @Test func fileLinesAreReadWhereTheyAre() {
        let text = "一、总体情况\r\n\r\n二\t3\t4\n\n最后"
        let source = SourceText(path: "a.txt", text: text)
        #expect(source.lineCount == 5)
        #expect((0..<5).map { source.withLineBytes($0) { String(decoding: $0, as: UTF8.self) } } == ["一、总体情况\r", "\r", "二\t3\t4", "", "最后"])
        #expect(source.line(2) == "二\t3\t4")
        #expect(source.wholeText == text)
    }
}

/// A web page's lines are written into one buffer (`HTMLText.Page`), the title's before the
/// body's, and made a source as they are: the same source as its lines one by one.
@Suite struct PageTests {
    @Test func pageMakesTheSourceItsLinesMake() {
        let html = """
        <html><head><title>某区2021年政府信息公开工作年度报告</title></head><body>
        <p>一、总体情况</p><p>  </p>
        <table><tr><td>项目</td><td> 本年 新增 </td><td></td><td colspan="3"></td></tr>
        <tr><td>行政许可</td><td>１２</td></tr></table>
        <div>发布机构：某区人民政府办公室</div></body></html>
        """
        let page = HTMLText.page(fromHTML: html)
        #expect(page.lines == HTMLText.lines(fromHTML: html).lines)
        #expect(page.lines.first == "某区2021年政府信息公开工作年度报告")
        #expect(page.lines.contains("\t本年 新增"))
        #expect(page.lines.filter { $0 == "\t" }.count >= 3)
        let source = SourceText(path: "a.html", page: page, encoding: .utf8)
        let byLines = SourceText(path: "a.html", lines: page.lines, originalLines: page.sourceLines, encoding: .utf8)
        #expect(source.text == byLines.text)
        #expect(source.lines == byLines.lines)
        #expect(source.originalLines == page.sourceLines)
        #expect(source.lineCount == page.ends.count)
        // Pages joined: the second's lines after the first's.
        var joined = HTMLText.Page()
        joined.append(page)
        joined.append(HTMLText.Page())
        joined.append(page)
        #expect(joined.lines == page.lines + page.lines)
        #expect(joined.sourceLines == page.sourceLines + page.sourceLines)
    }
}
