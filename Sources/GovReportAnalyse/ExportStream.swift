import Synchronization
import GovReportCheck

extension ExportRecord {
    /// An export written while its reports are still being read. Each reading thread hands
    /// over its report's record as soon as the report is checked, with the report's place in
    /// the export; the thread that hands over the record next in order writes it and every
    /// record waiting after it, while the other threads read on. The bytes are those of the
    /// records written one after another in order, whichever thread made each and in whatever
    /// order they came (the same as a single-threaded run's).
    ///
    /// Made after the last report was read, the records (a batch at a time, on every core) and
    /// their writing (on one) were a tenth of extracting 10,000 reports, much of it with one
    /// core idle. Only the records that arrive before one still being read are held.
    public final class OrderedStream: @unchecked Sendable {
        // @unchecked: `state` is behind its lock; `write` and `wroteRecord` are used only by
        // the thread holding the writer's role, which is handed over under that lock.
        private struct State {
            /// Records made ahead of `next`, by place; nil where a place has no record.
            var waiting: [Int: [UInt8]?] = [:]
            var next = 0
            var writing = false
            var failure: (any Error)?
        }
        private let state = Mutex(State())
        private let framing: Framing
        private let make: @Sendable (CheckedReport) -> [UInt8]
        private let write: ([UInt8]) throws -> Void
        private var wroteRecord = false

        /// `write` is called with the export's bytes in order, from one thread at a time (not
        /// always the same one); after it throws it is not called again.
        public init(_ layout: Layout, write: @escaping ([UInt8]) throws -> Void) {
            framing = .of(layout)
            make = switch layout {
            case .jsonArray: jsonRecordBytes
            case .jsonLines: jsonLineBytes
            case .csv: csvRowBytes
            }
            self.write = write
        }

        /// The record of the report at `place` (nil: that place has none, say a file that gave
        /// no report), made on the calling thread. Every place from 0 on is to be handed over
        /// once, from any thread.
        public func add(_ place: Int, _ checked: CheckedReport?) {
            let record = checked.map(make)
            let writer = state.withLock { s -> Bool in
                guard s.failure == nil else { return false }
                precondition(place >= s.next && s.waiting[place] == nil, "export place \(place) handed over twice")
                s.waiting[place] = .some(record)
                guard !s.writing, s.waiting[s.next] != nil else { return false }
                s.writing = true
                return true
            }
            if writer { drain() }
        }

        /// Writes the end of the export once every place has been handed over; throws what a
        /// write threw.
        public func finish() throws {
            if let failure = state.withLock({ $0.failure }) { throw failure }
            let left = state.withLock { s -> Int in
                precondition(!s.writing, "the export finished while a record was being written")
                return s.waiting.count
            }
            precondition(left == 0, "\(left) export records wait for a place never handed over")
            let end = wroteRecord ? framing.footer : framing.empty
            if !end.isEmpty { try write(end) }
        }

        /// Writes the records ready in order, as the writer, until none is; then gives the
        /// role up (under the lock, so that a record handed over meanwhile is not left behind).
        private func drain() {
            while true {
                let ready = state.withLock { s -> [[UInt8]?] in
                    var ready: [[UInt8]?] = []
                    while let record = s.waiting.removeValue(forKey: s.next) {
                        ready.append(record)
                        s.next += 1
                    }
                    if ready.isEmpty { s.writing = false }
                    return ready
                }
                if ready.isEmpty { return }
                do {
                    for case let record? in ready {
                        let before = wroteRecord ? framing.separator : framing.header
                        if !before.isEmpty { try write(before) }
                        try write(record)
                        wroteRecord = true
                    }
                } catch {
                    state.withLock { s in
                        s.failure = error
                        s.waiting = [:]
                        s.writing = false
                    }
                    return
                }
            }
        }
    }
}
