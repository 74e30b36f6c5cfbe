import Foundation
import GovReportIngest
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
