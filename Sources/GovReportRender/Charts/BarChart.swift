/// A horizontal bar chart for rankings, as inline SVG: one labelled bar per item, values
/// written at the end of each bar and in `data-value`.
public struct BarChart: Sendable {
    public typealias Bar = ChartItem

    public let id: String
    public let title: String
    public let unit: String
    public let bars: [Bar]

    public init(id: String, title: String, unit: String, bars: [Bar]) {
        self.id = id
        self.title = title
        self.unit = unit
        self.bars = bars
    }

    public var svg: String {
        let width = 640.0, labelW = 230.0, barH = 18.0, gap = 6.0, top = 34.0
        let height = top + Double(bars.count) * (barH + gap) + 24
        let scale = NiceScale(maximum: bars.compactMap(\.value).max() ?? 1, count: 4)
        let plotW = width - labelW - 60
        let desc = bars.map { "\($0.label) \($0.value.map(chartNumber) ?? "未载明")" }.joined(separator: "；")
        var out = SVGWriter()
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(coordinate: width) \(coordinate: height)\""
        out += " aria-labelledby=\"\(id)-title \(id)-desc\" data-chart=\"bar\">"
        out += "<title id=\"\(id)-title\">\(escaped: title)</title><desc id=\"\(id)-desc\">\(escaped: desc)</desc>"
        out += "<text x=\"10\" y=\"20\" class=\"chart-title\">\(escaped: title)（单位：\(escaped: unit)）</text>"
        for t in scale.ticks {
            let x = labelW + plotW * t / scale.top
            out += "<line x1=\"\(coordinate: x)\" x2=\"\(coordinate: x)\" y1=\"\(coordinate: top - 4)\" y2=\"\(coordinate: height - 20)\" stroke=\"#e3e3e3\"/>"
            out += "<text x=\"\(coordinate: x)\" y=\"\(coordinate: height - 6)\" text-anchor=\"middle\" class=\"tick\">\(coordinate: t)</text>"
        }
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * (barH + gap)
            let label = bar.label.count > 16 ? String(bar.label.prefix(15)) + "…" : bar.label
            out += "<text x=\"\(coordinate: labelW - 6)\" y=\"\(coordinate: y + barH - 5)\" text-anchor=\"end\">\(escaped: label)</text>"
            if let v = bar.value {
                let w = plotW * v / scale.top
                out += "<rect x=\"\(coordinate: labelW)\" y=\"\(coordinate: y)\" width=\"\(coordinate: w)\" height=\"\(coordinate: barH)\" fill=\"\(ChartPalette.colour(0))\""
                out += " data-key=\"\(escaped: bar.key)\" data-value=\"\(coordinate: v)\"><title>\(escaped: bar.label) \(coordinate: v) \(escaped: unit)</title></rect>"
                out += "<text x=\"\(coordinate: labelW + w + 4)\" y=\"\(coordinate: y + barH - 5)\" class=\"bar-value\">\(coordinate: v)</text>"
            } else {
                out += "<text x=\"\(coordinate: labelW + 4)\" y=\"\(coordinate: y + barH - 5)\" class=\"chart-note\" data-key=\"\(escaped: bar.key)\" data-value=\"\">未载明</text>"
            }
        }
        out += "</svg>"
        return out.text
    }
}
