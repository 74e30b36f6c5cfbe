import Foundation
import GovReportCheck
import GovReportParse

/// One report as the public export record (`govreport extract`, the site's downloads).
/// The field names are a public interface documented in the README: keep them stable.
public enum ExportRecord {
    public static func object(_ checked: CheckedReport) -> [String: Any] {
        let report = checked.report
        var figures: [String: Any] = [:]
        for (key, figure) in report.figures { figures[key] = figure.value.map { $0 as Any } ?? NSNull() }
        var region: [String: Any] = [:]
        region["province"] = report.region.province ?? NSNull()
        region["city"] = report.region.city ?? NSNull()
        region["district"] = report.region.district ?? NSNull()
        region["street"] = report.region.street ?? NSNull()
        return [
            "source": report.source,
            "agency": report.agency?.name ?? NSNull(),
            "region": region,
            "year": report.year ?? NSNull(),
            "template": report.edition?.rawValue ?? NSNull(),
            "published": report.published ?? NSNull(),
            "figures": figures,
            "inferred": checked.inferred.mapValues { $0.value },
            "violations": checked.violations.map { v in
                ["rule": v.rule, "message": v.message, "keys": v.keys, "line": v.location.line] as [String: Any]
            },
            "warnings": report.diagnostics.filter { $0.severity >= .warning }.map { d in
                ["line": d.location.line, "message": d.message] as [String: Any]
            },
        ]
    }

    /// Deterministic JSON: sorted keys, integers without a decimal point.
    public static func json(_ value: Any, pretty: Bool = true) -> String {
        JSONText.write(value, pretty: pretty)
    }

    /// Long-form CSV: one row per report and figure.
    public static func csv(_ reports: [CheckedReport]) -> String {
        var out = csvHeader
        for checked in reports { out += csvRows(checked) }
        return out
    }

    public static let csvHeader = "source,agency,year,template,key,value,inferred\n"

    /// One report's rows of the long-form CSV.
    public static func csvRows(_ checked: CheckedReport) -> String {
        var out = ""
        func field(_ s: String) -> String {
            s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        let r = checked.report
        let head = field(r.source) + "," + field(r.agency?.name ?? "") + "," + (r.year.map(String.init) ?? "") + "," + (r.edition?.rawValue ?? "") + ","
        let keys = Set(r.figures.keys).union(checked.inferred.keys).sorted()
        for key in keys {
            let read = r.figures[key]?.value
            let inferred = read == nil ? checked.inferred[key]?.value : nil
            let value = (read ?? inferred).map(ConsistencyChecker.format) ?? ""
            out += head + key + "," + value + (inferred != nil ? ",true\n" : ",false\n")
        }
        return out
    }

    /// One report's record as it stands in the pretty-printed array (indented by two).
    public static func jsonRecord(_ checked: CheckedReport) -> String {
        var out = ""
        JSONText.append(object(checked), to: &out, pretty: true, indent: 2)
        return out
    }

    /// The export of many reports as one pretty-printed JSON array, handed out a record at a
    /// time so that a national corpus never sits in memory as one string. The bytes equal
    /// `json(reports.map(object))`.
    public static func jsonArray(_ reports: [CheckedReport], _ emit: (String) throws -> Void) rethrows {
        if reports.isEmpty { try emit("[\n\n]"); return }
        for (n, checked) in reports.enumerated() {
            var piece = n == 0 ? "[\n  " : ",\n  "
            JSONText.append(object(checked), to: &piece, pretty: true, indent: 2)
            try emit(piece)
        }
        try emit("\n]")
    }
}
