import Foundation
import GovReportAnalyse
import GovReportCheck
import GovReportParse
@testable import GovReportRender
import Testing

/// The summary is written as bytes piece by piece; the text must be the one the sentences
/// made by interpolating and joining strings gave (kept here as the reference), for every
/// kind of report: generated ones with damage, inferred figures and broken rules, the samples.
@Suite struct SummaryWriterTests {
    /// The summary of a report in a national format as it was written before, with strings.
    static func reference(_ checked: CheckedReport) -> String {
        let report = checked.report
        func n(_ key: PlacedKey) -> String {
            guard let resolved = checked.resolved(key) else { return "未载明" }
            return NumberFormat.count(resolved.value) + (resolved.inferred ? "（推算）" : "")
        }
        var lines: [String] = []
        let who = Markdown.escape(report.agency?.name ?? "本机关")
        let year = report.year.map { "\($0) 年" } ?? "本年度"
        let keys = SummaryWriter.keys
        let handling = Handling(checked)
        let handled = checked.resolved(keys.outcomeTotal)?.value
        var sentence = "\(who) \(year)新收政府信息公开申请 **\(n(keys.newTotal))** 件，上年结转 \(n(keys.carriedOver)) 件；"
        sentence += "本年办理结果合计 **\(n(keys.outcomeTotal))** 件"
        let parts = handling.categories.map { c -> String in
            let share = NumberFormat.share(c.value, of: handled)
            return "\(c.label) \(NumberFormat.count(c.value)) 件" + (share == "—" ? "" : "（\(share)）")
        }
        sentence += "，其中" + parts.joined(separator: "、") + "；"
        sentence += "结转下年度继续办理 \(n(keys.carriedForward)) 件。"
        lines.append(sentence)
        lines.append("")
        let applicants = keys.applicants.compactMap { label, key -> String? in
            guard let resolved = checked.resolved(key), resolved.value > 0 else { return nil }
            return "\(label) \(NumberFormat.count(resolved.value)) 件\(resolved.inferred ? "（推算）" : "")"
        }
        if !applicants.isEmpty { lines.append("- 新收申请按申请人：" + applicants.joined(separator: "、") + "。") }
        let reviewParts = keys.reviewTotals.map { label, key in "\(label) \(n(key)) 件" }
        lines.append("- 行政复议与行政诉讼：" + reviewParts.joined(separator: "，") + "；其中结果纠正 "
            + keys.reviewCorrected.map(n).joined(separator: "、") + " 件。")
        if let f = report.figures[FigureKeys.Prose.itemsPublished], let v = f.value {
            lines.append("- 正文称全年共发布信息 \(NumberFormat.count(v)) 条。")
        }
        if checked.violations.isEmpty {
            lines.append("- 数据检查：表内勾稽关系全部成立" + (checked.inferred.isEmpty ? "。" : "，其中 \(checked.inferred.count) 个数字由勾稽关系推算补足（已标注）。"))
        } else {
            lines.append("- 数据检查：发现 **\(checked.violations.count)** 处勾稽关系不成立，详见下方“数据检查”。")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func bytesGiveTheTextTheSentencesGave() throws {
        let reports = try ExportRecordTests.reports(count: 150, seed: 23, damageRate: 0.6)
        var compared = 0, inferred = 0, violated = 0, fractions = 0
        for checked in reports where checked.report.edition?.hasTables == true {
            let written = SummaryWriter().markdown(checked)
            #expect(written == Self.reference(checked), "\(checked.report.source)")
            compared += 1
            if !checked.inferred.isEmpty { inferred += 1 }
            if !checked.violations.isEmpty { violated += 1 }
            if written.contains("%）") { fractions += 1 }
        }
        // Every branch taken: inferred figures, broken rules, shares in per cent.
        #expect(compared > 60 && inferred > 0 && violated > 0 && fractions > 0, "\(compared) \(inferred) \(violated) \(fractions)")
    }
}
