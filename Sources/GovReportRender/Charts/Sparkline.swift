/// A small line for a table cell: the shape of a series over the years, gaps kept, with
/// the numbers in `<title>` for readers who hover or use a screen reader.
public struct Sparkline: Sendable {
    public let values: [Double?]
    public let label: String

    public init(values: [Double?], label: String) {
        self.values = values
        self.label = label
    }

    public var svg: String {
        let width = 80.0, height = 20.0
        let maximum = max(values.compactMap { $0 }.max() ?? 1, 1)
        func x(_ i: Int) -> Double { values.count > 1 ? 2 + (width - 4) * Double(i) / Double(values.count - 1) : width / 2 }
        func y(_ v: Double) -> Double { height - 2 - (height - 4) * v / maximum }
        var out = SVGWriter(capacity: 1024)
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" role=\"img\" viewBox=\"0 0 80 20\" data-chart=\"sparkline\">"
        out += "<title>\(escaped: label)："
        for (i, v) in values.enumerated() {
            if i > 0 { out += "、" }
            if let v { out += "\(coordinate: v)" } else { out += "缺" }
        }
        out += "</title>"
        var run: [(x: Double, y: Double)] = []
        for (i, v) in values.enumerated() {
            if let v { run.append((x(i), y(v))) }
            if v == nil || i == values.count - 1 {
                if run.count > 1 {
                    out += "<polyline points=\""
                    for (k, p) in run.enumerated() { out += k == 0 ? "\(coordinate: p.x),\(coordinate: p.y)" : " \(coordinate: p.x),\(coordinate: p.y)" }
                    out += "\" fill=\"none\" stroke=\"\(ChartPalette.colour(0))\" stroke-width=\"1.5\"/>"
                }
                if run.count == 1 {
                    out += "<circle cx=\"\(coordinate: run[0].x)\" cy=\"\(coordinate: run[0].y)\" r=\"1.5\" fill=\"\(ChartPalette.colour(0))\"/>"
                }
                run = []
            }
        }
        out += "</svg>"
        return out.text
    }
}
