import GovReportIngest
import Synchronization

/// A thread-safe memo of what was worked out from a text, shared by every parse of a build:
/// the same label, agency name or signature line comes back in report after report (an
/// agency's every year, every table's header). Keyed by the text's bytes (`ByteKeyedMap`) —
/// a `String` key would hash and compare through the normal form, and what is remembered (an
/// expression's match, say) can differ between canonically equal texts — in shards so that
/// both cores rarely wait for the same lock. Bounded: a shard past `limit` entries starts again.
final class TextMemo<Value: Sendable>: Sendable {
    final class Shard: Sendable {
        let store = Mutex<ByteKeyedMap<Value>>(ByteKeyedMap())
    }

    private let shards = (0..<8).map { _ in Shard() }
    let limit: Int

    init(limit: Int = 25_000) { self.limit = limit }

    /// The remembered value for the text of these bytes (valid UTF-8), or `compute` of it,
    /// remembered: the text made a string only when it is not known.
    func value(bytes: UnsafeBufferPointer<UInt8>, _ compute: (String) -> Value) -> Value {
        let shard = shards[bytes.count & 7]
        if let known = shard.store.withLock({ $0[bytes: bytes] }) { return known }
        let value = compute(String(validUTF8: bytes))
        shard.store.withLock { map in
            if map.count > limit { map.removeAll() }
            map.set(value, forBytes: bytes)
        }
        return value
    }

    /// The remembered value for `text`, or `compute(text)`, remembered.
    func value(_ text: String, _ compute: (String) -> Value) -> Value {
        let shard = shards[text.utf8.count & 7]
        if let known = shard.store.withLock({ $0[text] }) { return known }
        let value = compute(text)
        shard.store.withLock { map in
            if map.count > limit { map.removeAll() }
            map.set(value, for: text)
        }
        return value
    }
}
