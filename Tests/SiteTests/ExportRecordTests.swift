import Foundation
import Synchronization
@testable import GovReportAnalyse
import GovReportCheck
import GovReportParse
import GovReportCorpus
import GovReportRender
import TestSupport
import Testing

/// The export is written straight from each report for speed; `object` (used by
/// `check --json`) builds the same record as a dictionary. Both must give the same JSON, in
/// both layouts, for every kind of report: samples, and generated reports with damage,
/// inferred figures and broken rules.
@Suite struct ExportRecordTests {
    /// Generated reports (damaged, some with broken rules) and the five samples, checked.
    static func reports(count: Int, seed: UInt64, damageRate: Double) throws -> [CheckedReport] {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CorpusGenerator(options: .init(count: count, seed: seed, damageRate: damageRate, breakRate: 0.2)).write(to: folder)
        return try SiteBuilder(resources: Fixtures.root).read([folder.path, Fixtures.samplesFolder.path]).reports
    }

    @Test func directWriterEqualsDictionaryPath() throws {
        let generated = try Self.reports(count: 120, seed: 7, damageRate: 0.6)
        #expect(generated.count == 125)
        #expect(generated.contains { !$0.inferred.isEmpty } && generated.contains { !$0.violations.isEmpty })
        for checked in generated {
            #expect(ExportRecord.json(checked) == ExportRecord.json(ExportRecord.object(checked)), "\(checked.report.source)")
            #expect(ExportRecord.json(checked, pretty: false) == ExportRecord.json(ExportRecord.object(checked), pretty: false))
        }
        let some = Array(generated.prefix(3))
        #expect(ExportRecord.jsonArray(some) == ExportRecord.json(some.map(ExportRecord.object)) + "\n")
        #expect(ExportRecord.jsonArray([]) == ExportRecord.json([Any]()) + "\n")
    }

    /// The figures' members written through a pointer (`ContainerWriter.numbers`) hand over
    /// to the general way for a key without a place and a number that is not whole below
    /// 10^15, wherever it falls among the canonical ones, and fill and hand on their buffer
    /// several times over in an object of many figures: the same JSON as the dictionary path.
    @Test func figureMembersOfEveryKindGiveTheDictionaryPathsJSON() throws {
        let checked = try #require(Self.reports(count: 2, seed: 11, damageRate: 0).first)
        let canonical = FigureKeys.sortedCanonical
        let odd: [Double?] = [1.5, nil, 1e15, -3, 999_999_999_999_999, -0.25, 2e20, 0]
        for variant in 0..<4 {
            var report = checked.report
            var figures = Figures()
            // Every canonical key (an object of some 13 KB pretty), every eleventh odd.
            for (i, key) in canonical.enumerated() {
                let value: Double? = i % 11 == variant ? odd[(i / 11) % odd.count] : Double(i * 37 % 5000)
                figures[key] = Figure(value, line: i + 1)
            }
            if variant > 0 { figures["custom.\(variant)"] = Figure(Double(variant) / 3, line: 9) }
            if variant > 1 { figures["aaa.first"] = Figure(nil, line: 2) }
            if variant > 2 { figures["zzz.last"] = Figure(12, line: 3) }
            report.figures = figures
            let crafted = CheckedReport(report: report, inferred: checked.inferred, violations: checked.violations)
            #expect(ExportRecord.json(crafted) == ExportRecord.json(ExportRecord.object(crafted)), "variant \(variant)")
            #expect(ExportRecord.json(crafted, pretty: false) == ExportRecord.json(ExportRecord.object(crafted), pretty: false))
            #expect(String(decoding: ExportRecord.jsonRecordBytes(crafted), as: UTF8.self)
                    == ExportRecord.json(ExportRecord.object(crafted)).replacingOccurrences(of: "\n", with: "\n  ")
                        .replacingOccurrences(of: "\n  \n", with: "\n\n"))
        }
    }

    /// A JSON string as the scalar walk the exports were first written with gives it: the
    /// reference for the one escaper, which works on the bytes.
    static func scalarWalk(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A JSON string written into bytes on the bytes gives what the scalar walk writes into
    /// text: every character that is escaped (quotes, backslash, each control character,
    /// U+2028, U+2029), its neighbours that share a lead byte (‘’ “” — … U+2027, U+202A),
    /// alone, side by side and inside Chinese text, at the start, middle and end; and into a
    /// String (the dictionary path) the same text.
    @Test func stringsIntoBytesEqualTheScalarWalk() {
        var pieces = ["\"", "\\", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "‘", "’", "“", "”", "—", "…", "①",
                      "\u{20AC}", "收到", "a", "", "\u{7F}", "\u{85}", "\u{1F600}"]
        pieces += (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        var texts = pieces
        for a in pieces { for b in pieces.prefix(24) { texts.append(a + b); texts.append("章节" + b + a + "x") } }
        var mismatches: [String] = []
        for text in texts {
            var bytes = ByteSink()
            JSONText.string(text, to: &bytes)
            var intoText = ""
            JSONText.string(text, to: &intoText)
            let reference = Self.scalarWalk(text)
            if String(decoding: bytes.bytes, as: UTF8.self) != reference || intoText != reference { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map { Array($0.unicodeScalars) })")
        #expect(texts.count > 2000)
    }

    /// The export written while reading (`OrderedStream`): records handed over in any order,
    /// from any thread, some places without a record, give the bytes of the records framed
    /// one after another in order — in every layout, and the array as JSON joins the records.
    @Test func orderedStreamGivesTheExportInOrder() throws {
        let reports = try Self.reports(count: 40, seed: 5, damageRate: 0.5)
        #expect(reports.count == 45)
        // Places without a record (files that gave no report) between and around the reports.
        var gapped: [CheckedReport?] = [nil]
        for (i, r) in reports.enumerated() { gapped.append(r); if i % 7 == 3 { gapped.append(nil) } }
        gapped.append(nil)
        let places = gapped
        var random = SystemRandomNumberGenerator()
        for layout in [ExportRecord.Layout.jsonArray, .jsonLines, .csv] {
            let framing = ExportRecord.Framing.of(layout)
            func record(_ r: CheckedReport) -> [UInt8] {
                switch layout {
                case .jsonArray: ExportRecord.jsonRecordBytes(r)
                case .jsonLines: Array((ExportRecord.json(r, pretty: false) + "\n").utf8)
                case .csv: ExportRecord.csvRowBytes(r)
                }
            }
            // The reference: one thread, in order, framed by `Framing.walk`.
            var expected: [UInt8] = []
            framing.walk(count: reports.count) { part in
                switch part {
                case .text(let b), .separator(let b): expected += b
                case .record(let i): expected += record(reports[i])
                }
            }
            func streamed(_ order: [Int], _ places: [CheckedReport?]) throws -> [UInt8] {
                let bytes = Mutex<[UInt8]>([])
                let stream = ExportRecord.OrderedStream(layout) { b in bytes.withLock { $0 += b } }
                for i in order { stream.add(i, places[i]) }
                try stream.finish()
                return bytes.withLock { $0 }
            }
            #expect(try streamed(Array(places.indices), places) == expected, "\(layout) in order")
            #expect(try streamed(places.indices.reversed(), places) == expected, "\(layout) last first")
            for _ in 0..<5 { #expect(try streamed(places.indices.shuffled(using: &random), places) == expected, "\(layout) shuffled") }
            // From every core, as extraction hands them over.
            let bytes = Mutex<[UInt8]>([])
            let stream = ExportRecord.OrderedStream(layout) { b in bytes.withLock { $0 += b } }
            DispatchQueue.concurrentPerform(iterations: places.count) { stream.add($0, places[$0]) }
            try stream.finish()
            #expect(bytes.withLock { $0 } == expected, "\(layout) from every core")
            var whole: [UInt8] = []
            try ExportRecord.stream(reports, layout) { whole += $0 }
            #expect(whole == expected)
            // No record at all: the empty export.
            let none = try streamed([2, 0, 1], [nil, nil, nil])
            switch layout {
            case .jsonArray:
                #expect(String(decoding: expected, as: UTF8.self) == ExportRecord.json(reports.map(ExportRecord.object)) + "\n")
                #expect(none == Array("[\n\n]\n".utf8))
            case .jsonLines:
                #expect(String(decoding: expected, as: UTF8.self) == reports.map { ExportRecord.json($0, pretty: false) + "\n" }.joined())
                #expect(none.isEmpty)
            case .csv:
                #expect(expected == Array(ExportRecord.csvHeader.utf8) + reports.flatMap(ExportRecord.csvRowBytes))
                #expect(none == Array(ExportRecord.csvHeader.utf8))
            }
        }
    }

    /// A write that fails stops the stream: nothing is written after it, and `finish` throws
    /// what it threw (extraction then reports it and leaves no half file).
    @Test func orderedStreamStopsAtAFailedWrite() throws {
        struct Full: Error {}
        let reports = try Self.reports(count: 10, seed: 3, damageRate: 0.2)
        let calls = Mutex(0)
        let stream = ExportRecord.OrderedStream(.jsonLines) { _ in
            let n = calls.withLock { $0 += 1; return $0 }
            if n == 3 { throw Full() }
        }
        for i in reports.indices { stream.add(i, reports[i]) }
        #expect(throws: Full.self) { try stream.finish() }
        #expect(calls.withLock { $0 } == 3)
    }

    /// The CSV rows are made as bytes; the reference is each row joined as text from the
    /// report's resolved figures, in the key order the records use.
    @Test func csvRowBytesEqualRowsJoinedAsText() throws {
        var reports = try Self.reports(count: 120, seed: 11, damageRate: 0.6)
        // Reports that infer nothing, with every canonical key and now and then a value the
        // rows' fast path leaves to the formatter (1e300, past 10^15), a blank, a fraction, and
        // keys without a place among them: the rows written straight into the array, and
        // given up on part-way.
        let base = try #require(reports.first { $0.inferred.isEmpty })
        let odd: [Double?] = [1.5, nil, 1e300, -3, 1e16 + 0.5, 4995.00004, -.infinity]
        for variant in 0..<5 {
            var report = base.report
            var figures = Figures()
            for (i, key) in FigureKeys.sortedCanonical.enumerated() {
                figures[key] = Figure(i % 13 == variant ? odd[(i / 13) % odd.count] : Double(i % 700), line: i + 1)
            }
            if variant > 0 { figures["custom,\(variant)"] = Figure(Double(variant), line: 4) }
            if variant > 2 { figures["aaa"] = Figure(nil, line: 5) }
            report.figures = figures
            reports.append(CheckedReport(report: report, inferred: [:], violations: []))
        }
        var rows = 0, inferredRows = 0
        for checked in reports {
            let r = checked.report
            func field(_ s: String) -> String { s.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
            var keys = r.figures.keys
            for key in checked.inferred.keys where r.figures[key] == nil { keys.append(key) }
            var expected = ""
            for i in FigureKeys.order(of: keys) {
                let resolved = checked.resolved(keys[i])
                let value: String = resolved.map { ConsistencyChecker.format($0.value) } ?? ""
                let inferred: String = resolved?.inferred == true ? "true" : "false"
                let fields: [String] = [field(r.source), field(r.agency?.name ?? ""), r.year.map(String.init) ?? "",
                                        r.edition?.rawValue ?? "", keys[i], value, inferred]
                expected += fields.joined(separator: ",") + "\n"
                rows += 1
                if resolved?.inferred == true { inferredRows += 1 }
            }
            #expect(ExportRecord.csvRowBytes(checked) == Array(expected.utf8), "\(r.source)")
        }
        #expect(rows > 3_000 && inferredRows > 0, "\(rows) rows, \(inferredRows) inferred")
        // Numbers as the checker prints them, whole or not.
        for v in [0, -0.0, 7, -3, 12.5, -0.25, 1.0 / 3, 999_999_999_999_999, 1e15, -1e16, 4995.00004, 0.00005, 0.00015, -0.00004,
                  123_456_789_012.345_6, -99_999_999_999.999_9, 1e300, -.infinity, .nan, 10, 100_000, 1_000_000_000] {
            var out: [UInt8] = []
            ExportRecord.appendFormatted(v, to: &out)
            #expect(out == Array(ConsistencyChecker.format(v).utf8), "\(v)")
        }
    }
}
