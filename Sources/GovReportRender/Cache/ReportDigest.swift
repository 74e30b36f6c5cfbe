import GovReportAnalyse
import GovReportCheck
import GovReportIngest
import GovReportParse

/// A hash of what reading a file gave, the same for equal results in every run. Dictionaries
/// are folded in with a sum of their entries' hashes, which does not depend on their order
/// (sorting them cost a tenth of the time spent reading).
enum ReportDigest {
    static func of(_ outcome: ReadOutcome) -> UInt64 {
        var f = Fingerprint()
        switch outcome {
        case .failure(let d):
            f.add("failure")
            add(d, to: &f)
        case .report(let c):
            let r = c.report
            f.add(r.source)
            f.add(r.agency?.name ?? "\u{0}")
            f.add(r.agency?.printedName ?? "\u{0}")
            f.add(r.agency?.source.rawValue ?? "\u{0}")
            for part in [r.region.province, r.region.city, r.region.district, r.region.street] { f.add(part ?? "\u{0}") }
            f.add(UInt64(bitPattern: Int64(r.year ?? Int.min)))
            f.add(r.edition?.rawValue ?? "\u{0}")
            f.add(r.published ?? "\u{0}")
            f.add(UInt64(bitPattern: Int64(r.titleLine ?? Int.min)))
            // (A figure table walks in key order: no fold needed.)
            f.add(UInt64(r.figures.count))
            // A canonical key by its place (its text hashed was a visible part of a build).
            r.figures.forEachPlaced { place, key, figure in
                if let place { f.add(UInt64(place)) } else { f.add(key.text) }
                f.add(figure.value.map { $0.bitPattern } ?? 0x7FF8_0000_0000_0BAD)
                f.add(UInt64(bitPattern: Int64(figure.line)))
                f.add(figure.origin == .table ? 1 : 2)
            }
            f.add(fold(r.sectionLines) { section, line, e in e.add(UInt64(section.rawValue)); e.add(UInt64(bitPattern: Int64(line))) })
            f.add(fold(r.sectionNumbers) { section, number, e in e.add(UInt64(section.rawValue)); e.add(number) })
            f.add(UInt64(r.diagnostics.count))
            for d in r.diagnostics { add(d, to: &f) }
            f.add(r.isRecognised ? "recognised" : "not recognised")
            f.add(fold(c.inferred) { key, inference, e in
                e.add(key)
                e.add(inference.value.bitPattern)
                e.add(UInt64(inference.rule))
                e.add(inference.reason)
            })
            f.add(UInt64(c.violations.count))
            for v in c.violations {
                f.add(UInt64(v.rule))
                f.add(v.message)
                for k in v.keys { f.add(k) }
                f.add(v.location.path)
                f.add(UInt64(bitPattern: Int64(v.location.line)))
            }
        }
        return f.value
    }

    static func add(_ d: Diagnostic, to f: inout Fingerprint) {
        f.add(d.severity.rawValue)
        f.add(d.location.path)
        f.add(UInt64(bitPattern: Int64(d.location.line)))
        f.add(d.message)
    }

    /// The entries of a dictionary or a table of sections folded into one sum, whatever their
    /// order. (`underestimatedCount` is the count of both.)
    static func fold<S: Sequence, K, V>(_ entries: S, _ entry: (K, V, inout Fingerprint) -> Void) -> UInt64
        where S.Element == (key: K, value: V) {
        var sum: UInt64 = UInt64(entries.underestimatedCount)
        for (k, v) in entries {
            var e = Fingerprint()
            entry(k, v, &e)
            // A final mix so that sums of similar hashes do not cancel out.
            var x = e.value
            x ^= x >> 33
            x = x &* 0xFF51_AFD7_ED55_8CCD
            x ^= x >> 33
            sum = sum &+ x
        }
        return sum
    }
}
