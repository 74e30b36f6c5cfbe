/// Colours for charts: the Okabe–Ito palette, safe for colour-blind readers, ordered so that
/// neighbouring segments also differ in lightness when printed in grey.
enum ChartPalette {
    static let colours = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#999999"]

    static func colour(_ index: Int) -> String { colours[index % colours.count] }
}
