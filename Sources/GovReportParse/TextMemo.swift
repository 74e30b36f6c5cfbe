import GovReportIngest
import Synchronization

/// A thread-safe memo of what was worked out from a text, shared by every parse of a build:
/// the same label, agency name or signature line comes back in report after report (an
/// agency's every year, every table's header). Keyed by the text's bytes (`ByteKeyedMap`) —
/// a `String` key would hash and compare through the normal form, and what is remembered (an
/// expression's match, say) can differ between canonically equal texts — in shards so that
/// both cores rarely wait for the same lock. Bounded: a shard past `limit` entries starts again.
final class TextMemo<Value: Sendable>: Sendable {
    /// The shards, each a lock and its map, held in the memo itself: kept in an array of
    /// objects, the shard asked for was retained and released for every look-up, an atomic
    /// count on an object both cores share.
    private let s0 = Mutex(ByteKeyedMap<Value>()), s1 = Mutex(ByteKeyedMap<Value>())
    private let s2 = Mutex(ByteKeyedMap<Value>()), s3 = Mutex(ByteKeyedMap<Value>())
    private let s4 = Mutex(ByteKeyedMap<Value>()), s5 = Mutex(ByteKeyedMap<Value>())
    private let s6 = Mutex(ByteKeyedMap<Value>()), s7 = Mutex(ByteKeyedMap<Value>())
    let limit: Int

    init(limit: Int = 25_000) { self.limit = limit }

    /// `body` on the map of shard `k` (0…7), under its lock.
    private func withShard<R: Sendable>(_ k: Int, _ body: (inout sending ByteKeyedMap<Value>) -> sending R) -> R {
        switch k & 7 {
        case 0: s0.withLock(body)
        case 1: s1.withLock(body)
        case 2: s2.withLock(body)
        case 3: s3.withLock(body)
        case 4: s4.withLock(body)
        case 5: s5.withLock(body)
        case 6: s6.withLock(body)
        default: s7.withLock(body)
        }
    }

    /// The remembered value for the text of these bytes (valid UTF-8), or `compute` of it,
    /// remembered: the text made a string only when it is not known.
    func value(bytes: UnsafeBufferPointer<UInt8>, _ compute: (String) -> Value) -> Value {
        value(bytes, text: nil, compute)
    }

    /// The remembered value for `text`, or `compute(text)`, remembered.
    func value(_ text: String, _ compute: (String) -> Value) -> Value {
        text.withUTF8Bytes { value($0, text: text, compute) }
    }

    /// The look-up both make: `text` is the string of `bytes` when the caller has one (made of
    /// the bytes only when `compute` needs it).
    private func value(_ bytes: UnsafeBufferPointer<UInt8>, text: String?, _ compute: (String) -> Value) -> Value {
        let k = bytes.count
        if let known = withShard(k, { $0[bytes: bytes] }) { return known }
        let value = compute(text ?? String(validUTF8: bytes))
        withShard(k) { map in
            if map.count > limit { map.removeAll() }
            map.set(value, forBytes: bytes)
        }
        return value
    }
}
