import Foundation
import GovReportAnalyse
import GovReportIngest

/// The view of a page that is compared before it is rendered (a corpus-wide page): made
/// whole, or — for a page with a row per report — as a frame and rows, each row keyed by a
/// fingerprint of what it is made from. A rebuild then fingerprints such a page by making
/// only the rows whose key it has not seen: the index of ten thousand reports after one
/// correction makes one row, not ten thousand, to find that it shows the same.
struct ComparedView: Sendable {
    /// Rows of a list of the view, each made from what its key names and nothing else.
    struct Rows: Sendable {
        /// The list's name in the frame (where the frame holds an empty list).
        let name: String
        /// Each row's key: a fingerprint of everything the row is made from.
        let keys: [UInt64]
        let make: @Sendable (Int) -> TemplateValue
    }

    /// The view, with the rows' list empty when there are `rows`.
    let frame: @Sendable () -> TemplateValue
    var rows: Rows? = nil

    /// A view's fingerprint, the fingerprints of its rows by key (for the next build), and the
    /// whole view when making the fingerprint made all of it.
    struct Fingerprinted {
        let fingerprint: UInt64
        let rows: [UInt64: UInt64]
        /// The view without its rows, and the rows made on the way.
        let frame: TemplateValue
        let made: MadeRows
        /// The name of the rows' list in the frame; nil for a view without rows.
        let listName: String?

        /// The whole view, when making the fingerprint made all of it (put together when asked:
        /// a page with rows is rendered row by row, from `frame` and `made`).
        var whole: TemplateValue? {
            guard let listName else { return frame }
            guard case .all(let rows) = made else { return nil }
            var value = frame
            value.set(listName, .list(rows))
            return value
        }
    }

    /// The rows made while fingerprinting: every row (a first build), in order — kept as an
    /// array, for a dictionary of fifty thousand rows by index was built, looked up and freed
    /// for nothing — or some of them by index.
    enum MadeRows {
        case all([TemplateValue])
        case some([Int: TemplateValue])

        subscript(_ i: Int) -> TemplateValue? {
            switch self {
            case .all(let rows): rows[i]
            case .some(let rows): rows[i]
            }
        }
    }

    /// The whole view.
    func whole() -> TemplateValue {
        var value = frame()
        if let rows { value.set(rows.name, .list(Array(rows.keys.indices).parallelMap(chunk: 256) { rows.make($0) })) }
        return value
    }

    /// The fingerprint of the whole view, made from the rows' fingerprints: those whose key is
    /// in `known` (key → the row's fingerprint, from the previous build) are not made again.
    func fingerprint(known: [UInt64: UInt64]) -> Fingerprinted {
        let value = frame()
        guard let rows else { return Fingerprinted(fingerprint: value.fingerprint, rows: [:], frame: value, made: .some([:]), listName: nil) }
        let missing = known.isEmpty ? Array(rows.keys.indices) : rows.keys.indices.filter { known[rows.keys[$0]] == nil }
        let made = missing.parallelMap(chunk: 256) { i -> (TemplateValue, UInt64) in
            let row = rows.make(i)
            return (row, row.fingerprint)
        }
        var prints: [UInt64: UInt64] = [:]
        prints.reserveCapacity(rows.keys.count)
        var f = Fingerprint()
        f.add(value.fingerprint)
        f.add(rows.name)
        f.add(UInt64(rows.keys.count))
        // Every row made (a first build): their fingerprints in order, no look-ups.
        if missing.count == rows.keys.count {
            for (key, row) in zip(rows.keys, made) {
                prints[key] = row.1
                f.add(row.1)
            }
            return Fingerprinted(fingerprint: f.value, rows: prints, frame: value, made: .all(made.map(\.0)), listName: rows.name)
        }
        var values: [Int: TemplateValue] = [:]
        values.reserveCapacity(missing.count)
        for (j, i) in missing.enumerated() {
            prints[rows.keys[i]] = made[j].1
            values[i] = made[j].0
        }
        for key in rows.keys {
            let print = prints[key] ?? known[key]!
            if prints[key] == nil { prints[key] = print }
            f.add(print)
        }
        return Fingerprinted(fingerprint: f.value, rows: prints, frame: value, made: .some(values), listName: rows.name)
    }
}

extension ComparedView {
    /// Renders the page row by row into `session` (its rows made, or copied from the page as
    /// the previous build left it, which `previous` describes), and returns where its rows now
    /// lie, for the next build; nil when they could not be recorded (see `KeyedSection`).
    func write(_ path: String, _ made: Fingerprinted, render: (TemplateValue, KeyedSection?) throws(BuildError) -> Data,
               into session: SiteWriter.Session, previous: BuildCache.Fragments?) throws(BuildError) -> BuildCache.Fragments? {
        guard let rows else { preconditionFailure("a view without rows is rendered whole") }
        let old = previous.flatMap { record in
            session.previousBytes(path, left: record.file).map {
                (text: $0, context: record.context, spans: record.file.records.mapValues { $0.offset..<$0.offset + $0.length })
            }
        }
        let keyed = KeyedSection(name: rows.name, keys: rows.keys, make: { made.made[$0] ?? rows.make($0) }, previous: old)
        let data = try render(made.frame, keyed)
        try session.put(path, data)
        if SiteBuilder.tracing {
            FileHandle.standardError.write(Data("timing: \(path): \(keyed.made) rows made, \(keyed.copied) copied\n".utf8))
        }
        guard keyed.usable, let context = keyed.context else { return nil }
        var file = BuildCache.Export(size: data.count, modified: 0,
                                     records: keyed.spans(byKey: { BuildCache.Export.Span(offset: $0.lowerBound, length: $0.count) }))
        file.stamp(session.rootPath + "/" + path)
        return BuildCache.Fragments(context: context, file: file)
    }
}

extension TemplateValue {
    /// Sets a field of an object value (nothing for other values).
    mutating func set(_ name: String, _ field: TemplateValue) {
        guard case .object(var object) = self else { return }
        self = .null
        object.set(name, field)
        self = .object(object)
    }
}
