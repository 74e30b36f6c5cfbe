import GovReportCheck

/// A horizontal stacked bar with a legend, as inline SVG: how a whole (the applications
/// handled) splits into parts. Every segment carries `data-key` and `data-value`, and the
/// numbers are repeated in `<desc>`, so the chart can be read back and checked against the
/// table beside it, and read by screen readers.
public struct StackedBarChart: Sendable {
    public typealias Segment = ChartItem

    public let id: String
    public let title: String
    public let unit: String
    public let segments: [Segment]

    public init(id: String, title: String, unit: String, segments: [Segment]) {
        self.id = id
        self.title = title
        self.unit = unit
        self.segments = segments
    }

    public var svg: String {
        let width = 640.0
        let barX = 10.0, barY = 34.0, barW = 620.0, barH = 28.0
        let known = segments.compactMap(\.value)
        let total = known.reduce(0, +)
        let description = segments.map { "\($0.label) \(NumberFormat.count($0.value)) \(unit)" }.joined(separator: "；")
        let legendRows = (segments.count + 2) / 3
        let height = barY + barH + 18 + Double(legendRows) * 22 + 8
        var out = SVGWriter()
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(coordinate: width) \(coordinate: height)\""
        out += " aria-labelledby=\"\(id)-title \(id)-desc\" data-chart=\"stacked-bar\" data-total=\"\(count: total)\">"
        out += "<title id=\"\(id)-title\">\(escaped: title)</title>"
        out += "<desc id=\"\(id)-desc\">\(escaped: description)</desc>"
        out += "<text x=\"\(coordinate: barX)\" y=\"20\" class=\"chart-title\">\(escaped: title)（合计 \(count: total) \(escaped: unit)）</text>"
        if total > 0 {
            var x = barX
            for (i, s) in segments.enumerated() {
                guard let v = s.value, v > 0 else { continue }
                let w = barW * v / total
                out += "<rect x=\"\(coordinate: x)\" y=\"\(coordinate: barY)\" width=\"\(coordinate: w)\" height=\"\(coordinate: barH)\" fill=\"\(ChartPalette.colour(i))\""
                out += " stroke=\"#fff\" stroke-width=\"1\" data-key=\"\(escaped: s.key)\" data-value=\"\(count: v)\">"
                out += "<title>\(escaped: s.label) \(count: v) \(escaped: unit)</title></rect>"
                if w >= 28 {
                    out += "<text x=\"\(coordinate: x + w / 2)\" y=\"\(coordinate: barY + barH / 2 + 5)\" text-anchor=\"middle\" class=\"chart-value\">\(count: v)</text>"
                }
                x += w
            }
        } else {
            out += "<rect x=\"\(coordinate: barX)\" y=\"\(coordinate: barY)\" width=\"\(coordinate: barW)\" height=\"\(coordinate: barH)\" fill=\"none\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>"
            let note = known.isEmpty ? "报告未载明这些数字" : "本年无办理结果"
            out += "<text x=\"\(coordinate: width / 2)\" y=\"\(coordinate: barY + barH / 2 + 5)\" text-anchor=\"middle\" class=\"chart-note\">\(note)</text>"
        }
        for (i, s) in segments.enumerated() {
            let col = Double(i % 3), row = Double(i / 3)
            let lx = barX + col * 210, ly = barY + barH + 18 + row * 22
            out += "<g class=\"legend\" data-key=\"\(escaped: s.key)\" data-value=\"\(s.value.map(NumberFormat.count) ?? "")\">"
            out += "<rect x=\"\(coordinate: lx)\" y=\"\(coordinate: ly)\" width=\"12\" height=\"12\" fill=\"\(ChartPalette.colour(i))\"/>"
            out += "<text x=\"\(coordinate: lx + 18)\" y=\"\(coordinate: ly + 11)\">\(escaped: s.label) \(count: s.value)</text></g>"
        }
        out += "</svg>"
        return out.text
    }
}
