import Foundation
import GovReportCheck
import GovReportIngest
import GovReportParse

/// Paths and loaders shared by the test targets: the package root, the bundled samples and
/// the label dictionary, so that tests read the same files the program reads.
public enum Fixtures {
    /// Tests/TestSupport/Fixtures.swift → the package root.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let samplesFolder = root.appendingPathComponent("Resources/samples")

    public static let dictionary: LabelDictionary = {
        try! LabelDictionary.load(from: root.appendingPathComponent("Resources/labels/labels.tsv"))
    }()

    /// The sample whose file name starts with `prefix` ("000"…"004").
    public static func sampleURL(_ prefix: String) -> URL {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samplesFolder.path)) ?? []
        let name = names.sorted().first { $0.hasPrefix(prefix + "_") }!
        return samplesFolder.appendingPathComponent(name)
    }

    public static func sampleText(_ prefix: String) -> String {
        try! String(contentsOf: sampleURL(prefix), encoding: .utf8)
    }

    public static let gazetteer: Gazetteer = {
        try! Gazetteer.load(from: root.appendingPathComponent("Resources/regions.tsv"))
    }()

    public static let parser = ReportParser(dictionary: dictionary, gazetteer: gazetteer)

    public static func parse(text: String, path: String = "test.txt") -> Report {
        parser.parse(SourceText(path: path, text: text))
    }

    public static func check(text: String, path: String = "test.txt") -> CheckedReport {
        ConsistencyChecker().check(parse(text: text, path: path))
    }

    public static func sample(_ prefix: String) -> CheckedReport {
        check(text: sampleText(prefix), path: "Resources/samples/" + sampleURL(prefix).lastPathComponent)
    }

    /// A fresh temporary folder, removed by the caller.
    public static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
