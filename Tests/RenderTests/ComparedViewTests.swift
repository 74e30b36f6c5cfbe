import GovReportAnalyse
@testable import GovReportRender
import Testing

/// A page compared row by row: its fingerprint, made from the frame's and the rows' (those of
/// known keys taken as given), must change with the frame, with any row, with the rows'
/// order and number, and be the same however many rows were known.
@Suite struct ComparedViewTests {
    static func view(title: String, rows: [String]) -> ComparedView {
        ComparedView(frame: { .object(TemplateObject(["title": .text(title), "rows": .list([]), "end": .text("·")])) },
                     rows: .init(name: "rows", keys: rows.map { var f = Fingerprint(); f.add($0); return f.value }) { .text(rows[$0]) })
    }

    @Test func theFingerprintCoversTheFrameAndEveryRow() {
        let rows = ["甲", "乙", "丙", "丁"]
        let first = Self.view(title: "A", rows: rows).fingerprint(known: [:])
        // Every row made: the whole view, with the rows where the frame's empty list was.
        #expect(first.whole == .object(TemplateObject(["title": .text("A"), "rows": .list(rows.map { .text($0) }), "end": .text("·")])))
        #expect(Self.view(title: "A", rows: rows).whole() == first.whole)
        #expect(first.rows.count == rows.count)
        // Known rows are not made again, and give the same fingerprint.
        let again = Self.view(title: "A", rows: rows).fingerprint(known: first.rows)
        #expect(again.fingerprint == first.fingerprint && again.whole == nil && again.rows == first.rows)
        var some = first.rows
        some.removeValue(forKey: some.keys.first!)
        #expect(Self.view(title: "A", rows: rows).fingerprint(known: some).fingerprint == first.fingerprint)

        let changed: [(String, ComparedView)] = [
            ("frame", Self.view(title: "B", rows: rows)),
            ("a row", Self.view(title: "A", rows: ["甲", "乙", "丙", "戊"])),
            ("the order", Self.view(title: "A", rows: ["乙", "甲", "丙", "丁"])),
            ("a row fewer", Self.view(title: "A", rows: Array(rows.dropLast()))),
            ("a row more", Self.view(title: "A", rows: rows + ["丁"])),
            ("no rows", Self.view(title: "A", rows: [])),
        ]
        for (what, view) in changed {
            #expect(view.fingerprint(known: first.rows).fingerprint != first.fingerprint, "\(what) changed, the fingerprint did not")
            #expect(view.fingerprint(known: first.rows).fingerprint == view.fingerprint(known: [:]).fingerprint)
        }
    }
}

@Suite struct FingerprintTests {
    /// A number is fingerprinted as its eight little-endian bytes are, on the edges and 20,000
    /// generated numbers, alone and after other fields (a byte out of order, or one dropped,
    /// changes the value).
    @Test func numbersAreFingerprintedAsTheirBytes() {
        var state: UInt64 = 0x0123_4567_89AB_CDEF
        var numbers: [UInt64] = [0, 1, 0xFF, 0x100, UInt64.max, UInt64.max - 1, 1 << 63, 0x8000_0000, 0x0102_0304_0506_0708]
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            numbers.append(state >> UInt64(state % 64))
        }
        for (i, n) in numbers.enumerated() {
            var a = Fingerprint(), b = Fingerprint()
            if i % 2 == 1 { a.add("前缀"); b.add("前缀") }
            a.add(n)
            withUnsafeBytes(of: n.littleEndian) { b.add(bytes: Array($0)) }
            #expect(a.value == b.value, "\(String(n, radix: 16))")
        }
    }
}
