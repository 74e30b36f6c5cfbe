import Foundation

/// The speed targets the project holds itself to (at 10,000 reports on two cores), judged
/// from a benchmark's own measurements: each round's value, their median and the worst of
/// them, and whether the target holds. On a shared machine one round can run on a slow
/// stretch (every program in it slower, Hugo and `cmark` too), so a target is judged on the
/// median of the rounds, and the worst round and how many rounds met it are printed beside
/// it — never left out.
struct BenchTargets {
    /// One round's measurements of this build at the targets' size.
    struct Round: Equatable {
        var fullBuild: Double
        /// Hugo's time for the same pages in the same round, when it is installed.
        var hugo: Double?
        var extract: Double
        var rebuildOneChanged: Double
        /// The highest peak resident memory of the round's phases, in MB.
        var peakMB: Double
    }

    /// A target's verdict.
    struct Verdict: Equatable {
        var target: String
        /// Each round's value (Hugo's ratio only in rounds with Hugo).
        var values: [Double]
        var median: Double?
        var worst: Double?
        /// Rounds whose value meets the target.
        var met: Int
        /// Whether the median meets it; nil when there is nothing to judge (no Hugo).
        var holds: Bool?
    }

    static let size = 10_000
    static let largerSize = 50_000
    static let hugoRatio = 0.5, peakMB = 400.0, rebuildSeconds = 0.5, extractMBps = 50.0, growth = 5.5

    /// The verdicts at `size` reports (`megabytes` of report text), and of the growth from
    /// `size` to `largerSize` when that was measured: in each round, the time of a full build
    /// and of extraction at the larger size over those at `size` in the same round (measured
    /// minutes apart, so that a drift of the machine's speed over the run weighs on both).
    static func judge(megabytes: Double, rounds: [Round], growth: [(fullBuild: Double, extract: Double)] = []) -> [Verdict] {
        /// A target met by values at most `limit` (or, `lowerIsWorse`, at least `limit`);
        /// `strictly`: below it (above it), not at it.
        func verdict(_ target: String, _ values: [Double], limit: Double, lowerIsWorse: Bool = false, strictly: Bool = false) -> Verdict {
            func meets(_ v: Double) -> Bool {
                switch (lowerIsWorse, strictly) {
                case (false, false): v <= limit
                case (false, true): v < limit
                case (true, false): v >= limit
                case (true, true): v > limit
                }
            }
            guard !values.isEmpty else { return Verdict(target: target, values: [], median: nil, worst: nil, met: 0, holds: nil) }
            let median = Bench.median(values)
            return Verdict(target: target, values: values, median: median, worst: lowerIsWorse ? values.min()! : values.max()!,
                           met: values.filter(meets).count, holds: meets(median))
        }
        var verdicts = [
            verdict("full build ≤ 0.5 × Hugo", rounds.compactMap { r in r.hugo.map { r.fullBuild / $0 } }, limit: hugoRatio),
            verdict("peak memory < 400 MB", rounds.map(\.peakMB), limit: peakMB, strictly: true),
            verdict("one-change rebuild < 0.5 s", rounds.map(\.rebuildOneChanged), limit: rebuildSeconds, strictly: true),
            verdict("extraction ≥ 50 MB/s", rounds.map { megabytes / $0.extract }, limit: extractMBps, lowerIsWorse: true),
        ]
        if !growth.isEmpty {
            verdicts.append(verdict("50,000 ≤ 5.5 × 10,000, full build", growth.map(\.fullBuild), limit: Self.growth))
            verdicts.append(verdict("50,000 ≤ 5.5 × 10,000, extraction", growth.map(\.extract), limit: Self.growth))
        }
        return verdicts
    }

    /// The verdicts as the benchmark prints them.
    static func table(_ verdicts: [Verdict], rounds: Int) -> String {
        var out = "\ntargets at \(size) reports (each judged on the median of \(rounds) round(s); the worst round beside it):\n"
        out += "target                                  median     worst   rounds met  holds\n"
        for v in verdicts {
            func number(_ x: Double?) -> String {
                guard let x else { return "—" }
                return x >= 100 ? String(format: "%.0f", x) : String(format: "%.2f", x)
            }
            let holds = v.holds.map { $0 ? "yes" : "NO" } ?? "— (no Hugo)"
            out += v.target.padding(toLength: 38, withPad: " ", startingAt: 0)
                + number(v.median).leftPadded(8) + number(v.worst).leftPadded(10)
                + "\(v.met) of \(v.values.count)".leftPadded(13) + "  " + holds + "\n"
        }
        return out
    }
}

fileprivate extension String {
    /// The string with spaces before it to make `width` characters.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
