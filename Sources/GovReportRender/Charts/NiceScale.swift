import Foundation

/// Round tick values for an axis from 0 to at least `maximum`: steps of 1, 2 or 5 times a
/// power of ten, about five of them.
struct NiceScale {
    let ticks: [Double]
    var top: Double { ticks.last ?? 1 }

    init(maximum: Double, count: Int = 5) {
        let maxValue = max(maximum, 1)
        let rough = maxValue / Double(count)
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let top = ceil(maxValue / step) * step
        ticks = stride(from: 0, through: top + step / 2, by: step).map { $0 }
    }
}

func chartNumber(_ v: Double) -> String {
    let rounded = (v * 10).rounded() / 10
    return NumberFormat.count(rounded)
}
