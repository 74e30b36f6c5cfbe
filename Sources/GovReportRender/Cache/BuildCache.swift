import Foundation
import GovReportAnalyse

/// What a build leaves in the output folder (`.govreport-cache`) so that the next build
/// re-reads only the input files that changed and re-renders only the pages whose inputs
/// changed. Keyed by everything else a page depends on — the program, the templates, the
/// settings, the label dictionary and gazetteer, the stylesheet — so that a change to any of
/// them starts from nothing.
struct BuildCache: Sendable {
    static let fileName = ".govreport-cache"
    static let magic = "govreport-cache 2\n"

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
    }

    /// Where each record of a corpus-wide export lies in the previous build's file, by the
    /// record's report digest, so that a rebuild copies the records that did not change.
    struct Export: Sendable, Equatable {
        struct Span: Sendable, Equatable {
            var offset: Int
            var length: Int
        }
        var size: Int
        var records: [UInt64: Span]
    }

    var key: UInt64
    var inputs: [String: Input] = [:]
    /// Page path → the fingerprint of the inputs it was rendered from.
    var pages: [String: UInt64] = [:]
    var exports: [String: Export] = [:]

    init(key: UInt64) { self.key = key }

    /// The cache in `folder`, if there is one made under the same key; nil otherwise (a
    /// missing, foreign, damaged or outdated cache just means a full build).
    static func load(from folder: URL, key: UInt64) -> BuildCache? {
        let trace = ProcessInfo.processInfo.environment["GOVREPORT_TIMING"] != nil
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName), options: .mappedIfSafe),
              var reader = ArchiveReader(data, magic: magic) else {
            if trace { FileHandle.standardError.write(Data("cache: none or unreadable\n".utf8)) }
            return nil
        }
        do {
            guard try reader.uint64() == key else {
                if trace { FileHandle.standardError.write(Data("cache: made under another key\n".utf8)) }
                return nil
            }
            var cache = BuildCache(key: key)
            let inputCount = try reader.int()
            for _ in 0..<max(0, inputCount) {
                let path = try reader.string()
                let size = try reader.int()
                let modified = Int64(try reader.int())
                let hash = try reader.uint64()
                let digest = try reader.uint64()
                cache.inputs[path] = Input(size: size, modified: modified, hash: hash, digest: digest, outcome: try reader.outcome())
            }
            let pageCount = try reader.int()
            cache.pages.reserveCapacity(max(0, pageCount))
            for _ in 0..<max(0, pageCount) {
                let path = try reader.string()
                cache.pages[path] = try reader.uint64()
            }
            let exportCount = try reader.int()
            for _ in 0..<max(0, exportCount) {
                let path = try reader.string()
                var export = Export(size: try reader.int(), records: [:])
                let records = try reader.int()
                export.records.reserveCapacity(max(0, records))
                for _ in 0..<max(0, records) {
                    export.records[try reader.uint64()] = Export.Span(offset: try reader.int(), length: try reader.int())
                }
                cache.exports[path] = export
            }
            return cache
        } catch {
            if trace { FileHandle.standardError.write(Data("cache: malformed at byte \(reader.at) of \(reader.bytes.count)\n".utf8)) }
            return nil
        }
    }

    func encoded() -> Data {
        var w = ArchiveWriter()
        w.uint64(key)
        w.int(inputs.count)
        // In dictionary order: the cache is private to the output folder, so it need not be
        // byte-stable, and sorting was a quarter of a rebuild.
        for (path, input) in inputs {
            w.string(path)
            w.int(input.size)
            w.int(Int(input.modified))
            w.uint64(input.hash)
            w.uint64(input.digest)
            w.outcome(input.outcome)
        }
        w.int(pages.count)
        for (path, fingerprint) in pages {
            w.string(path)
            w.uint64(fingerprint)
        }
        w.int(exports.count)
        for (path, export) in exports {
            w.string(path)
            w.int(export.size)
            w.int(export.records.count)
            for (key, span) in export.records {
                w.uint64(key)
                w.int(span.offset)
                w.int(span.length)
            }
        }
        return w.finished(magic: Self.magic)
    }

    /// The size and modification time of a file, from one `stat`.
    static func stamp(path: String) -> (size: Int, modified: Int64)? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (Int(st.st_size), Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }
}
