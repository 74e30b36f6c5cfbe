import ArgumentParser
import Foundation
import GovReportCorpus

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate realistic reports with exact ground truth (truth.jsonl) for testing and benchmarks.")

    @Option(help: "How many reports.")
    var count = 100

    @Option(help: "Seed: the same seed gives the same corpus.")
    var seed: UInt64 = 1

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "Share of reports with extraction damage (0–1).")
    var damageRate = 0.35

    @Option(help: "Share of table-format reports that break a rule on purpose (0–1).")
    var breakRate = 0.06

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be positive") }
        guard (0...1).contains(damageRate), (0...1).contains(breakRate) else { throw ValidationError("rates are between 0 and 1") }
    }

    func run() throws {
        let generator = CorpusGenerator(options: .init(count: count, seed: seed, damageRate: damageRate, breakRate: breakRate))
        let truths = try generator.write(to: URL(fileURLWithPath: out))
        let broken = truths.filter { !$0.brokenRules.isEmpty }.count
        FileHandle.standardError.write(Data("wrote \(truths.count) reports (\(broken) breaking a rule on purpose) and truth.jsonl to \(out)\n".utf8))
    }
}
