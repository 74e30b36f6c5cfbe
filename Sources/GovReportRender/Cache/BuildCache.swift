import Foundation
import Synchronization
import GovReportAnalyse
import GovReportIngest

/// What a build leaves in the output folder (`.govreport-cache`) so that the next build
/// re-reads only the input files that changed and re-renders only the pages whose inputs
/// changed. Keyed by everything else a page depends on — the program, the templates, the
/// settings, the label dictionary and gazetteer, the stylesheet — so that a change to any of
/// them starts from nothing.
struct BuildCache: Sendable {
    static let fileName = ".govreport-cache"
    static let magic = "govreport-cache 9\n"

    struct Input: Sendable {
        var size: Int
        /// Modification time in nanoseconds.
        var modified: Int64
        /// Of the display path and the bytes: identifies a report's content for page fingerprints.
        var hash: UInt64
        /// Of what was read (the checked report or the error): pages depend on this, so an
        /// edit that changes no figure, name or diagnostic re-renders nothing.
        var digest: UInt64
        var outcome: ReadOutcome
        /// Where this entry's record lies in the archive the cache was loaded from (nil for an
        /// entry made in this build): the next encoding copies those bytes.
        var archived: Range<Int>? = nil

        /// The same file, unchanged since it was read (stamp and bytes).
        func isSame(as other: Input) -> Bool {
            size == other.size && modified == other.modified && hash == other.hash
        }
    }

    /// Where each record of a corpus-wide export lies in the previous build's file, by the
    /// record's report digest, so that a rebuild copies the records that did not change.
    struct Export: Sendable, Equatable {
        struct Span: Sendable, Equatable {
            var offset: Int
            var length: Int
        }
        var size: Int
        /// The file's modification time (nanoseconds) when this build left it: a file with
        /// another was changed since, and its records are not copied.
        var modified: Int64
        var records: [UInt64: Span]

        /// The stamp the file had when the build left it.
        var stamp: FileStamp { FileStamp(size: size, modified: modified) }
    }

    /// The archive a cache was loaded from: its string table and layouts, its bytes, and how
    /// big the table was when the archive was last encoded whole (records copied from one
    /// archive into the next keep the strings they no longer use; past half again that size,
    /// the next encoding starts afresh).
    struct Source: Sendable {
        let table: [String]
        let layouts: [[Int]]
        let bytes: [UInt8]
        let wholeTable: Int
    }

    var key: UInt64
    var source: Source?
    var inputs: [String: Input] = [:]
    /// Page path → the fingerprint of the inputs it was rendered from.
    var pages: [String: UInt64] = [:]
    /// Compared page path → the fingerprint of the view it was rendered from.
    var views: [String: UInt64] = [:]
    /// Compared page path → the fingerprints of its rows by row key (see `ComparedView`).
    var rows: [String: [UInt64: UInt64]] = [:]
    /// Compared page path → where its rows lie in the file as this build left it.
    var fragments: [String: Fragments] = [:]

    /// The rows of a page rendered row by row (`KeyedSection`): the context they were
    /// rendered in, and the file as the build left it with each row's place in it by row key
    /// (kept as an export's records are: a file changed since is not copied from).
    struct Fragments: Sendable, Equatable {
        var context: UInt64
        var file: Export
    }
    var exports: [String: Export] = [:]

    init(key: UInt64) { self.key = key }

    /// The cache in `folder`, if there is one made under the same key; nil otherwise (a
    /// missing, foreign, damaged or outdated cache just means a full build). The inputs'
    /// entries are decoded on every core.
    static func load(from folder: URL, key: UInt64) -> BuildCache? {
        let trace = SiteBuilder.tracing
        func fail(_ why: String) -> BuildCache? {
            if trace { FileHandle.standardError.write(Data("cache: \(why)\n".utf8)) }
            return nil
        }
        guard let bytes = FileBytes.read(folder.appendingPathComponent(fileName).path),
              var reader = ArchiveReader(bytes: bytes, magic: magic) else { return fail("none or unreadable") }
        let body = reader.at
        do {
            guard try reader.uint64() == key else { return fail("made under another key") }
            // The trailer: the string table's size when the archive was last encoded whole, and
            // where the page section and the entry index start (read without trapping on a
            // damaged file's out-of-range numbers).
            guard reader.bytes.count >= body + 32 else { throw ArchiveReader.Malformed() }
            var tail = reader
            tail.at = reader.bytes.count - 24
            let wholeTable = Int(truncatingIfNeeded: try tail.uint64()), pagesAt = Int(truncatingIfNeeded: try tail.uint64()),
                indexAt = Int(truncatingIfNeeded: try tail.uint64())
            guard wholeTable >= 0, pagesAt >= 0, indexAt >= 0, indexAt < reader.bytes.count - body, pagesAt < reader.bytes.count - body else {
                throw ArchiveReader.Malformed()
            }
            var index = reader
            index.at = body + indexAt
            let count = try index.int()
            guard count >= 0, count <= reader.bytes.count else { throw ArchiveReader.Malformed() }
            var offsetList: [Int] = []
            offsetList.reserveCapacity(count)
            for _ in 0..<count {
                let offset = try index.int()
                guard offset >= 0, offset < reader.bytes.count - body else { throw ArchiveReader.Malformed() }
                offsetList.append(offset)
            }
            let offsets = offsetList

            let decoded = Mutex<[(String, Input)?]>(Array(repeating: nil, count: count))
            let failed = Atomic<Bool>(false)
            // Each layout's places found once here, not once per chunk of entries (every chunk
            // starts from a copy of this reader).
            reader.findAllPlaces()
            let base = reader
            let chunk = 256
            // The tables of pages (a fifth of loading, twenty thousand paths for ten thousand
            // reports) are read by the first worker while the others read the entries.
            let pageTables = Mutex<PageTables?>(nil)
            Parallel.forEach(1 + (count + chunk - 1) / chunk) { c in
                guard c > 0 else {
                    var r = base
                    r.at = body + pagesAt
                    do {
                        let tables = try PageTables(reading: &r)
                        pageTables.withLock { $0 = tables }
                    } catch {
                        failed.store(true, ordering: .relaxed)
                    }
                    return
                }
                let c = c - 1
                var local: [(Int, String, Input)] = []
                var r = base
                for i in c * chunk..<min(count, c * chunk + chunk) {
                    let start = body + offsets[i]
                    r.at = start
                    do {
                        let path = try r.string()
                        let size = try r.int()
                        let modified = Int64(try r.int())
                        let hash = try r.uint64()
                        let digest = try r.uint64()
                        let outcome = try r.outcome()
                        local.append((i, path, Input(size: size, modified: modified, hash: hash, digest: digest, outcome: outcome,
                                                     archived: start..<r.at)))
                    } catch {
                        failed.store(true, ordering: .relaxed)
                        return
                    }
                }
                decoded.withLock { all in for (i, path, input) in local { all[i] = (path, input) } }
            }
            if failed.load(ordering: .relaxed) { throw ArchiveReader.Malformed() }
            var cache = BuildCache(key: key)
            cache.source = Source(table: reader.table, layouts: reader.layouts, bytes: reader.bytes, wholeTable: wholeTable)
            cache.inputs.reserveCapacity(count)
            for entry in decoded.withLock({ $0 }) {
                guard let (path, input) = entry else { throw ArchiveReader.Malformed() }
                cache.inputs[path] = input
            }

            guard let tables = pageTables.withLock({ $0 }) else { throw ArchiveReader.Malformed() }
            cache.pages = tables.pages
            cache.views = tables.views
            cache.rows = tables.rows
            cache.fragments = tables.fragments
            cache.exports = tables.exports
            return cache
        } catch {
            return fail("malformed")
        }
    }

    /// The part of a cache about the files of the site, as it is stored after the inputs.
    private struct PageTables: Sendable {
        var pages: [String: UInt64]
        var views: [String: UInt64]
        var rows: [String: [UInt64: UInt64]]
        var fragments: [String: Fragments]
        var exports: [String: Export]

        init(reading reader: inout ArchiveReader) throws(ArchiveReader.Malformed) {
            pages = try reader.table { r throws(ArchiveReader.Malformed) in try r.uint64() }
            views = try reader.table { r throws(ArchiveReader.Malformed) in try r.uint64() }
            rows = try reader.table { r throws(ArchiveReader.Malformed) in
                let count = try r.count()
                var prints: [UInt64: UInt64] = [:]
                prints.reserveCapacity(count)
                for _ in 0..<count { prints[try r.uint64()] = try r.uint64() }
                return prints
            }
            fragments = try reader.table { r throws(ArchiveReader.Malformed) in Fragments(context: try r.uint64(), file: try r.export()) }
            exports = try reader.table { r throws(ArchiveReader.Malformed) in try r.export() }
        }
    }

    func encoded() -> Data {
        encoded(continuing: Self.encode(inputs, key: key, reusing: source))
    }

    func encoded(continuing partial: PartialEncoding) -> Data {
        let (head, body) = encodedParts(continuing: partial)
        return Data(head + body)
    }

    /// The whole cache in two parts, its inputs encoded now.
    func encodedParts() -> (head: [UInt8], body: [UInt8]) {
        encodedParts(continuing: Self.encode(inputs, key: key, reusing: source))
    }

    /// The inputs' part of the cache, which is most of it: encoded on its own so that a build
    /// can do it while pages render.
    struct PartialEncoding: Sendable {
        var writer = ArchiveWriter()
        var offsets: [Int] = []
        /// The table size of the archive last encoded whole, when this one continues it.
        var wholeTable: Int?
        /// Where the table of pages starts, once it is encoded (`encode(pages:continuing:)`).
        var pagesAt: Int?
    }

    /// The inputs' part continued with the table of pages, which must be the cache's `pages`.
    static func encode(pages: [String: UInt64], continuing partial: consuming PartialEncoding) -> PartialEncoding {
        var encoding = consume partial
        encoding.pagesAt = encoding.writer.bytes.count
        encoding.writer.table(pages) { w, fingerprint in w.uint64(fingerprint) }
        return encoding
    }

    /// With `source` (the archive the entries with an `archived` range were loaded from),
    /// those entries' records are copied as they are instead of encoded again: re-encoding
    /// ten thousand unchanged reports was a sixth of a rebuild's work after one change.
    static func encode(_ inputs: [String: Input], key: UInt64, reusing source: Source? = nil) -> PartialEncoding {
        let reuse = source.flatMap { $0.table.count <= $0.wholeTable + $0.wholeTable / 2 ? $0 : nil }
        var partial = PartialEncoding()
        if let reuse {
            partial.writer = ArchiveWriter(continuing: reuse.table, layouts: reuse.layouts)
            partial.wholeTable = reuse.wholeTable
        }
        // Room for the whole archive at once: some 950 bytes a report at 50,000 reports
        // (inputs, pages and the rest); what is reserved and not written is never touched.
        partial.writer.reserve(Swift.max(reuse?.bytes.count ?? 0, inputs.count * 1_280) + 65_536)
        partial.writer.uint64(key)
        partial.offsets.reserveCapacity(inputs.count)
        // In dictionary order: the cache is private to the output folder, so it need not be
        // byte-stable, and sorting was a quarter of a rebuild.
        for (path, input) in inputs {
            partial.offsets.append(partial.writer.bytes.count)
            if let reuse, let range = input.archived, range.upperBound <= reuse.bytes.count {
                partial.writer.raw(reuse.bytes[range])
                continue
            }
            partial.writer.string(path)
            partial.writer.int(input.size)
            partial.writer.int(Int(input.modified))
            partial.writer.uint64(input.hash)
            partial.writer.uint64(input.digest)
            partial.writer.outcome(input.outcome)
        }
        return partial
    }

    /// The whole cache, from its inputs' part (which must have been made from `inputs`, and
    /// may go on with the table of `pages`), in two parts to be written one after the other.
    func encodedParts(continuing partial: consuming PartialEncoding) -> (head: [UInt8], body: [UInt8]) {
        // The writer moved out of `partial`, not copied: the first write would copy its bytes.
        var partial = consume partial
        var w = ArchiveWriter()
        swap(&w, &partial.writer)
        let pagesAt = partial.pagesAt ?? w.bytes.count
        if partial.pagesAt == nil { w.table(pages) { w, fingerprint in w.uint64(fingerprint) } }
        w.table(views) { w, fingerprint in w.uint64(fingerprint) }
        w.table(rows) { w, prints in
            w.int(prints.count)
            for (key, print) in prints {
                w.uint64(key)
                w.uint64(print)
            }
        }
        w.table(fragments) { w, record in
            w.uint64(record.context)
            w.export(record.file)
        }
        w.table(exports) { w, export in w.export(export) }
        let indexAt = w.bytes.count
        w.int(partial.offsets.count)
        for offset in partial.offsets { w.int(offset) }
        w.uint64(UInt64(partial.wholeTable ?? w.table.count))
        w.uint64(UInt64(pagesAt))
        w.uint64(UInt64(indexAt))
        return w.finishedParts(magic: Self.magic)
    }
}

extension ArchiveWriter {
    /// A table by path: its size, then each path and its value.
    mutating func table<Value>(_ table: [String: Value], _ value: (inout ArchiveWriter, Value) -> Void) {
        int(table.count)
        for (path, v) in table {
            string(path)
            value(&self, v)
        }
    }

    /// A file as a build left it: its stamp and its records' places by key.
    mutating func export(_ export: BuildCache.Export) {
        int(export.size)
        uint64(UInt64(bitPattern: export.modified))
        int(export.records.count)
        for (key, span) in export.records {
            uint64(key)
            int(span.offset)
            int(span.length)
        }
    }
}

extension ArchiveReader {
    /// A count, checked against the file's size before anything is reserved for it (a
    /// damaged count must refuse the cache, not ask for the memory it names).
    mutating func count() throws(Malformed) -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count else { throw Malformed() }
        return n
    }

    /// A table written by `ArchiveWriter.table`.
    mutating func table<Value>(_ value: (inout ArchiveReader) throws(Malformed) -> Value) throws(Malformed) -> [String: Value] {
        let n = try count()
        var table: [String: Value] = [:]
        table.reserveCapacity(n)
        for _ in 0..<n {
            let path = try string()
            table[path] = try value(&self)
        }
        return table
    }

    mutating func export() throws(Malformed) -> BuildCache.Export {
        var export = BuildCache.Export(size: try int(), modified: Int64(truncatingIfNeeded: try uint64()), records: [:])
        let records = try count()
        export.records.reserveCapacity(records)
        for _ in 0..<records {
            let key = try uint64()
            let offset = try int(), length = try int()
            // (A place that could not be in a file is not one this program wrote.)
            guard offset >= 0, length >= 0, offset <= Int.max - length else { throw Malformed() }
            export.records[key] = BuildCache.Export.Span(offset: offset, length: length)
        }
        return export
    }
}
