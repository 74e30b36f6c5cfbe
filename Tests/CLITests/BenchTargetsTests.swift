import Foundation
@testable import govreport
import Testing

/// The benchmark judges each target on the median of its rounds, and shows the worst round
/// and how many rounds met it beside the verdict.
@Suite struct BenchTargetsTests {
    /// Five rounds of 32 MB of reports, the third on a slow stretch.
    static let rounds = [
        BenchTargets.Round(fullBuild: 1.30, hugo: 4.40, extract: 0.48, rebuildOneChanged: 0.18, peakMB: 131),
        BenchTargets.Round(fullBuild: 1.35, hugo: 4.30, extract: 0.43, rebuildOneChanged: 0.19, peakMB: 130),
        BenchTargets.Round(fullBuild: 2.30, hugo: 4.50, extract: 0.67, rebuildOneChanged: 0.31, peakMB: 132),
        BenchTargets.Round(fullBuild: 1.50, hugo: 4.40, extract: 0.47, rebuildOneChanged: 0.18, peakMB: 131),
        BenchTargets.Round(fullBuild: 1.40, hugo: 4.40, extract: 0.43, rebuildOneChanged: 0.20, peakMB: 400),
    ]

    @Test func aSlowRoundIsShownNotHidden() throws {
        // The growth round by round: the full build's over 5.5 × in two rounds of five (the
        // median holds), extraction's in three (it does not).
        let growth = [(4.88, 5.6), (5.1, 4.9), (5.7, 5.8), (5.6, 5.2), (5.0, 5.7)].map { (fullBuild: $0.0, extract: $0.1) }
        let verdicts = BenchTargets.judge(megabytes: 32, rounds: Self.rounds, growth: growth)
        #expect(verdicts.map(\.target) == ["full build ≤ 0.5 × Hugo", "peak memory < 400 MB", "one-change rebuild < 0.5 s",
                                          "extraction ≥ 50 MB/s", "50,000 ≤ 5.5 × 10,000, full build", "50,000 ≤ 5.5 × 10,000, extraction"])
        let hugo = verdicts[0]
        #expect(hugo.values.count == 5)
        #expect(abs(try #require(hugo.median) - 1.40 / 4.40) < 1e-9)
        #expect(abs(try #require(hugo.worst) - 2.30 / 4.50) < 1e-9)
        #expect(hugo.met == 4 && hugo.holds == true)
        // 400 MB is not under 400 MB: one round misses, the median holds.
        #expect(verdicts[1].met == 4 && verdicts[1].worst == 400 && verdicts[1].holds == true)
        #expect(verdicts[2].met == 5 && verdicts[2].median == 0.19 && verdicts[2].holds == true)
        let extraction = verdicts[3]
        #expect(abs(try #require(extraction.median) - 32 / 0.47) < 1e-9)
        #expect(abs(try #require(extraction.worst) - 32 / 0.67) < 1e-9)
        #expect(extraction.met == 4 && extraction.holds == true)
        #expect(verdicts[4].values == [4.88, 5.1, 5.7, 5.6, 5.0] && verdicts[4].median == 5.1 && verdicts[4].worst == 5.7)
        #expect(verdicts[4].met == 3 && verdicts[4].holds == true)
        #expect(verdicts[5].median == 5.6 && verdicts[5].worst == 5.8 && verdicts[5].met == 2 && verdicts[5].holds == false)

        let table = BenchTargets.table(verdicts, rounds: 5)
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.contains("extraction ≥ 50 MB/s                     68.09     47.76       4 of 5  yes"))
        #expect(lines.contains("50,000 ≤ 5.5 × 10,000, full build         5.10      5.70       3 of 5  yes"))
        #expect(lines.contains("50,000 ≤ 5.5 × 10,000, extraction         5.60      5.80       2 of 5  NO"))
        #expect(lines.contains("peak memory < 400 MB                       131       400       4 of 5  yes"))
    }

    @Test func aMedianThatMissesFails() {
        // Three of five rounds under 50 MB/s.
        let slow = Self.rounds.enumerated().map { k, r in
            var r = r
            r.extract = k < 3 ? 0.70 : 0.45
            return r
        }
        let extraction = BenchTargets.judge(megabytes: 32, rounds: slow, growth: [])[3]
        #expect(extraction.met == 2 && extraction.holds == false)
        #expect(BenchTargets.judge(megabytes: 32, rounds: slow, growth: []).count == 4)
    }

    @Test func withoutHugoTheRatioIsNotJudged() {
        let noHugo = Self.rounds.map { r in
            var r = r
            r.hugo = nil
            return r
        }
        let hugo = BenchTargets.judge(megabytes: 32, rounds: noHugo, growth: [])[0]
        #expect(hugo.values.isEmpty && hugo.holds == nil && hugo.median == nil)
        #expect(BenchTargets.table([hugo], rounds: 5).contains("— (no Hugo)"))
    }
}
