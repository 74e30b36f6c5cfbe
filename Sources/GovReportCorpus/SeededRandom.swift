/// SplitMix64: a small, fast generator whose sequence is fixed by its seed on every platform,
/// so a corpus is reproducible from `--seed` alone.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// An independent stream for item `index` of a corpus: reports can be generated in any
    /// order, or in parallel, and stay the same.
    public init(seed: UInt64, index: Int, salt: UInt64 = 0) {
        var mixer = SeededRandom(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15) ^ salt)
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    public mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &self) }

    public mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    /// Splits `total` into `weights.count` non-negative parts roughly proportional to the
    /// weights (a multinomial draw for small totals, jittered proportions for large ones).
    public mutating func split(_ total: Int, weights: [Double]) -> [Int] {
        guard total > 0 else { return weights.map { _ in 0 } }
        var parts = [Int](repeating: 0, count: weights.count)
        if total <= 40 {
            let sum = weights.reduce(0, +)
            for _ in 0..<total {
                var x = Double.random(in: 0..<sum, using: &self)
                for (i, w) in weights.enumerated() {
                    x -= w
                    if x < 0 { parts[i] += 1; break }
                }
            }
            return parts
        }
        var remaining = total
        var remainingWeight = weights.reduce(0, +)
        for (i, w) in weights.enumerated() {
            if i == weights.count - 1 { parts[i] = remaining; break }
            let share = Double(remaining) * w / remainingWeight * Double.random(in: 0.8...1.2, using: &self)
            parts[i] = min(remaining, max(0, Int(share.rounded())))
            remaining -= parts[i]
            remainingWeight -= w
        }
        return parts
    }
}
