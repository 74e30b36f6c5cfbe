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

    @Test func lineNumbersAreOneBased() {
        let source = SourceText(path: "a.txt", text: "一\n二\n三\n")
        #expect(source.lines == ["一", "二", "三"])
        #expect(source.location(2).description == "a.txt:2")
    }
}
