import GovReportCheck
import GovReportParse
import TestSupport
import Testing

@Suite struct RuleTests {
    @Test func cleanSamplesBreakNoRule() {
        for prefix in ["000", "001", "002", "003", "004"] {
            #expect(Fixtures.sample(prefix).violations.isEmpty, "sample \(prefix)")
        }
    }

    /// 004 with 新收 total changed from 7 to 9: rule 1 (total column), rule 2 (新收 row) and
    /// rule 5 (the prose still says 7) break, each naming the figures and the line.
    @Test func changedTotalBreaksRules1And2() {
        let text = Fixtures.sampleText("004").replacingOccurrences(
            of: "一、本年新收政府信息公开申请数量\n\n7\n\n0\n\n0\n\n0\n\n0\n\n0\n\n7",
            with: "一、本年新收政府信息公开申请数量\n\n7\n\n0\n\n0\n\n0\n\n0\n\n0\n\n9")
        let checked = Fixtures.check(text: text, path: "r.txt")
        let rules = checked.violations.map(\.rule).sorted()
        #expect(rules == [1, 2, 5])
        let rule1 = checked.violations.first { $0.rule == 1 }!
        #expect(rule1.message == "总计列: 本年新收 9 + 上年结转 0 ≠ 办理结果总计 7 + 结转下年度 0")
        #expect(rule1.location.path == "r.txt")
        #expect(rule1.location.line > 0)
        #expect(rule1.description.hasPrefix("r.txt:\(rule1.location.line): warning: rule 1: "))
        #expect(checked.violations.first { $0.rule == 2 }!.keys.contains("applications.new.total"))
    }

    /// An outcome row that does not add up to (七)总计 breaks rule 3 in that column.
    @Test func outcomeRowsNotAddingUpBreakRule3() {
        let text = Fixtures.sampleText("004").replacingOccurrences(
            of: "4.保护第三方合法权益\n\n1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1",
            with: "4.保护第三方合法权益\n\n1\n\n0\n\n0\n\n0\n\n0\n\n3\n\n4")
        let checked = Fixtures.check(text: text)
        // 其他 column: row total 4 vs six columns 1+3 → rule 2 holds; outcome column sums break.
        #expect(checked.violations.contains { $0.rule == 3 && $0.message.hasPrefix("其他列") })
        #expect(checked.violations.contains { $0.rule == 3 && $0.message.hasPrefix("总计列") })
    }

    /// A review group whose total is not the sum of its four outcomes breaks rule 4.
    @Test func reviewTotalBreaksRule4() {
        let text = Fixtures.sampleText("001").replacingOccurrences(of: "0\t0\t0\t0\t0\t1\t0\t1\t0\t2", with: "0\t0\t0\t0\t0\t1\t0\t1\t0\t3")
        let checked = Fixtures.check(text: text)
        #expect(checked.violations.map(\.rule) == [4])
        #expect(checked.violations[0].message.contains("行政诉讼·未经复议直接起诉·总计 3"))
    }

    /// The prose says 9 applications where the table has 7 new and none carried over: rule 5.
    @Test func proseContradictingTableBreaksRule5() {
        let text = Fixtures.sampleText("004").replacingOccurrences(of: "向本级政府信息公开申请7件", with: "向本级政府信息公开申请9件")
        let checked = Fixtures.check(text: text)
        #expect(checked.violations.map(\.rule) == [5])
        #expect(checked.violations[0].location.line == 9)
    }
}
