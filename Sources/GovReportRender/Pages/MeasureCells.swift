import GovReportAnalyse

/// Table cells for analysis figures and shares: "—" for an unknown value or a share of
/// nothing, marked when inferred or taken from prose.
enum MeasureCells {
    static func cell(_ m: Measure, key: String? = nil) -> CellView {
        guard let v = m.value else { return CellView(text: "—", cls: "num na", note: "未载明", key: key) }
        var cls = "num"
        var note: String?
        if m.inferred { cls += " inferred"; note = "含按勾稽关系推算的数字" }
        if m.fromProse { cls += " prose-figure"; note = "取自正文" }
        return CellView(text: NumberFormat.count(v), cls: cls, note: note, key: key)
    }

    static func share(_ s: Double?, key: String? = nil) -> CellView {
        guard let s else { return CellView(text: "—", cls: "num na", note: "分母为 0 或未载明", key: key) }
        return CellView(text: NumberFormat.percentText(s), cls: "num", key: key)
    }

    static func change(_ now: Measure, _ before: Measure?) -> CellView {
        guard let a = now.value, let b = before?.value else { return CellView(text: "—", cls: "num na", note: "上一年度缺报或未载明") }
        let d = a - b
        return CellView(text: (d > 0 ? "+" : "") + NumberFormat.count(d), cls: "num " + (d > 0 ? "up" : d < 0 ? "down" : ""))
    }
}
