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
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" role=\"img\" viewBox=\"0 0 80 20\" data-chart=\"sparkline\">"
        out += "<title>\(HTML.escape(label))：\(values.map { $0.map(chartNumber) ?? "缺" }.joined(separator: "、"))</title>"
        var run: [String] = []
        for (i, v) in values.enumerated() {
            if let v { run.append("\(chartNumber(x(i))),\(chartNumber(y(v)))") }
            if v == nil || i == values.count - 1 {
                if run.count > 1 { out += "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"\(ChartPalette.colour(0))\" stroke-width=\"1.5\"/>" }
                if run.count == 1 { out += "<circle cx=\"\(run[0].split(separator: ",")[0])\" cy=\"\(run[0].split(separator: ",")[1])\" r=\"1.5\" fill=\"\(ChartPalette.colour(0))\"/>" }
                run = []
            }
        }
        out += "</svg>"
        return out
    }
}
