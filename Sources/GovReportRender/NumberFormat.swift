import Foundation
import GovReportCheck

/// How numbers and shares are written on the site: integers without decimals, shares with
/// one decimal and a per-cent sign, and a dash for a share of nothing (never NaN).
public enum NumberFormat {
    public static func count(_ value: Double?) -> String {
        value.map(ConsistencyChecker.format) ?? "—"
    }

    public static func share(_ part: Double?, of whole: Double?) -> String {
        guard let part, let whole, whole > 0 else { return "—" }
        return percentText(part / whole)
    }

    /// A share in per cent, rounded once to one decimal (half away from zero), so that a
    /// chart and the table beside it show the same number.
    public static func percent(_ share: Double) -> Double { (share * 1000).rounded() / 10 }

    public static func percentText(_ share: Double) -> String {
        let p = percent(share)
        guard p.isFinite, abs(p) < 1e12 else { return String(format: "%.1f%%", p) }
        let tenths = Int64((abs(p) * 10).rounded())
        return (p.sign == .minus ? "-" : "") + "\(tenths / 10).\(tenths % 10)%"
    }
}
