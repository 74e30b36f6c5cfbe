import GovReportIngest
import Testing

/// `isWholeBelowE15` stands for `v == v.rounded() && abs(v) < 1e15` wherever a figure is
/// written: the two must agree on every double, the edges above all.
@Suite struct WholeNumberTests {
    static func reference(_ v: Double) -> Bool { v == v.rounded() && abs(v) < 1e15 }

    @Test func agreesWithRoundingOnEdgesAndRandomValues() {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, -0.5, 1.5, 2.5, 1e15, -1e15, 1e15 - 1, -(1e15 - 1),
                                999_999_999_999_999.9, 1e15.nextDown, 1e15.nextUp, 4503599627370496, 4503599627370495.5,
                                9007199254740993, .nan, -.nan, .infinity, -.infinity, .ulpOfOne, .leastNonzeroMagnitude,
                                .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e300, 0.1 + 0.2, 1e-300]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let whole = Double(Int64.random(in: -2_000_000_000_000_000...2_000_000_000_000_000, using: &random))
            values += [whole, whole + 0.5, whole / 3, Double.random(in: -1e16...1e16, using: &random),
                       Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &random))]
        }
        var disagreements: [Double] = []
        for v in values where v.isWholeBelowE15 != Self.reference(v) { disagreements.append(v) }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        // Both sides seen: the test would notice a test that always says yes or no.
        #expect(values.contains { $0.isWholeBelowE15 } && values.contains { !$0.isWholeBelowE15 })
    }
}
