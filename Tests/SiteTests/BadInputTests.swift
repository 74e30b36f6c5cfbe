import Foundation
import GovReportCorpus
import GovReportIngest
import GovReportRender
import TestSupport
import Testing

/// Whatever folder a reviewing office is sent: every bad file is named in a diagnostic, every
/// good report still reaches the site and the export, and nothing crashes.
@Suite struct BadInputTests {
    static func write(_ data: Data, _ name: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    @Test func everyBadFileIsNamedAndTheRestBuilds() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default
        // The good ones: the five samples, one of them also as GB18030 with no marker.
        for prefix in ["000", "001", "002", "003", "004"] {
            try Self.write(Data(Fixtures.sampleText(prefix).utf8), "good/\(prefix).txt", in: folder)
        }
        let gb = try #require(Fixtures.sampleText("003").data(using: String.Encoding(rawValue: 0x8000_0632)))
        try Self.write(gb, "good/003-gbk.txt", in: folder)
        // A second file for the same agency and year (a duplicate).
        try Self.write(Data(Fixtures.sampleText("004").utf8), "good/004-copy.txt", in: folder)
        // A report cut inside the applications table.
        let sample = Fixtures.sampleText("001")
        let cut = sample.range(of: "(七) 总计")!.lowerBound
        try Self.write(Data(sample[..<cut].utf8), "bad/truncated.txt", in: folder)
        // A 2022 report with no tables at all.
        try Self.write(Data("某县教育局2022年政府信息公开工作年度报告\n\n一、总体情况\n\n2022年，本局认真落实条例。\n\n五、存在的主要问题及改进情况\n\n无。\n".utf8),
                       "bad/no-tables.txt", in: folder)
        // Not reports.
        try Self.write(Data(), "bad/empty.txt", in: folder)
        try Self.write(Data("%PDF-1.5\n".utf8) + Data([0, 0xFF, 0x10, 0x88, 0]), "bad/scan.txt", in: folder)
        try Self.write(Data([0xFF, 0xFE, 0x80, 0x81, 0xFF, 0x41, 0xFF]), "bad/invalid.txt", in: folder)
        try Self.write(Data("本报讯 昨日，市政府召开新闻发布会，介绍今年以来全市经济运行情况。记者了解到，前三季度全市生产总值同比增长5.2%。\n".utf8),
                       "bad/news.txt", in: folder)
        // 100 MB (sparse, so the test stays fast).
        fm.createFile(atPath: folder.appendingPathComponent("bad/huge.txt").path, contents: nil)
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("bad/huge.txt"))
        try handle.truncate(atOffset: 100 * 1_048_576)
        try handle.close()
        // A link to nothing, and a link loop.
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("bad/gone.txt").path, withDestinationPath: "/nonexistent/report.txt")
        try fm.createSymbolicLink(at: folder.appendingPathComponent("bad/loop"), withDestinationURL: folder)

        let builder = try SiteBuilder(resources: Fixtures.root)
        let result = try builder.build([folder.path])
        let errors = result.diagnostics.filter { $0.severity == .error }
        func named(_ name: String, _ fragment: String) -> Bool {
            result.diagnostics.contains { $0.location.path.hasSuffix(name) && $0.message.contains(fragment) }
        }
        #expect(named("bad/empty.txt", "empty"))
        #expect(named("bad/scan.txt", "binary"))
        #expect(named("bad/invalid.txt", "neither UTF-8 nor GB18030"))
        #expect(named("bad/news.txt", "not an open-government-information annual report"))
        #expect(named("bad/huge.txt", "100 MB"))
        #expect(named("bad/gone.txt", "does not exist"))
        #expect(named("bad/truncated.txt", "not found"))
        #expect(named("bad/no-tables.txt", "no applications table"))
        #expect(named("good/004-copy.txt", "another report of ‘西安市雁塔区漳浒寨街道办事处’ for 2023"))
        #expect(errors.count == 6)

        // Every good report, and the damaged but readable ones, are in the site and export.
        let sources = Set(result.reports.map(\.report.source))
        for name in ["000", "001", "002", "003", "004", "003-gbk", "004-copy"] {
            #expect(sources.contains(folder.path + "/good/\(name).txt"), "\(name)")
        }
        #expect(sources.contains(folder.path + "/bad/truncated.txt"))
        #expect(result.reports.count == 9)
        let html = result.files.keys.filter { $0.hasPrefix("reports/") }
        #expect(html.count == 9)
        let export = String(decoding: result.files["data/reports.json"]!, as: UTF8.self)
        #expect(export.contains("good/003-gbk.txt"))
        #expect(!export.contains("bad/news.txt"))
        // The GB18030 copy reads the same figures as the UTF-8 one.
        let utf = result.reports.first { $0.report.source.hasSuffix("good/003.txt") }!
        let gbk = result.reports.first { $0.report.source.hasSuffix("good/003-gbk.txt") }!
        #expect(utf.report.figures.mapValues(\.value) == gbk.report.figures.mapValues(\.value))
    }

    /// Six hundred generated reports of which five per cent are damaged beyond reading.
    @Test func manyFilesWithFivePercentBroken() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let truths = try CorpusGenerator(options: .init(count: 600, seed: 55)).write(to: folder)
        var broken: [String] = []
        for (i, truth) in truths.enumerated() where i % 20 == 7 {
            let url = folder.appendingPathComponent(truth.file)
            var bytes = try Data(contentsOf: url)
            switch i % 3 {
            case 0: bytes = Data()                                           // emptied
            case 1: bytes = Data("%PDF-1.4".utf8) + Data([0, 1, 2]) + bytes  // a PDF under a .txt name
            default: bytes = Data(repeating: 0xFF, count: 64)                // not text
            }
            try bytes.write(to: url)
            broken.append(url.path)
        }
        let result = try SiteBuilder(resources: Fixtures.root).build([folder.path])
        #expect(broken.count == 30)
        #expect(result.reports.count == 570)
        for path in broken {
            #expect(result.diagnostics.contains { $0.severity == .error && $0.location.path == path }, "\(path)")
        }
        #expect(result.files.keys.filter { $0.hasPrefix("reports/") }.count == 570)
    }
}
