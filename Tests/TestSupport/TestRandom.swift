/// The tests' source of random texts and rows: a linear congruential generator, the same
/// numbers from the same seed on every machine (a test's random inputs are its fixtures).
public struct TestRandom {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    /// A number in 0..<n.
    public mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }
}
