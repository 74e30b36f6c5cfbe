@testable import GovReportParse
import Testing

/// A row's values placed under its table's columns: a part of the row's own cells and the
/// columns it lost, held to the plain statement of the rules (an array of optional cells,
/// as the rows were aligned before) on rows of every layout and width.
@Suite struct AlignedRowTests {
    /// The rules written out plainly: the reference `RawRow.aligned` is held to.
    static func reference(_ values: [Cell], _ layout: RawRow.Layout, to count: Int, rightAlignShort: Bool)
        -> (cells: [Cell?], problem: String?) {
        var cells = values
        if layout == .cellPerLine {
            while cells.count > count, cells.last?.content == .blank { cells.removeLast() }
            while cells.count > count, cells.first?.content == .blank { cells.removeFirst() }
        }
        if cells.count == count { return (cells, nil) }
        if layout != .cellPerLine {
            while cells.first?.content == .blank { cells.removeFirst() }
            if cells.count == count { return (cells, nil) }
        }
        if cells.count > count {
            let kept = rightAlignShort ? Array(cells.suffix(count)) : Array(cells.prefix(count))
            return (kept, "\(cells.count) values where \(count) were expected; kept the \(rightAlignShort ? "last" : "first") \(count)")
        }
        let padding = [Cell?](repeating: nil, count: count - cells.count)
        if rightAlignShort {
            return (padding + cells, "\(cells.count) values where \(count) were expected; aligned them to the last \(cells.count) columns")
        }
        return (cells + padding, nil)
    }

    static func row(_ values: [Cell], _ layout: RawRow.Layout) -> RawRow {
        // The values as a part of a longer array, as a table's rows are (`CellStream.rows`):
        // the part's indices do not start at 0.
        let all = [Cell(content: .text("标签"), line: 1)] + values + [Cell(content: .number(99), line: 9)]
        return RawRow(labels: all[0..<1], values: all[1..<(1 + values.count)], layout: layout)
    }

    static func columns(_ aligned: AlignedRow) -> [Cell?] { (0..<aligned.width).map { aligned[$0] } }

    @Test func everyRowAlignsAsTheRulesSay() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let layouts: [RawRow.Layout] = [.tabbed, .cellPerLine, .loose, .aligned]
        var realigned = 0
        for _ in 0..<20_000 {
            let values: [Cell] = (0..<next(12)).map { k in
                Cell(content: next(3) == 0 ? .blank : .number(Double(next(500))), line: 10 + k)
            }
            let layout = layouts[next(layouts.count)]
            let count = 1 + next(9)
            let right = next(2) == 0
            let expected = Self.reference(values, layout, to: count, rightAlignShort: right)
            let aligned = Self.row(values, layout).aligned(to: count, rightAlignShort: right)
            #expect(aligned.width == count)
            #expect(Self.columns(aligned) == expected.cells)
            #expect(aligned.problem == expected.problem)
            // Out of the table's columns, nothing.
            #expect(aligned[-1] == nil && aligned[count] == nil)
            if expected.cells.contains(where: { $0 == nil }) { realigned += 1 }
        }
        // The rows drawn include many that lost columns, not only rows as wide as the table.
        #expect(realigned > 5_000)
    }

    @Test func aShortRowIsPutUnderTheLastColumnsOrTheFirst() {
        let values = [Cell(content: .number(3), line: 5), Cell(content: .number(4), line: 5)]
        let right = Self.row(values, .tabbed).aligned(to: 4, rightAlignShort: true)
        #expect(Self.columns(right).map { $0?.content } == [nil, nil, .number(3), .number(4)])
        #expect(right.problem == "2 values where 4 were expected; aligned them to the last 2 columns")
        let left = Self.row(values, .tabbed).aligned(to: 4, rightAlignShort: false)
        #expect(Self.columns(left).map { $0?.content } == [.number(3), .number(4), nil, nil])
        #expect(left.problem == nil)
    }

    @Test func blankPlaceholdersOfAOneCellPerLineRowAreDropped() {
        // Blank cells under a spanning label come first, blank padding last; the row is as
        // wide as the table once they are gone.
        let values: [Cell] = [.init(content: .blank, line: 3), .init(content: .number(7), line: 4),
                              .init(content: .number(8), line: 5), .init(content: .blank, line: 6)]
        let aligned = Self.row(values, .cellPerLine).aligned(to: 2, rightAlignShort: true)
        #expect(Self.columns(aligned).map { $0?.line } == [4, 5])
        #expect(aligned.problem == nil)
    }
}
