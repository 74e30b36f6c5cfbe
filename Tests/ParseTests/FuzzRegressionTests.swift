import Foundation
import GovReportCheck
import GovReportIngest
import GovReportParse
import TestSupport
import Testing

/// Inputs found by the fuzzer (Scripts/fuzz.sh) or written by hand to stress the parser:
/// each must be read without a crash. (Speed is the benchmark's business, not a test's.)
@Suite struct FuzzRegressionTests {
    static let folder = Fixtures.root.appendingPathComponent("Tests/ParseTests/FuzzRegressions")

    static var inputs: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func regressionFilesExist() {
        #expect(Self.inputs.count >= 8)
    }

    @Test(arguments: inputs)
    func readsWithoutCrashing(_ url: URL) throws {
        guard let source = try? SourceText.load(fileAt: url, displayPath: url.lastPathComponent) else { return }
        let checked = ConsistencyChecker().check(Fixtures.parser.parse(source))
        #expect(checked.report.source == url.lastPathComponent)
    }

    @Test func absurdNumbersAreNotCounts() throws {
        let url = Self.folder.appendingPathComponent("huge-numbers.txt")
        let source = try SourceText.load(fileAt: url, displayPath: "huge-numbers.txt")
        let checked = ConsistencyChecker().check(Fixtures.parser.parse(source))
        // "1e400" is not a number a report prints: it ends the row, which keeps one value.
        #expect(checked.report.figures["applications.new.total"]?.value == 99_999_999_999_999_999_999)
        #expect(checked.report.figures.values.allSatisfy { $0.value.map(\.isFinite) ?? true })
        #expect(checked.diagnostics.contains { $0.message.contains("is implausibly large for a count") })
    }
}
