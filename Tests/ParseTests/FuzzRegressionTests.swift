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

    /// An expression's group that starts or ends inside a character — a combining mark after
    /// the space before a 发布日期 value, after a day's digit, after a district's 区 — once
    /// stopped the whole build (its range could not be made a range of the text's characters).
    /// Each is read, and the value is the expression's, without the mark where it lies outside.
    @Test func groupsInsideACharacterAreRead() {
        let body = Fixtures.sampleText("000")
        let chrome = Fixtures.parse(text: "发布日期： \u{301}2021-01-05\n" + body)
        #expect(chrome.published == "2021-01-05")
        let signature = Fixtures.parse(text: body + "\n某区人民政府\n2020年1月1\u{301}日\n")
        #expect(signature.published == "2020-01-01")
        #expect(signature.agency?.name == "某区人民政府")
        let region = Fixtures.parse(text: "区人民政府2020年度政府信息公开工作年度报告\n" + body + "\n本市为西安市高陵区\u{301}的城区\n")
        #expect(region.agency?.name == "西安市高陵区人民政府")
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
