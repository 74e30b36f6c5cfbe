import Foundation
import GovReportRender
import TestSupport
import Testing

@Suite struct ChartTests {
    let chart = StackedBarChart(id: "c", title: "申请办理结果构成", unit: "件", segments: [
        .init(key: "disclosed", label: "予以公开", value: 3),
        .init(key: "partially_disclosed", label: "部分公开", value: 5),
        .init(key: "withheld", label: "不予公开", value: 0),
        .init(key: "other", label: "其他<处理>", value: nil),
    ])

    @Test func segmentsCarryTheirValues() {
        let svg = chart.svg
        #expect(svg.contains("data-key=\"disclosed\" data-value=\"3\""))
        #expect(svg.contains("data-key=\"partially_disclosed\" data-value=\"5\""))
        #expect(svg.contains("data-total=\"8\""))
        // Widths are proportional: 3/8 and 5/8 of 620.
        #expect(svg.contains("width=\"232.5\""))
        #expect(svg.contains("width=\"387.5\""))
    }

    @Test func accessibleAndScalable() {
        let svg = chart.svg
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title id=\"c-title\">申请办理结果构成</title>"))
        #expect(svg.contains("<desc id=\"c-desc\">予以公开 3 件；部分公开 5 件；不予公开 0 件；其他&lt;处理&gt; — 件</desc>"))
        #expect(svg.contains("viewBox=\"0 0 640 "))
        #expect(!svg.contains("width=\"640\""))
    }

    @Test func unknownValueIsNotDrawnAsZero() {
        let svg = chart.svg
        #expect(!svg.contains("data-key=\"other\" data-value=\"0\""))
        #expect(svg.contains("data-key=\"other\" data-value=\"\""))
    }

    @Test func emptyChartSaysSo() {
        let empty = StackedBarChart(id: "e", title: "t", unit: "件", segments: [.init(key: "a", label: "A", value: 0)])
        #expect(empty.svg.contains("本年无办理结果"))
    }

    @Test func wellFormedXML() throws {
        let document = XHTMLDocument(data: Data(chart.svg.utf8))
        #expect(document.wellFormed, "\(document.error ?? "")")
        #expect(document.chartValues.filter { $0.key == "disclosed" }.map(\.value) == ["3", "3"])
    }
}
