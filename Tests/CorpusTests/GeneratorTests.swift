import Foundation
import GovReportCorpus
import GovReportIngest
import GovReportParse
import TestSupport
import Testing

@Suite struct GeneratorTests {
    let generator = CorpusGenerator(options: .init(count: 600, seed: 3))

    @Test func sameSeedSameBytes() {
        let again = CorpusGenerator(options: .init(count: 600, seed: 3))
        for i in stride(from: 0, to: 600, by: 37) {
            #expect(generator.item(i).bytes == again.item(i).bytes)
            #expect(generator.item(i).truth == again.item(i).truth)
        }
        #expect(CorpusGenerator(options: .init(count: 600, seed: 4)).item(5).bytes != generator.item(5).bytes)
    }

    @Test func figureKeysAreTheSharedInstances() throws {
        // Ten thousand reports must hold one copy of each key string: every parser keys its
        // figures with the canonical instances. Compared by the address of their bytes.
        func address(_ s: String) -> UnsafeRawPointer? {
            s.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        }
        var checked = 0, copies: Set<String> = []
        for i in 0..<300 {
            let item = generator.item(i)
            guard let (text, encoding) = TextEncoding.decode(item.bytes) else { continue }
            let source = item.path.hasSuffix(".html")
                ? { let (lines, original) = HTMLText.lines(fromHTML: text); return SourceText(path: item.path, lines: lines, originalLines: original, encoding: encoding) }()
                : SourceText(path: item.path, text: text)
            for key in Fixtures.parser.parse(source).figures.keys where key.utf8.count > 15 {
                checked += 1
                if address(key) != address(FigureKeys.canonicalKey(key)) { copies.insert(key) }
            }
        }
        #expect(checked > 30_000)
        #expect(copies.isEmpty, "keys not shared: \(copies.sorted().prefix(5))")
    }

    @Test func coversEditionsLayoutsEncodingsAndDamage() {
        let truths = (0..<600).map { generator.item($0).truth }
        #expect(Set(truths.map(\.template)) == ["2008", "2019", "2021"])
        #expect(Set(truths.map(\.layout)) == Set(Layout.allCases.map(\.rawValue)))
        #expect(Set(truths.map(\.encoding)) == ["UTF-8", "UTF-8 BOM", "GB18030", "UTF-8 CRLF"])
        let damage = Set(truths.flatMap(\.damage))
        for kind in ["ocr-labels", "spaces-in-labels", "full-width-digits", "stray-characters", "dropped-column",
                     "garbled-headers", "blank-zero-cells"] {
            #expect(damage.contains(kind), "\(kind)")
        }
        #expect(truths.contains { !$0.brokenRules.isEmpty })
    }

    /// Agencies report over consecutive years, and what one year carries forward the next
    /// carries over.
    @Test func agenciesSpanConsecutiveYearsWithCarryOver() {
        let truths = (0..<600).map { generator.item($0).truth }
        let byAgency = Dictionary(grouping: truths, by: \.agency)
        #expect(byAgency.count < 200)
        var linked = 0
        for (_, reports) in byAgency {
            let years = reports.map(\.year).sorted()
            #expect(years == Array(years.first!...years.last!))
            for (a, b) in zip(reports.sorted { $0.year < $1.year }, reports.sorted { $0.year < $1.year }.dropFirst())
            where a.template != "2008" && b.template != "2008" && a.brokenRules.isEmpty && b.brokenRules.isEmpty {
                if let forward = a.figures["applications.carried_forward.total"] ?? nil,
                   let over = b.figures["applications.carried_over.total"] ?? nil {
                    #expect(forward == over, "\(a.file) → \(b.file)")
                    linked += 1
                }
            }
        }
        #expect(linked > 50)
        // Several districts of the same city.
        #expect(Set(truths.filter { $0.city == "西安市" }.compactMap(\.district)).count >= 5)
    }

    /// The truth of a clean report satisfies every rule; a broken one names its rules.
    @Test func truthIsConsistentUnlessBrokenOnPurpose() {
        for i in 0..<600 {
            let t = generator.item(i).truth
            if t.damage.contains(where: { $0.hasPrefix("break-") }) {
                #expect(!t.brokenRules.isEmpty, "\(t.file)")
            } else {
                #expect(t.brokenRules.isEmpty, "\(t.file)")
            }
        }
    }

    @Test func gb18030FilesAreNotUTF8() {
        let item = (0..<600).map { generator.item($0) }.first { $0.truth.encoding == "GB18030" }!
        #expect(String(data: item.bytes, encoding: .utf8) == nil)
    }
}
