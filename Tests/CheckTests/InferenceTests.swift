import GovReportCheck
import GovReportParse
import TestSupport
import Testing

@Suite struct InferenceTests {
    /// Sample 000 lost its 自然人 column in five rows; each row's total and its other five
    /// cells determine it (rule 2). The values are inferred, marked, and never written into
    /// the read figures.
    @Test func sample000LostColumnIsInferredByRule2() {
        let checked = Fixtures.sample("000")
        let inferred = checked.inferred.mapValues(\.value)
        #expect(inferred == [
            "applications.new.natural_person": 36,
            "applications.carried_over.natural_person": 0,
            "applications.disclosed.natural_person": 36,
            "applications.partially_disclosed.natural_person": 0,
            "applications.carried_forward.natural_person": 0,
        ])
        #expect(checked.inferred.values.allSatisfy { $0.rule == 2 })
        #expect(checked.report.figures["applications.new.natural_person"] == nil)
        #expect(checked.value("applications.new.natural_person") == 36)
        #expect(checked.isInferred("applications.new.natural_person"))
        #expect(checked.violations.isEmpty)
    }

    /// Sample 001's last row kept five of seven cells; rule 1 per column gives the other two.
    @Test func sample001ShortRowIsInferredByRule1() {
        let checked = Fixtures.sample("001")
        #expect(checked.inferred.mapValues(\.value) == [
            "applications.carried_forward.natural_person": 0,
            "applications.carried_forward.commercial": 0,
        ])
        #expect(checked.inferred["applications.carried_forward.natural_person"]?.rule == 1)
        #expect(checked.violations.isEmpty)
    }

    /// Blank cells spread over many columns determine nothing: no guess.
    @Test func sample003BlankCellsAreNotGuessed() {
        let checked = Fixtures.sample("003")
        #expect(checked.inferred.isEmpty)
        #expect(checked.value("applications.new.total") == nil)
    }

    /// A figure that was read is never replaced, even when the rules disagree with it.
    @Test func readFiguresAreNeverOverwritten() {
        let text = Fixtures.sampleText("004").replacingOccurrences(of: "(七)总计\n\n7\n\n0\n\n0\n\n0\n\n0\n\n0\n\n7",
                                                                  with: "(七)总计\n\n7\n\n0\n\n0\n\n0\n\n0\n\n0\n\n9")
        #expect(text != Fixtures.sampleText("004"))
        let checked = Fixtures.check(text: text)
        #expect(checked.report.figures["applications.outcome_total.total"]?.value == 9)
        #expect(checked.inferred["applications.outcome_total.total"] == nil)
        #expect(!checked.violations.isEmpty)
    }

    /// Removing one cell from a clean report brings it back as inferred with the right value.
    @Test func oneMissingCellComesBackInferred() {
        // 004's 新收 row "7 0 0 0 0 0 7": drop the 自然人 cell's value (blank line for the loose layout
        // would merge cells, so replace it with a non-number that the parser skips as noise).
        let original = Fixtures.sampleText("004")
        let damaged = original.replacingOccurrences(of: "一、本年新收政府信息公开申请数量\n\n7\n\n0",
                                                    with: "一、本年新收政府信息公开申请数量\n\n0")
        #expect(damaged != original)
        let checked = Fixtures.check(text: damaged)
        #expect(checked.report.figures["applications.new.natural_person"] == nil)
        #expect(checked.inferred["applications.new.natural_person"]?.value == 7)
        #expect(checked.violations.isEmpty)
    }
}
