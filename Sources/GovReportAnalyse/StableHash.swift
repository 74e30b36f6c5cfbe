import Foundation
import GovReportIngest
/// FNV-1a, 64 bits: a hash that is the same on every machine and every run (Swift's own
/// `Hasher` is seeded per process), for page names that survive a rebuild.
public enum StableHash {
    public static func fnv1a(_ text: String) -> UInt64 {
        func hash<S: Sequence<UInt8>>(_ bytes: S) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            return hash
        }
        // Over the bytes in place when the text has them so (iterating the UTF-8 view cost
        // several times as much).
        return text.utf8.withContiguousStorageIfAvailable { hash($0) } ?? hash(text.utf8)
    }

    public static func hex(_ text: String, digits: Int = 10) -> String {
        let h = String(fnv1a(text), radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - h.count)) + h).prefix(digits))
    }
}

/// A hash over a sequence of fields (FNV-1a, eight bytes at a time where a field has them),
/// each closed by a separator byte so that ("ab", "c") and ("a", "bc") differ: the key of
/// the build cache's entries.
public struct Fingerprint: Sendable, Hashable {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325
    public var value: UInt64 { state }

    public init() {}

    /// (Inlinable, over the text's own bytes: through the generic `add(bytes:)` from another
    /// module, each of the 370,000 texts of a thousand reports' build went the generic way.)
    @inlinable public mutating func add(_ text: String) {
        text.withUTF8Bytes { add(buffer: $0) }
    }

    public mutating func add<S: Sequence<UInt8>>(bytes: S) {
        // Over contiguous storage when there is one (Data's element-by-element iterator
        // was most of the cost of hashing a file).
        if bytes.withContiguousStorageIfAvailable({ add(buffer: $0) }) != nil { return }
        Array(bytes).withUnsafeBufferPointer { add(buffer: $0) }
    }

    public mutating func add(bytes data: Data) {
        data.withUnsafeBytes { add(buffer: $0.bindMemory(to: UInt8.self)) }
    }

    /// Eight bytes at a time, each word (little-endian) mixed in by a multiply and a shift,
    /// then the rest byte by byte (FNV-1a): a page's fingerprint hashes every string of its
    /// view, and byte by byte that was a visible part of a build. Only builds compare
    /// fingerprints, and a cache made by another binary is not used, so the scheme may change.
    @usableFromInline mutating func add(buffer: UnsafeBufferPointer<UInt8>) {
        var hash = value
        var i = 0
        while i + 8 <= buffer.count {
            hash = Self.mix(hash, UInt64(littleEndian: WordBytes.load(buffer, at: i)))
            i += 8
        }
        while i < buffer.count {
            hash ^= UInt64(buffer[i])
            hash = hash &* 0x0000_0100_0000_01B3
            i += 1
        }
        state = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
    }

    @inlinable @inline(__always)
    static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let h = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 29)
    }

    /// The number's eight bytes, least significant first (as `add(bytes:)` of its
    /// little-endian bytes: one word), without a buffer (views and rows are fingerprinted
    /// from hundreds of thousands of numbers a build).
    @inlinable public mutating func add(_ number: UInt64) {
        state = (Self.mix(state, number) ^ 0xFF) &* 0x0000_0100_0000_01B3
    }
}
