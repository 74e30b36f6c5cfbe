import GovReportAnalyse
import GovReportCheck
import GovReportParse

/// Writes the summary of a report as Markdown from its figures. The text is generated, then
/// rendered through cmark like every other piece of prose on the site. Inferred figures are
/// marked "（推算）", figures the report does not state are written "未载明".
public struct SummaryWriter {
    public init() {}

    /// - Parameter handling: the report's `Handling`, when the caller has made it already
    ///   (the report page draws its chart from the same one).
    public func markdown(_ checked: CheckedReport, handling known: Handling? = nil) -> String {
        let report = checked.report
        let esc = Markdown.escape
        func n(_ key: PlacedKey) -> String {
            guard let resolved = checked.resolved(key) else { return "未载明" }
            return NumberFormat.count(resolved.value) + (resolved.inferred ? "（推算）" : "")
        }
        var lines: [String] = []
        let who = esc(report.agency?.name ?? "本机关")
        let year = report.year.map { "\($0) 年" } ?? "本年度"

        guard let edition = report.edition, edition.hasTables else {
            lines.append("本报告为 2008 版自由行文格式，没有统一的统计表格；以下数字摘自正文。")
            lines.append("")
            var items: [String] = []
            if let v = report.figures[FigureKeys.application("new", "total")]?.value {
                items.append("- \(year)受理依申请公开 **\(NumberFormat.count(v))** 件（第 \(report.figures[FigureKeys.application("new", "total")]!.line) 行）。")
            }
            if let f = report.figures[FigureKeys.Prose.itemsPublished], let v = f.value {
                items.append("- 主动发布各类信息 **\(NumberFormat.count(v))** 条（第 \(f.line) 行）。")
            }
            if let f = report.figures[FigureKeys.review("reconsideration", "total")], f.value == 0 {
                items.append("- 正文称未发生因政府信息公开引起的行政复议、行政诉讼（第 \(f.line) 行）。")
            }
            if items.isEmpty { items.append("- 正文中没有可识别的统计数字。") }
            lines += items
            return lines.joined(separator: "\n") + "\n"
        }

        // The summary written into one string with room for it, line by line (lines joined at
        // the end, and a sentence grown piece by piece, each made and copied again).
        var out = ""
        out.reserveCapacity(2048)
        func add(_ line: String) {
            out += line
            out += "\n"
        }
        let keys = Self.keys
        let handling = known ?? Handling(checked)
        let handled = checked.resolved(keys.outcomeTotal)?.value
        out += "\(who) \(year)新收政府信息公开申请 **\(n(keys.newTotal))** 件，上年结转 \(n(keys.carriedOver)) 件；"
        out += "本年办理结果合计 **\(n(keys.outcomeTotal))** 件"
        let parts = handling.categories.map { c -> String in
            let share = NumberFormat.share(c.value, of: handled)
            return "\(c.label) \(NumberFormat.count(c.value)) 件" + (share == "—" ? "" : "（\(share)）")
        }
        out += "，其中"
        out += parts.joined(separator: "、")
        out += "；结转下年度继续办理 \(n(keys.carriedForward)) 件。"
        add("")
        add("")

        let applicants = keys.applicants.compactMap { label, key -> String? in
            guard let resolved = checked.resolved(key), resolved.value > 0 else { return nil }
            return "\(label) \(NumberFormat.count(resolved.value)) 件\(resolved.inferred ? "（推算）" : "")"
        }
        if !applicants.isEmpty { add("- 新收申请按申请人：" + applicants.joined(separator: "、") + "。") }

        let reviewParts = keys.reviewTotals.map { label, key in "\(label) \(n(key)) 件" }
        add("- 行政复议与行政诉讼：" + reviewParts.joined(separator: "，") + "；其中结果纠正 "
            + keys.reviewCorrected.map(n).joined(separator: "、") + " 件。")

        if let f = report.figures[FigureKeys.Prose.itemsPublished], let v = f.value {
            add("- 正文称全年共发布信息 \(NumberFormat.count(v)) 条。")
        }
        if checked.violations.isEmpty {
            add("- 数据检查：表内勾稽关系全部成立" + (checked.inferred.isEmpty ? "。" : "，其中 \(checked.inferred.count) 个数字由勾稽关系推算补足（已标注）。"))
        } else {
            add("- 数据检查：发现 **\(checked.violations.count)** 处勾稽关系不成立，详见下方“数据检查”。")
        }
        return out
    }

    /// The figures a summary of the national formats names, with their places, made once (a
    /// page made each key's text and hashed it to find the figure).
    struct Keys {
        let newTotal = PlacedKey(FigureKeys.application("new", "total"))
        let carriedOver = PlacedKey(FigureKeys.application("carried_over", "total"))
        let outcomeTotal = PlacedKey(FigureKeys.application("outcome_total", "total"))
        let carriedForward = PlacedKey(FigureKeys.application("carried_forward", "total"))
        let applicants = FigureKeys.applicantKinds.map { ($0.label, PlacedKey(FigureKeys.application("new", $0.key))) }
        let reviewTotals = FigureKeys.reviewGroups.map { ($0.label, PlacedKey(FigureKeys.review($0.key, "total"))) }
        let reviewCorrected = FigureKeys.reviewGroups.map { PlacedKey(FigureKeys.review($0.key, "corrected")) }
    }

    static let keys = Keys()
}
