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
        return String(format: "%.1f%%", part / whole * 100)
    }
}
