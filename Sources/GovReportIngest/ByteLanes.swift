/// Sixteen bytes of a text at a time, compared lane by lane in one vector instruction each
/// (the compiler makes SSE2 of `SIMD16<UInt8>`): for the scans that look through a whole page
/// for a few bytes that are rarely there — four bytes an instruction or more, where the
/// eight-byte words of `WordBytes` take several instructions a byte once a test needs more
/// than one of them.
public enum ByteLanes {
    public typealias Lanes = SIMD16<UInt8>

    /// The sixteen bytes from `i` (which must have sixteen bytes after it).
    @inlinable @inline(__always)
    public static func load(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Lanes {
        UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: Lanes.self)
    }

    @inlinable @inline(__always)
    public static func splat(_ byte: UInt8) -> Lanes { Lanes(repeating: byte) }

    /// Whether any lane of `mask` is set. (`any(_:)` went through a call to the vector's
    /// generic `min()`, not made inline across the modules.)
    @inlinable @inline(__always)
    public static func any(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let words = unsafeBitCast(mask, to: (UInt64, UInt64).self)
        return words.0 | words.1 != 0
    }
}
