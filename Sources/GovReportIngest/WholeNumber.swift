extension Double {
    /// Whether the value is a whole number of magnitude below 10^15 (one the exports and the
    /// cache write as an integer): `self == rounded() && abs(self) < 1e15`, without a call
    /// to the C library's `round` for every figure written (a quarter of a million a build
    /// of a thousand reports). Below 10^15 the truncation to Int64 is exact for a whole
    /// number and cannot trap; NaN and the infinities fail the bound.
    @inlinable
    public var isWholeBelowE15: Bool {
        abs(self) < 1e15 && Double(Int64(self)) == self
    }
}
