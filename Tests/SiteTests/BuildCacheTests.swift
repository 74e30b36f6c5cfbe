import Foundation
import GovReportCorpus
import GovReportParse
@testable import GovReportRender
import TestSupport
import Testing

/// The build cache copies the records of unchanged inputs from the archive it was loaded
/// from into the next one, instead of encoding them again.
@Suite struct BuildCacheTests {
    /// Each entry as the pages see it: stamp, hashes, and the digest of what was read.
    static func entries(_ cache: BuildCache) -> [String: [UInt64]] {
        cache.inputs.mapValues { [UInt64(bitPattern: Int64($0.size)), UInt64(bitPattern: $0.modified), $0.hash, $0.digest, ReportDigest.of($0.outcome)] }
    }

    static func reload(_ data: Data, key: UInt64) throws -> BuildCache {
        try #require(try loadOrNil(data, key: key))
    }

    /// The cache a first build of a generated corpus of `count` reports left, and its key.
    static func builtCache(count: Int, seed: UInt64) throws -> (cache: BuildCache, key: UInt64) {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        _ = try CorpusGenerator(options: .init(count: count, seed: seed)).write(to: corpus)
        let site = folder.appendingPathComponent("site")
        let builder = try SiteBuilder(resources: Fixtures.root)
        _ = try builder.build([corpus.path], into: SiteWriter(output: site, inputs: [corpus]))
        let key = try builder.cacheKey()
        return (try #require(BuildCache.load(from: site, key: key)), key)
    }

    @Test func copiedRecordsReadBackAsTheyWereAndTheTableIsRemadeWhenItGrows() throws {
        let (loaded, key) = try Self.builtCache(count: 30, seed: 5)
        let source = try #require(loaded.source)
        #expect(loaded.inputs.count == 30 && loaded.inputs.values.allSatisfy { $0.archived != nil })
        #expect(source.wholeTable == source.table.count)

        // Every record copied: the same entries come back, in the same table.
        let copied = try Self.reload(loaded.encoded(), key: key)
        #expect(Self.entries(copied) == Self.entries(loaded))
        #expect(copied.source?.table.count == source.table.count && copied.source?.wholeTable == source.wholeTable)
        #expect(copied.pages == loaded.pages && copied.exports == loaded.exports)

        // The table of pages encoded ahead (as a build does while pages render): the same bytes.
        let partial = BuildCache.encode(loaded.inputs, key: key, reusing: source)
        let atOnce = loaded.encodedParts(continuing: partial)
        let ahead = loaded.encodedParts(continuing: BuildCache.encode(pages: loaded.pages, continuing: partial))
        #expect(!loaded.pages.isEmpty && atOnce.head == ahead.head && atOnce.body == ahead.body)

        // One entry made in this build (no record to copy), among copied ones: encoded into
        // the continued table, and read back the same.
        var mixed = loaded
        let path = try #require(mixed.inputs.keys.sorted().first)
        mixed.inputs[path]!.archived = nil
        mixed.inputs[path]!.modified += 1
        let remade = try Self.reload(mixed.encoded(), key: key)
        #expect(Self.entries(remade) == Self.entries(mixed))

        // Encoded whole (no source): the same entries again.
        var whole = loaded
        whole.source = nil
        #expect(Self.entries(try Self.reload(whole.encoded(), key: key)) == Self.entries(loaded))

        // A table grown past half again its size when last made whole is not continued.
        let grown = BuildCache.Source(table: source.table + (0..<source.wholeTable).map { "unused \($0)" }, layouts: source.layouts,
                                      bytes: source.bytes, wholeTable: source.wholeTable)
        #expect(BuildCache.encode(loaded.inputs, key: key, reusing: grown).wholeTable == nil)
        #expect(BuildCache.encode(loaded.inputs, key: key, reusing: source).wholeTable == source.wholeTable)
    }

    /// The archive goes from its encoding to its file in the buffer it was first given: room
    /// for all of it is reserved at once, and it is handed on by moving it (`Pending.take`,
    /// consuming parameters), so that neither the table of pages nor the last tables copy it
    /// (at 50,000 reports each copy was 48 MB of fresh memory for the kernel to zero).
    @Test func theArchiveIsWrittenFromTheBufferItWasEncodedIn() throws {
        let (loaded, key) = try Self.builtCache(count: 40, seed: 9)
        func address(_ bytes: [UInt8]) -> UInt { bytes.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } }

        // As a build does: the inputs encoded on one thread, the pages' table after them on
        // another, the rest where the cache is written.
        let encoding = Pending<BuildCache.PartialEncoding>()
        encoding.fulfil(BuildCache.encode(loaded.inputs, key: key))
        let (start, room) = { (w: ArchiveWriter) in (address(w.bytes), w.bytes.capacity) }(encoding.wait().writer)
        var withPages: BuildCache.PartialEncoding? = BuildCache.encode(pages: loaded.pages, continuing: encoding.take())
        #expect(address(withPages!.writer.bytes) == start)
        let parts = loaded.encodedParts(continuing: withPages.take()!)
        #expect(address(parts.body) == start)
        #expect(parts.body.count <= room)
        // Reserved ahead, not grown to fit: a kilobyte and more a report (an archive of 50,000
        // reports takes some 950 bytes each).
        #expect(room >= loaded.inputs.count * 1_024)
        // And it is the archive: it reads back as the cache it was made from.
        #expect(Self.entries(try Self.reload(Data(parts.head + parts.body), key: key)) == Self.entries(loaded))
        #expect(loaded.inputs.count == 40)
    }

    @Test func damagedArchivesAreRefusedWithoutTrapping() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        _ = try CorpusGenerator(options: .init(count: 8, seed: 6)).write(to: corpus)
        let site = folder.appendingPathComponent("site")
        let builder = try SiteBuilder(resources: Fixtures.root)
        _ = try builder.build([corpus.path], into: SiteWriter(output: site, inputs: [corpus]))
        let key = try builder.cacheKey()
        let original = [UInt8](try Data(contentsOf: site.appendingPathComponent(BuildCache.fileName)))
        // Numbers past any size in the trailer (the table size, the page and index offsets).
        var trailer = original
        for i in trailer.count - 24..<trailer.count { trailer[i] = 0xFF }
        #expect(try Self.loadOrNil(Data(trailer), key: key) == nil)
        // Every byte of the index and trailer, and every thirteenth byte before them, flipped
        // in turn: read or refused, never a trap.
        var refused = 0
        for i in Array(stride(from: 0, to: original.count - 120, by: 13)) + Array(original.count - 120..<original.count) {
            var damaged = original
            damaged[i] ^= 0xFF
            if try Self.loadOrNil(Data(damaged), key: key) == nil { refused += 1 }
        }
        #expect(refused > 0)
        // A page count of 2^40 in place of the real one (the file's length kept): refused
        // before anything is reserved for it.
        let reader = try #require(ArchiveReader(Data(original), magic: BuildCache.magic))
        var tail = reader
        tail.at = original.count - 16
        let countAt = reader.at + Int(try tail.uint64())
        var count = reader
        count.at = countAt
        _ = try count.int()
        var huge = ArchiveWriter()
        huge.int(1 << 40)
        let crafted = Array(original[..<countAt]) + huge.bytes + Array(original[(countAt + huge.bytes.count)...])
        #expect(crafted.count == original.count)
        #expect(try Self.loadOrNil(Data(crafted), key: key) == nil)
    }

    /// A report's figures written through a pointer at once (`figures`) give the bytes of
    /// each one's value, line and origin written field by field — whole numbers small and
    /// large, fractions, blanks, negative lines — across several reports' worth of figures.
    @Test func figuresWrittenAtOnceEqualFieldByField() {
        var random = SystemRandomNumberGenerator()
        var figures: [Figure] = []
        let values: [Double?] = [nil, 0, -0.0, 1, -1, 127, 128, 1e15 - 1, 1e15, -1e15, 2.5, 1.0 / 3, 1e300, -.infinity, .nan]
        for i in 0..<1500 {
            let value = i < values.count ? values[i] : i % 4 == 0 ? nil : Double(Int.random(in: -(1 << 50)...(1 << 50), using: &random)) / (i % 3 == 0 ? 7 : 1)
            let line = i % 5 == 0 ? Int.random(in: Int.min...Int.max, using: &random) : i
            figures.append(Figure(value, line: line, origin: i % 2 == 0 ? .table : .prose))
        }
        for count in [0, 1, 14, 130, 1500] {
            var atOnce = ArchiveWriter(), fieldByField = ArchiveWriter()
            atOnce.int(7)
            fieldByField.int(7)
            atOnce.figures(Array(figures.prefix(count)))
            for figure in figures.prefix(count) {
                fieldByField.double(figure.value)
                fieldByField.int(figure.line)
                fieldByField.bool(figure.origin == .prose)
            }
            #expect(atOnce.bytes == fieldByField.bytes, "\(count) figures")
            #expect(count == 0 || atOnce.bytes.count > count * 3)
        }
    }

    /// The archive reader reads through the figures' byte cursor: on the writer's numbers,
    /// whole or cut short at any byte, and on over-long varints, both read back exactly the
    /// fields written whole before the cut, then stop.
    @Test func theByteCursorAndTheReaderReadWhatWasWritten() throws {
        var random = SystemRandomNumberGenerator()
        var numbers: [Int] = [0, 1, -1, 63, -64, 64, -65, Int.max, Int.min, 1 << 35, -(1 << 35)]
        for _ in 0..<3000 {
            let bits = Int.random(in: 0...62, using: &random)
            numbers.append(Int.random(in: -(1 << bits)...(1 << bits - 1), using: &random))
        }
        var writer = ArchiveWriter()
        // Each field as it reads back, with where its bytes end.
        var fields: [(end: Int, text: String)] = []
        for (i, n) in numbers.enumerated() {
            writer.int(n)
            fields.append((writer.bytes.count, "int \(n)"))
            let d: Double? = i % 3 == 0 ? nil : i % 3 == 1 ? Double(n) : Double(n) / 7
            writer.double(d)
            fields.append((writer.bytes.count, "double \(d.map { "\($0)" } ?? "nil")"))
            writer.bool(i % 2 == 0)
            fields.append((writer.bytes.count, "bool \(i % 2 == 0)"))
        }
        // Over-long varints: eleven continuation bytes, refused by both.
        let full = writer.bytes + [UInt8](repeating: 0xFF, count: 11) + [0x01]
        var issues = 0, cuts = 0
        for cut in Array(stride(from: 0, to: full.count, by: 97)) + Array(full.count - 40...full.count) {
            cuts += 1
            let bytes = Array(full[..<cut])
            let expected = fields.filter { $0.end <= cut }.map(\.text) + ["end"]
            var reader = try #require(ArchiveReader(bytes: Array("m".utf8) + [0, 0] + bytes, magic: "m"))
            let read: [String] = bytes.withUnsafeBufferPointer { buffer in
                var cursor = ByteCursor(bytes: buffer, at: 0)
                var out: [String] = []
                while true {
                    guard let n = cursor.int() else { out.append("end"); break }
                    out.append("int \(n)")
                    guard let tag = cursor.byte(), tag <= 2 else { out.append("end"); break }
                    if tag == 1 {
                        guard let v = cursor.int() else { out.append("end"); break }
                        out.append("double \(Double(v))")
                    } else if tag == 2 {
                        guard let v = cursor.uint64() else { out.append("end"); break }
                        out.append("double \(Double(bitPattern: v))")
                    } else {
                        out.append("double nil")
                    }
                    guard let b = cursor.byte() else { out.append("end"); break }
                    out.append("bool \(b != 0)")
                }
                return out
            }
            var readByReader: [String] = []
            while true {
                guard let n = try? reader.int() else { readByReader.append("end"); break }
                readByReader.append("int \(n)")
                let d: Double?
                do { d = try reader.double() } catch { readByReader.append("end"); break }
                readByReader.append("double \(d.map { "\($0)" } ?? "nil")")
                guard let b = try? reader.bool() else { readByReader.append("end"); break }
                readByReader.append("bool \(b)")
            }
            if read != expected || readByReader != expected { issues += 1 }
        }
        #expect(cuts > 100)
        #expect(issues == 0)
    }

    static func loadOrNil(_ data: Data, key: UInt64) throws -> BuildCache? {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try data.write(to: folder.appendingPathComponent(BuildCache.fileName))
        return BuildCache.load(from: folder, key: key)
    }
}
