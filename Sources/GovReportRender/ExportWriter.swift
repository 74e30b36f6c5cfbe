import Foundation
import Glibc
import GovReportIngest

extension SiteWriter.Session {
    /// Writes a file of records (a corpus-wide export), copying from the previous file the
    /// records whose report did not change. When every record would land where it already
    /// is, the old file is left as it is; when the change is one stretch of records (a report
    /// corrected, added or removed), the file is mended where it stands; otherwise it is
    /// written anew a megabyte at a time. Returns where each record now lies, for the next
    /// build.
    func records(_ path: String, _ records: SiteBuilder.Job.Records, previous: BuildCache.Export?) throws(BuildError) -> BuildCache.Export {
        let file = rootPath + "/" + path
        var old: PreviousFile?
        // The previous file is trusted only as the previous build left it: a file changed
        // since (or left half mended by a build that was stopped) has another stamp.
        if !staging, self.previous.contains(path), let previous, let previousFile = PreviousFile(path: file),
           previousFile.stamp == previous.stamp {
            old = previousFile
        }
        if old != nil, let previous, !records.keys.isEmpty, previous.records.count == records.keys.count {
            // Same records in the same places: nothing to write.
            var offset = records.framing.header.count
            let step = records.framing.separator.count
            let inPlace = records.keys.enumerated().allSatisfy { i, key in
                if i > 0 { offset += step }
                guard let span = previous.records[key], span.offset == offset else { return false }
                offset += span.length
                return true
            }
            if inPlace && offset + records.framing.footer.count == previous.size {
                counts.withLock { $0.unchanged += 1 }
                return previous
            }
        }
        if let mendable = old, let previous {
            do {
                if var export = try mend(file, records, old: mendable, previous: previous) {
                    export.stamp(file)
                    counts.withLock { $0.written += 1 }
                    return export
                }
            } catch {
                // Left half mended: made again from the reports, copying nothing from it.
                old = nil
            }
        }
        var export = BuildCache.Export(size: 0, modified: 0, records: [:])
        // Without the previous build's record map, an equal result leaves the old file.
        let compare = !staging && self.previous.contains(path) && previous == nil
        let same = try replace(file, unlessEqual: compare) { (handle: FileHandle) throws in
            var out = RecordOutput(FileSink(path: file, out: BufferedOutput(handle), old: old))
            export.records = try out.assemble(records, previous: old != nil ? previous : nil)
            try out.finish()
            export.size = out.written
        }
        export.stamp(file)
        counts.withLock { if same { $0.unchanged += 1 } else { $0.written += 1 } }
        return export
    }

    /// Mends the previous export where it stands when the new one differs from it in one
    /// stretch: the records before it are in place, the ones after it are the previous file's
    /// end, moved by the change in length. Only that end is moved and only the stretch
    /// written (rewriting the whole file through a copy cost more than the rest of a rebuild
    /// after one change). Nil, having written nothing, when the change is not of that shape.
    func mend(_ file: String, _ records: SiteBuilder.Job.Records, old: PreviousFile, previous: BuildCache.Export) throws -> BuildCache.Export? {
        var plan = RecordOutput(PlanSink(limit: Self.mendLimit))
        let spans: [UInt64: BuildCache.Export.Span]
        do {
            spans = try plan.assemble(records, previous: previous)
            try plan.finish()
        } catch is PlanSink.TooBig {
            return nil
        }
        let segments = plan.sink.segments, made = plan.sink.made
        let newSize = plan.written, oldSize = old.size
        guard segments.allSatisfy({ if case .old(_, let end) = $0.part { end <= oldSize } else { true } }) else { return nil }

        /// Whether a segment's bytes are already in the previous file at `at`.
        func already(_ segment: PlanSink.Segment, at: Int) -> Bool {
            switch segment.part {
            case .old(let start, _): return start == at
            case .new(let range):
                guard at >= 0, at + range.count <= oldSize, range.count <= 1 << 16 else { return false }
                return old.read(at, range.count).map { $0[...] == made[range] } ?? false
            }
        }
        // The stretch that changed: after the segments in place, before those moved as one.
        var first = 0
        while first < segments.count, already(segments[first], at: segments[first].at) { first += 1 }
        if first == segments.count && newSize == oldSize { return nil }
        let shift = newSize - oldSize
        var last = segments.count
        while last > first, already(segments[last - 1], at: segments[last - 1].at - shift) { last -= 1 }
        let from = first < segments.count ? segments[first].at : newSize
        let to = last < segments.count ? segments[last].at : newSize
        guard to - from <= Self.mendLimit else { return nil }
        var stretch: [UInt8] = []
        stretch.reserveCapacity(to - from)
        for segment in segments[first..<last] {
            switch segment.part {
            case .new(let range): stretch += made[range]
            case .old(let start, let end):
                guard let bytes = old.read(start, end - start) else { return nil }
                stretch += bytes
            }
        }

        let descriptor = Glibc.open(file, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { Glibc.close(descriptor) }
        // From here on the file is being changed: a failure is an error of this build (and the
        // file's new stamp keeps the next one from trusting it).
        try Self.move(descriptor, from: to - shift, to: to, length: newSize - to, path: file)
        try Self.pwriteAll(descriptor, stretch, at: from, path: file)
        if newSize < oldSize, ftruncate(descriptor, off_t(newSize)) != 0 {
            throw BuildError.output(path: file, reason: "shortening the export: \(String(cString: strerror(errno)))")
        }
        if SiteBuilder.tracing {
            FileHandle.standardError.write(Data("export: mended \(file): \(to - from) bytes written at \(from), \(newSize - to) moved by \(shift)\n".utf8))
        }
        return BuildCache.Export(size: newSize, modified: 0, records: spans)
    }

    /// The most a mended stretch may hold (more, and the file is written anew).
    static let mendLimit = 8 << 20

    /// Moves `length` bytes of the file from `from` to `to` (the ranges may overlap), a
    /// megabyte at a time, from the end when moving towards it.
    static func move(_ descriptor: Int32, from: Int, to: Int, length: Int, path: String, chunk: Int = 1 << 20) throws {
        guard from != to, length > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: min(chunk, length))
        var done = 0
        while done < length {
            let n = min(chunk, length - done)
            // Towards the end: the last chunk first, so nothing is overwritten before it is read.
            let offset = to > from ? length - done - n : done
            let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, n, off_t(from + offset)) }
            guard got == n else { throw BuildError.output(path: path, reason: "reading the previous export: \(String(cString: strerror(errno)))") }
            try pwriteAll(descriptor, buffer[0..<n], at: to + offset, path: path)
            done += n
        }
    }

    static func pwriteAll<C: ContiguousBytes>(_ descriptor: Int32, _ bytes: C, at: Int, path: String) throws {
        try bytes.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let n = pwrite(descriptor, raw.baseAddress! + written, raw.count - written, off_t(at + written))
                guard n > 0 else { throw BuildError.output(path: path, reason: "writing the export: \(String(cString: strerror(errno)))") }
                written += n
            }
        }
    }

    /// The previous build's export, open for copying its records.
    final class PreviousFile {
        let descriptor: Int32
        let stamp: FileStamp

        var size: Int { stamp.size }

        init?(path: String) {
            descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            var st = stat()
            guard fstat(descriptor, &st) == 0 else {
                Glibc.close(descriptor)
                return nil
            }
            stamp = FileStamp(st)
        }

        /// `count` bytes from `offset`; nil when the file is shorter.
        func read(_ offset: Int, _ count: Int) -> [UInt8]? {
            var bytes = [UInt8](repeating: 0, count: count)
            var got = 0
            while got < count {
                let n = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + got, count - got, off_t(offset + got)) }
                guard n > 0 else { return nil }
                got += n
            }
            return bytes
        }

        deinit { Glibc.close(descriptor) }
    }

    /// Where an export's parts go: made bytes, and stretches of the previous file.
    protocol SegmentSink {
        mutating func bytes(_ bytes: [UInt8]) throws
        mutating func copy(_ start: Int, _ end: Int) throws
        mutating func finish() throws
    }

    /// Writes an export's parts to the file: made bytes through a buffer, stretches of the
    /// previous file copied by the kernel (`sendfile`), not through this process.
    struct FileSink: SegmentSink {
        let path: String
        var out: BufferedOutput
        let old: PreviousFile?

        mutating func bytes(_ bytes: [UInt8]) throws { try out.write(bytes) }

        mutating func copy(_ start: Int, _ end: Int) throws {
            guard let old else { return }
            try out.flush()
            guard end <= old.size else { throw BuildError.output(path: path, reason: "the previous export changed under the build") }
            var offset = off_t(start)
            var left = end - start
            while left > 0 {
                let n = sendfile(out.handle.fileDescriptor, old.descriptor, &offset, left)
                guard n > 0 else { throw BuildError.output(path: path, reason: "copying the previous export: \(String(cString: strerror(errno)))") }
                left -= n
            }
        }

        mutating func finish() throws { try out.flush() }
    }

    /// Keeps an export's parts with where each lands, to see whether the previous file can
    /// be mended; gives up (`TooBig`) once the made bytes pass `limit`.
    struct PlanSink: SegmentSink {
        struct TooBig: Error {}
        /// Made bytes (a range of `made`), or a stretch of the previous file.
        enum Part { case new(Range<Int>), old(Int, Int) }
        struct Segment {
            let at: Int
            var part: Part
        }

        let limit: Int
        private(set) var segments: [Segment] = []
        private(set) var made: [UInt8] = []
        private var at = 0

        init(limit: Int) { self.limit = limit }

        mutating func bytes(_ bytes: [UInt8]) throws {
            guard made.count + bytes.count <= limit else { throw TooBig() }
            let range = made.count..<made.count + bytes.count
            made += bytes
            // Made bytes side by side are one segment.
            if case .new(let before)? = segments.last?.part {
                segments[segments.count - 1].part = .new(before.lowerBound..<range.upperBound)
            } else {
                segments.append(Segment(at: at, part: .new(range)))
            }
            at += bytes.count
        }

        mutating func copy(_ start: Int, _ end: Int) throws {
            segments.append(Segment(at: at, part: .old(start, end)))
            at += end - start
        }

        mutating func finish() throws {}
    }

    /// Lays out an export's pieces for a sink: records copied from the previous file joined
    /// into runs (neighbours there, with the separator between them, are neighbours here) —
    /// a record at a time, copying cost more than the rest of a rebuild after one change.
    struct RecordOutput<Sink: SegmentSink> {
        private(set) var sink: Sink
        private(set) var written = 0
        /// The run of the previous file waiting to be copied, and the separator after it,
        /// which a following copy may absorb (the previous file has it there too).
        private var run: (start: Int, end: Int)?
        private var held: [UInt8] = []

        init(_ sink: Sink) { self.sink = sink }

        /// Lays out the export: records of `previous` copied, the others made. Returns where
        /// each record lands.
        mutating func assemble(_ records: SiteBuilder.Job.Records, previous: BuildCache.Export?) throws -> [UInt64: BuildCache.Export.Span] {
            var spans: [UInt64: BuildCache.Export.Span] = [:]
            spans.reserveCapacity(records.keys.count)
            try records.assemble({ piece in try add(piece) }, record: { i in
                let key = records.keys[i]
                let piece: SiteBuilder.Job.Records.Piece
                if let span = previous?.records[key] {
                    piece = .copy(offset: span.offset, length: span.length)
                } else {
                    piece = .bytes(records.render(i))
                }
                // Called after the separator is out: the record starts here.
                let length = switch piece { case .bytes(let b), .separator(let b): b.count; case .copy(_, let n): n }
                spans[key] = BuildCache.Export.Span(offset: written, length: length)
                return piece
            })
            return spans
        }

        mutating func add(_ piece: SiteBuilder.Job.Records.Piece) throws {
            switch piece {
            case .separator(let bytes) where run != nil && held.isEmpty:
                written += bytes.count
                held = bytes
            case .bytes(let bytes), .separator(let bytes):
                written += bytes.count
                try flushRun()
                try sink.bytes(bytes)
            case .copy(let offset, let length):
                written += length
                if let r = run, offset == r.end + held.count {
                    // Contiguous there too: the held bytes are the previous file's own.
                    run = (r.start, offset + length)
                    held.removeAll(keepingCapacity: true)
                    return
                }
                try flushRun()
                run = (offset, offset + length)
            }
        }

        mutating func finish() throws {
            try flushRun()
            try sink.finish()
        }

        private mutating func flushRun() throws {
            guard let r = run else { return }
            run = nil
            try sink.copy(r.start, r.end)
            let bytes = held
            held.removeAll(keepingCapacity: true)
            if !bytes.isEmpty { try sink.bytes(bytes) }
        }
    }
}

extension BuildCache.Export {
    /// Records the stamp the file was left with, by which the next build trusts it.
    mutating func stamp(_ file: String) {
        let stamp = FileStamp.of(path: file)
        modified = stamp?.modified ?? 0
        if let stamp, stamp.size != size { modified = 0 }
    }
}
