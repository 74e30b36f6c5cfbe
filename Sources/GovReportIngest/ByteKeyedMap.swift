import Foundation

/// A map from texts to values that tells texts apart by their UTF-8 bytes, for the memos
/// the parsers share and the build cache's string table.
///
/// Why not `[String: Value]`: `String` hashes and compares through the normal form, which for
/// Chinese text is a visible cost, and canonically equal texts in other bytes must stay apart
/// where they are kept byte for byte (the cache's string table) or can be read differently (an
/// expression's match). Why not a `Dictionary` keyed by a byte-comparing wrapper either: its
/// lookup seeded and finalised a SipHash and compared whole strings on the way, some 750
/// instructions a label, tens of thousands of times a build. Here a text is found by a word
/// folded from its bytes (`String.digest`), its slot's word compared first, its bytes (kept
/// in one store) compared only when the words agree.
public struct ByteKeyedMap<Value> {
    /// A slot: the key's word, where its bytes are in `store`, and its value's place in
    /// `values` plus one (0 for an empty slot: the slots are made as zero bytes).
    @usableFromInline struct Slot {
        @usableFromInline var digest: UInt64
        @usableFromInline var start: Int
        @usableFromInline var length: Int
        @usableFromInline var value: Int

        @usableFromInline init(digest: UInt64, start: Int, length: Int, value: Int) {
            self.digest = digest
            self.start = start
            self.length = length
            self.value = value
        }
    }

    @usableFromInline var slots: [Slot]
    @usableFromInline var store: [UInt8] = []
    /// The values in the order their keys came.
    @usableFromInline var values: [Value] = []

    public init(capacity: Int = 0) {
        var size = 16
        while size * 3 < capacity * 4 { size *= 2 }
        slots = Self.emptySlots(size)
        values.reserveCapacity(capacity)
        // Room for keys of some two dozen bytes each (a table's row keys): the store grown
        // from nothing was four or five copies for every table's row ledger.
        store.reserveCapacity(capacity * 24)
    }

    public var count: Int { values.count }

    /// The value kept for the text with these bytes.
    @inlinable public subscript(text: String) -> Value? {
        text.withUTF8Bytes { self[bytes: $0] }
    }

    /// The value kept for these bytes (a text's, valid UTF-8).
    @inlinable public subscript(bytes b: UnsafeBufferPointer<UInt8>) -> Value? {
        let (slot, found) = find(b, String.digest(b))
        return found ? values[slots[slot].value - 1] : nil
    }

    /// Keeps `value` for the text's bytes; the place of the value in `values` (a text already
    /// kept keeps its place, with the new value).
    @inlinable @discardableResult
    public mutating func set(_ value: Value, for text: String) -> Int {
        text.withUTF8Bytes { set(value, forBytes: $0) }
    }

    /// `set` of a text's bytes.
    @inlinable @discardableResult
    public mutating func set(_ value: Value, forBytes b: UnsafeBufferPointer<UInt8>) -> Int {
        let digest = String.digest(b)
        let (slot, found) = find(b, digest)
        if found {
            let place = slots[slot].value - 1
            values[place] = value
            return place
        }
        add(value, b, digest, at: slot)
        return values.count - 1
    }

    /// Keeps `value` for the text's bytes unless a value is kept for them already, which is
    /// returned (and kept): one lookup where asking first and then keeping took two.
    @inlinable @discardableResult
    public mutating func insert(_ value: Value, for text: String) -> Value? {
        text.withUTF8Bytes { b in
            let digest = String.digest(b)
            let (slot, found) = find(b, digest)
            if found { return values[slots[slot].value - 1] }
            add(value, b, digest, at: slot)
            return nil
        }
    }

    /// A new text's bytes and value put in `slot` (the empty one `find` gave), the slots grown
    /// past three quarters full.
    @inlinable mutating func add(_ value: Value, _ b: UnsafeBufferPointer<UInt8>, _ digest: UInt64, at slot: Int) {
        slots[slot] = Slot(digest: digest, start: store.count, length: b.count, value: values.count + 1)
        store.append(contentsOf: b)
        values.append(value)
        if values.count * 4 >= slots.count * 3 { grow() }
    }

    /// Forgets every text, keeping the storage.
    public mutating func removeAll() {
        slots = Self.emptySlots(slots.count)
        store.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// The slot holding these bytes, or the empty slot where they would go.
    @inlinable func find(_ b: UnsafeBufferPointer<UInt8>, _ digest: UInt64) -> (slot: Int, found: Bool) {
        slots.withUnsafeBufferPointer { slots in
            store.withUnsafeBufferPointer { store in
                let mask = slots.count - 1
                var i = Self.home(digest) & mask
                while true {
                    let s = slots[i]
                    if s.value == 0 { return (i, false) }
                    if s.digest == digest && s.length == b.count
                        && (b.count == 0 || memcmp(store.baseAddress! + s.start, b.baseAddress!, b.count) == 0) {
                        return (i, true)
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// `count` empty slots, made as zero bytes (filled slot by slot, making a map's slots
    /// was a visible part of starting a table's row ledger).
    @usableFromInline static func emptySlots(_ count: Int) -> [Slot] {
        [Slot](unsafeUninitializedCapacity: count) { buffer, initialized in
            memset(buffer.baseAddress!, 0, count * MemoryLayout<Slot>.stride)
            initialized = count
        }
    }

    /// Where a key's probe starts (its word's high half folded into the low).
    @inlinable @inline(__always) static func home(_ digest: UInt64) -> Int {
        Int(truncatingIfNeeded: digest ^ digest >> 32)
    }

    /// Twice the slots, every key put back by its word (the bytes stay where they are).
    @usableFromInline mutating func grow() {
        var bigger = Self.emptySlots(slots.count * 2)
        let mask = bigger.count - 1
        for s in slots where s.value != 0 {
            var i = Self.home(s.digest) & mask
            while bigger[i].value != 0 { i = (i + 1) & mask }
            bigger[i] = s
        }
        slots = bigger
    }
}

extension ByteKeyedMap: Sendable where Value: Sendable {}
extension ByteKeyedMap.Slot: Sendable {}
