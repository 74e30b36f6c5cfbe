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

        // The summary written as bytes, piece by piece, into one buffer with room for it: made
        // by interpolating and joining strings, each piece its own string copied again, it was
        // a fifth of making a report page's view (some 60,000 instructions a summary).
        var out = SummaryBytes()
        func n(_ key: PlacedKey) {
            guard let resolved = checked.resolved(key) else { return out.add("未载明") }
            out.add(count: resolved.value)
            if resolved.inferred { out.add("（推算）") }
        }
        let keys = Self.keys
        let handling = known ?? Handling(checked)
        let handled = checked.resolved(keys.outcomeTotal)?.value
        out.add(who)
        out.add(" ")
        if let y = report.year { out.add(y); out.add(" 年") } else { out.add("本年度") }
        out.add("新收政府信息公开申请 **"); n(keys.newTotal)
        out.add("** 件，上年结转 "); n(keys.carriedOver)
        out.add(" 件；本年办理结果合计 **"); n(keys.outcomeTotal)
        out.add("** 件，其中")
        for (i, c) in handling.categories.enumerated() {
            if i > 0 { out.add("、") }
            out.add(c.label)
            out.add(" ")
            if let v = c.value { out.add(count: v) } else { out.add("—") }
            out.add(" 件")
            let share = NumberFormat.share(c.value, of: handled)
            if share != "—" { out.add("（"); out.add(share); out.add("）") }
        }
        out.add("；结转下年度继续办理 "); n(keys.carriedForward)
        out.add(" 件。\n\n")

        var applicants = 0
        for (label, key) in keys.applicants {
            guard let resolved = checked.resolved(key), resolved.value > 0 else { continue }
            out.add(applicants == 0 ? "- 新收申请按申请人：" : "、")
            applicants += 1
            out.add(label)
            out.add(" ")
            out.add(count: resolved.value)
            out.add(" 件")
            if resolved.inferred { out.add("（推算）") }
        }
        if applicants > 0 { out.add("。\n") }

        out.add("- 行政复议与行政诉讼：")
        for (i, (label, key)) in keys.reviewTotals.enumerated() {
            if i > 0 { out.add("，") }
            out.add(label)
            out.add(" ")
            n(key)
            out.add(" 件")
        }
        out.add("；其中结果纠正 ")
        for (i, key) in keys.reviewCorrected.enumerated() {
            if i > 0 { out.add("、") }
            n(key)
        }
        out.add(" 件。\n")

        if let f = report.figures[FigureKeys.Prose.itemsPublished], let v = f.value {
            out.add("- 正文称全年共发布信息 ")
            out.add(count: v)
            out.add(" 条。\n")
        }
        if checked.violations.isEmpty {
            out.add("- 数据检查：表内勾稽关系全部成立")
            if checked.inferred.isEmpty {
                out.add("。\n")
            } else {
                out.add("，其中 ")
                out.add(checked.inferred.count)
                out.add(" 个数字由勾稽关系推算补足（已标注）。\n")
            }
        } else {
            out.add("- 数据检查：发现 **")
            out.add(checked.violations.count)
            out.add("** 处勾稽关系不成立，详见下方“数据检查”。\n")
        }
        return out.text
    }

    /// A summary's UTF-8 bytes, appended from literals, texts and numbers (a count as
    /// `NumberFormat.count` prints it, an integer as `String` does).
    struct SummaryBytes {
        private var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(2048) }

        mutating func add(_ literal: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }

        mutating func add(_ text: String) {
            text.withUTF8Bytes { bytes.append(contentsOf: $0) }
        }

        mutating func add(count v: Double) { ExportRecord.appendFormatted(v, to: &bytes) }

        mutating func add(_ n: Int) { ByteSink.appendInteger(Int64(n), to: &bytes) }

        /// (Literals, valid strings and digits: valid UTF-8.)
        var text: String { bytes.withUnsafeBufferPointer { String(validUTF8: $0) } }
    }

    /// The figures a summary of the national formats names, with their places, made once (a
    /// page made each key's text and hashed it to find the figure).
    struct Keys {
        let newTotal = FigureKeys.Placed.newTotal
        let carriedOver = FigureKeys.Placed.carriedOverTotal
        let outcomeTotal = FigureKeys.Placed.outcomeTotal
        let carriedForward = FigureKeys.Placed.carriedForwardTotal
        let applicants = FigureKeys.applicantKinds.map { ($0.label, PlacedKey(FigureKeys.application("new", $0.key))) }
        let reviewTotals = Array(zip(FigureKeys.reviewGroups.map(\.label), FigureKeys.Placed.reviewTotals))
        let reviewCorrected = FigureKeys.reviewGroups.map { PlacedKey(FigureKeys.review($0.key, "corrected")) }
    }

    static let keys = Keys()
}
