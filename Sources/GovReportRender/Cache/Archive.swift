import Foundation
import GovReportIngest
import GovReportParse

/// A compact binary form for the build cache: integers as varints, strings once each in a
/// table (figure keys repeat in every report), read back without Foundation's decoders,
/// which would cost more than parsing the reports again.
struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []
    private var strings = ByteKeyedMap<Int>()
    private(set) var table: [String] = []

    init() {}

    /// A writer that continues an archive's string table and layouts with their numbers
    /// kept, so that records copied from that archive mean here what they meant there.
    init(continuing table: [String], layouts: [[Int]]) {
        self.table = table
        strings = ByteKeyedMap(capacity: table.count)
        for (i, s) in table.enumerated() { strings.insert(i, for: s) }
        layoutTable = layouts
        for (i, ids) in layouts.enumerated() where self.layouts[LayoutKey(ids: ids)] == nil { self.layouts[LayoutKey(ids: ids)] = i }
    }

    /// Room for `count` bytes in all, made at once: grown by doubling, a large archive was
    /// copied into fresh memory at every step (a 48 MB one through 112 MB of it).
    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    /// Bytes already in this archive's terms (a record copied from the archive continued).
    mutating func raw(_ b: ArraySlice<UInt8>) {
        bytes += b
    }

    mutating func int(_ n: Int) {
        var scratch: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &scratch) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: Self.put(n, at: p)))
        }
    }

    /// The bytes of `int(n)` (a zigzag varint, at most ten) written at `p`; returns how many.
    @inline(__always)
    static func put(_ n: Int, at p: UnsafeMutablePointer<UInt8>) -> Int {
        var v = UInt64(bitPattern: Int64(n)) << 1 ^ UInt64(bitPattern: Int64(n) >> 63)
        var k = 0
        while v >= 0x80 {
            p[k] = UInt8(v & 0x7F) | 0x80
            v >>= 7
            k += 1
        }
        p[k] = UInt8(v)
        return k + 1
    }

    /// The bytes of `double(d)` (at most nine: a whole number below 10^15 is a varint of at
    /// most eight) written at `p`; returns how many.
    @inline(__always)
    static func put(_ d: Double?, at p: UnsafeMutablePointer<UInt8>) -> Int {
        guard let d else { p[0] = 0; return 1 }
        if d.isWholeBelowE15 {
            p[0] = 1
            return 1 + put(Int(d), at: p + 1)
        }
        p[0] = 2
        withUnsafeBytes(of: d.bitPattern.littleEndian) { (p + 1).update(from: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 8) }
        return 9
    }

    /// A report's figures, each its value, line and whether it came from the prose, written
    /// through a pointer and appended at once: a hundred-odd figures a report, three appends
    /// each to the array (with its checks) were a third of writing the cache.
    mutating func figures(_ figures: [Figure]) {
        guard !figures.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: figures.count * 22) { buffer in
            let p = buffer.baseAddress!
            var k = 0
            for figure in figures {
                k += Self.put(figure.value, at: p + k)
                k += Self.put(figure.line, at: p + k)
                p[k] = figure.origin == .prose ? 1 : 0
                k += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: k))
        }
    }

    mutating func uint64(_ n: UInt64) {
        withUnsafeBytes(of: n.littleEndian) { bytes += $0 }
    }

    mutating func bool(_ b: Bool) { bytes.append(b ? 1 : 0) }

    mutating func double(_ d: Double?) {
        var scratch: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &scratch) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: Self.put(d, at: p)))
        }
    }

    mutating func string(_ s: String) {
        int(intern(s))
    }

    /// Canonical figure keys' numbers by place (`FigureKeys.sortedCanonical`), found once
    /// per archive: a report's hundred-odd keys are then numbered without hashing them.
    private var placeIDs: [Int] = []

    /// `intern` for a figure key, by its place when it has one.
    mutating func intern(_ key: WalkedKey, place: Int?) -> Int {
        guard let place else { return intern(key.text) }
        if placeIDs.isEmpty { placeIDs = [Int](repeating: -1, count: FigureKeys.sortedCanonical.count) }
        if placeIDs[place] < 0 { placeIDs[place] = intern(key.text) }
        return placeIDs[place]
    }

    /// The string's number in the table, added if new.
    mutating func intern(_ s: String) -> Int {
        if let i = strings.insert(table.count, for: s) { return i }
        table.append(s)
        return table.count - 1
    }

    /// The layouts: lists of string numbers that repeat across records (the key sets of
    /// reports' figures: a handful for ten thousand reports), each stored once.
    private var layouts: [LayoutKey: Int] = [:]

    /// A layout as a dictionary key, hashed by one pass of multiplies over its numbers and
    /// one word to the hasher (hashing the hundred-odd numbers of every report's layout
    /// through the hasher was an eighth of writing a report).
    struct LayoutKey: Hashable {
        let ids: [Int]
        func hash(into hasher: inout Hasher) {
            var x = UInt64(ids.count)
            for id in ids { x = (x ^ UInt64(bitPattern: Int64(id))) &* 0x100_0000_01B3 }
            hasher.combine(x)
        }
    }
    private var layoutTable: [[Int]] = []

    /// The layout's number, added if new.
    mutating func layout(_ ids: [Int]) -> Int {
        let key = LayoutKey(ids: ids)
        if let i = layouts[key] { return i }
        layouts[key] = layoutTable.count
        layoutTable.append(ids)
        return layoutTable.count - 1
    }

    mutating func string(_ s: String?) {
        guard let s else { int(-1); return }
        string(s)
    }

    /// The string table and the layouts, followed by the body.
    func finished(magic: String) -> Data {
        let (head, body) = finishedParts(magic: magic)
        return Data(head + body)
    }

    /// `finished` as its two parts, to be written one after the other (joining them copied
    /// the whole cache once more).
    func finishedParts(magic: String) -> (head: [UInt8], body: [UInt8]) {
        var head = ArchiveWriter()
        head.bytes += Array(magic.utf8)
        head.int(table.count)
        for s in table {
            head.int(s.utf8.count)
            head.bytes += s.utf8
        }
        head.int(layoutTable.count)
        for ids in layoutTable {
            head.int(ids.count)
            for id in ids { head.int(id) }
        }
        return (head.bytes, bytes)
    }
}

struct ArchiveReader {
    struct Malformed: Error {}

    let bytes: [UInt8]
    var at = 0
    var table: [String] = []
    var layouts: [[Int]] = []
    /// Per layout, once found: each of its keys' place in a figure table (nil for a key that
    /// is not canonical), so that a report's figures go into their slots without hashing a
    /// key (hashing the keys again was most of loading the cache).
    var places: [[Int?]?] = []

    /// Reads the magic and the string table; nil when the data is not an archive of this kind.
    init?(_ data: Data, magic: String) {
        self.init(bytes: [UInt8](data), magic: magic)
    }

    init?(bytes: [UInt8], magic: String) {
        self.bytes = bytes
        let m = Array(magic.utf8)
        guard bytes.count >= m.count, Array(bytes[0..<m.count]) == m else { return nil }
        at = m.count
        do {
            let count = try int()
            guard count >= 0, count <= bytes.count else { return nil }
            table.reserveCapacity(count)
            for _ in 0..<count {
                let n = try int()
                guard n >= 0, at + n <= bytes.count else { return nil }
                table.append(String(decoding: bytes[at..<at + n], as: UTF8.self))
                at += n
            }
            let layoutCount = try int()
            guard layoutCount >= 0, layoutCount <= bytes.count else { return nil }
            layouts.reserveCapacity(layoutCount)
            for _ in 0..<layoutCount {
                let n = try int()
                guard n >= 0, n <= table.count else { return nil }
                var ids: [Int] = []
                ids.reserveCapacity(n)
                for _ in 0..<n {
                    let id = try int()
                    guard id >= 0, id < table.count else { return nil }
                    ids.append(id)
                }
                layouts.append(ids)
            }
            places = Array(repeating: nil, count: layouts.count)
        } catch {
            return nil
        }
    }

    /// The next value, read by a `ByteCursor` from `at`: the encodings have one reader.
    @inline(__always)
    private mutating func next<T>(_ read: (inout ByteCursor) -> T?) throws(Malformed) -> T {
        var at = self.at
        let value = bytes.withUnsafeBufferPointer { buffer -> T? in
            var cursor = ByteCursor(bytes: buffer, at: at)
            defer { at = cursor.at }
            return read(&cursor)
        }
        guard let value else { throw Malformed() }
        self.at = at
        return value
    }

    mutating func byte() throws(Malformed) -> UInt8 { try next { $0.byte() } }

    mutating func int() throws(Malformed) -> Int { try next { $0.int() } }

    mutating func uint64() throws(Malformed) -> UInt64 { try next { $0.uint64() } }

    mutating func bool() throws(Malformed) -> Bool { try byte() != 0 }

    mutating func double() throws(Malformed) -> Double? {
        switch try byte() {
        case 0: return nil
        case 1: return Double(try int())
        case 2: return Double(bitPattern: try uint64())
        default: throw Malformed()
        }
    }

    mutating func string() throws(Malformed) -> String {
        let i = try int()
        guard i >= 0, i < table.count else { throw Malformed() }
        return table[i]
    }

    mutating func optionalString() throws(Malformed) -> String? {
        let i = try int()
        if i == -1 { return nil }
        guard i >= 0, i < table.count else { throw Malformed() }
        return table[i]
    }
}

/// Reads an archive's numbers straight from its bytes (nil: the bytes end or are not a number
/// this archive writes): `ArchiveReader` reads each of its numbers through one, and loops over
/// many numbers (a report's figures) keep one for the whole loop.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var at: Int

    @inline(__always)
    mutating func byte() -> UInt8? {
        guard at < bytes.count else { return nil }
        defer { at += 1 }
        return bytes[at]
    }

    /// A zigzag varint; one byte (most numbers of a report) in one turn of the loop.
    @inline(__always)
    mutating func int() -> Int? {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while at < bytes.count {
            let b = bytes[at]
            at += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))) }
            shift += 7
            if shift >= 64 { return nil }
        }
        return nil
    }

    @inline(__always)
    mutating func uint64() -> UInt64? {
        guard at + 8 <= bytes.count else { return nil }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
        at += 8
        return v
    }
}
