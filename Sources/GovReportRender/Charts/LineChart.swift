/// Several series over the years, as inline SVG: one line per series with a legend, round
/// ticks, years on the x axis; a missing year breaks the line (a gap, never a zero). Each
/// point carries `data-series`, `data-year` and `data-value` so tests can read it back.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public let key: String
        public let label: String
        /// Value per year; nil for a year with no figure.
        public let values: [Int: Double?]

        public init(key: String, label: String, values: [Int: Double?]) {
            self.key = key
            self.label = label
            self.values = values
        }
    }

    public let id: String
    public let title: String
    public let unit: String
    public let years: [Int]
    public let series: [Series]

    public init(id: String, title: String, unit: String, years: [Int], series: [Series]) {
        self.id = id
        self.title = title
        self.unit = unit
        self.years = years
        self.series = series
    }

    public var svg: String {
        let width = 640.0, left = 56.0, right = 16.0, top = 40.0, plotH = 200.0
        let legendRows = Double((series.count + 2) / 3)
        let height = top + plotH + 34 + legendRows * 20 + 8
        let all = series.flatMap { $0.values.values.compactMap { $0 } }
        let scale = NiceScale(maximum: all.max() ?? 1)
        let plotW = width - left - right
        func x(_ year: Int) -> Double {
            guard let first = years.first, let last = years.last, last > first else { return left + plotW / 2 }
            return left + plotW * Double(year - first) / Double(last - first)
        }
        func y(_ v: Double) -> Double { top + plotH - plotH * v / scale.top }
        var desc: [String] = []
        for s in series {
            desc.append(s.label + "：" + years.map { "\($0) 年 " + (s.values[$0].flatMap { $0 }.map { chartNumber($0) } ?? "缺报") }.joined(separator: "，"))
        }
        var out = SVGWriter()
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(coordinate: width) \(coordinate: height)\""
        out += " aria-labelledby=\"\(id)-title \(id)-desc\" data-chart=\"line\">"
        out += "<title id=\"\(id)-title\">\(escaped: title)</title><desc id=\"\(id)-desc\">\(escaped: desc.joined(separator: "；"))</desc>"
        out += "<text x=\"\(coordinate: left)\" y=\"20\" class=\"chart-title\">\(escaped: title)（单位：\(escaped: unit)）</text>"
        for t in scale.ticks {
            out += "<line x1=\"\(coordinate: left)\" x2=\"\(coordinate: width - right)\" y1=\"\(coordinate: y(t))\" y2=\"\(coordinate: y(t))\" class=\"grid\" stroke=\"#ddd\"/>"
            out += "<text x=\"\(coordinate: left - 6)\" y=\"\(coordinate: y(t) + 4)\" text-anchor=\"end\" class=\"tick\">\(coordinate: t)</text>"
        }
        for year in years {
            out += "<text x=\"\(coordinate: x(year))\" y=\"\(coordinate: top + plotH + 18)\" text-anchor=\"middle\" class=\"tick\">\(year)</text>"
        }
        for (i, s) in series.enumerated() {
            let colour = ChartPalette.colour(i)
            let dashes = i % 2 == 1 ? " stroke-dasharray=\"6 3\"" : ""
            // Runs of consecutive years with values: a gap ends a line.
            var run: [(Int, Double)] = []
            func flush() {
                if run.count > 1 {
                    out += "<polyline points=\""
                    for (k, point) in run.enumerated() {
                        out += k == 0 ? "\(coordinate: x(point.0)),\(coordinate: y(point.1))" : " \(coordinate: x(point.0)),\(coordinate: y(point.1))"
                    }
                    out += "\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dashes)/>"
                }
                run = []
            }
            for year in years {
                if let v = s.values[year] ?? nil { run.append((year, v)) } else { flush() }
            }
            flush()
            for year in years {
                guard let v = s.values[year] ?? nil else { continue }
                out += "<circle cx=\"\(coordinate: x(year))\" cy=\"\(coordinate: y(v))\" r=\"3.5\" fill=\"\(colour)\""
                out += " data-series=\"\(escaped: s.key)\" data-year=\"\(year)\" data-value=\"\(coordinate: v)\">"
                out += "<title>\(escaped: s.label) \(year) 年：\(coordinate: v) \(escaped: unit)</title></circle>"
            }
            let lx = left + Double(i % 3) * 190, ly = top + plotH + 34 + Double(i / 3) * 20
            out += "<g class=\"legend\"><line x1=\"\(coordinate: lx)\" x2=\"\(coordinate: lx + 18)\" y1=\"\(coordinate: ly - 4)\" y2=\"\(coordinate: ly - 4)\" stroke=\"\(colour)\" stroke-width=\"3\"\(dashes)/>"
            out += "<text x=\"\(coordinate: lx + 24)\" y=\"\(coordinate: ly)\">\(escaped: s.label)</text></g>"
        }
        out += "</svg>"
        return out.text
    }
}
