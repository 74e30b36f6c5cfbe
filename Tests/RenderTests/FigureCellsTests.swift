import Testing
@testable import GovReportRender

@Suite struct FigureCellsTests {
    /// The line notes made once read as the note written out for that line.
    @Test func lineNotesMadeOnceNameTheirLine() {
        for line in [-1, 0, 1, 9, 10, 99, 100, 4095, 4096, 12_345] {
            #expect(FigureCells.lineNote(line) == "第 \(line) 行")
        }
        for line in 0..<5000 { #expect(FigureCells.lineNote(line) == "第 \(line) 行") }
    }

    /// Likewise the blank cells' notes, on both sides of the table made once (1,024 lines).
    @Test func blankNotesMadeOnceNameTheirLine() {
        for line in [-1, 1023, 1024, 4096, 12_345] + Array(0..<2000) {
            #expect(FigureCells.blankNote(line) == "报告中此格为空（第 \(line) 行）")
        }
    }
}
