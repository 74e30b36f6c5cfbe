import Foundation
import GovReportCheck
import GovReportIngest
import GovReportParse

/// One report as the public export record (`govreport extract`, the site's downloads).
/// The field names are a public interface documented in the README: keep them stable.
public enum ExportRecord {
    public static func object(_ checked: CheckedReport) -> [String: Any] {
        let report = checked.report
        var figures: [String: Any] = [:]
        for (key, figure) in report.figures { figures[key] = figure.value.map { $0 as Any } ?? NSNull() }
        var region: [String: Any] = [:]
        region["province"] = report.region.province ?? NSNull()
        region["city"] = report.region.city ?? NSNull()
        region["district"] = report.region.district ?? NSNull()
        region["street"] = report.region.street ?? NSNull()
        return [
            "source": report.source,
            "agency": report.agency?.name ?? NSNull(),
            "region": region,
            "year": report.year ?? NSNull(),
            "template": report.edition?.rawValue ?? NSNull(),
            "published": report.published ?? NSNull(),
            "figures": figures,
            "inferred": checked.inferred.mapValues { $0.value },
            "violations": checked.violations.map { v in
                ["rule": v.rule, "message": v.message, "keys": v.keys, "line": v.location.line] as [String: Any]
            },
            "warnings": report.diagnostics.filter { $0.severity >= .warning }.map { d in
                ["line": d.location.line, "message": d.message] as [String: Any]
            },
        ]
    }

    /// Deterministic JSON: sorted keys, integers without a decimal point.
    public static func json(_ value: Any, pretty: Bool = true) -> String {
        JSONText.write(value, pretty: pretty)
    }

    /// The header of the long-form CSV (one row per report and figure; see `csvRowBytes`).
    public static let csvHeader = "source,agency,year,template,key,value,inferred\n"

    /// One report's rows of the long-form CSV, as UTF-8 bytes: made as bytes, the form they
    /// are written in (appending to a String piece by piece, 2.7 million rows a build, then
    /// copying it into bytes, was most of making the rows).
    public static func csvRowBytes(_ checked: CheckedReport) -> [UInt8] {
        func field(_ s: String) -> String {
            s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        let r = checked.report
        let head = Array((field(r.source) + "," + field(r.agency?.name ?? "") + "," + (r.year.map(String.init) ?? "") + ","
                          + (r.edition?.rawValue ?? "") + ",").utf8)
        if checked.inferred.isEmpty, let rows = placedRows(r.figures, head: head) { return rows }
        // (Reached through a pointer: captured by the walk's closure, the writer would be boxed
        // and every row a checked access to it.)
        let out = UnsafeMutablePointer<RowBytes>.allocate(capacity: 1)
        out.initialize(to: RowBytes(capacity: r.figures.count * (head.count + 64)))
        defer {
            out.pointee.free()
            out.deinitialize(count: 1)
            out.deallocate()
        }
        if checked.inferred.isEmpty {
            // Nothing inferred: the figure table's own walk is the key order.
            r.figures.forEachPlaced { _, key, figure in
                let key = key.text
                out.pointee.row(head, key, checked.resolved(key, figure: figure))
            }
            return out.pointee.array
        }
        var keys = r.figures.keys
        for key in checked.inferred.keys where r.figures[key] == nil { keys.append(key) }
        for i in FigureKeys.order(of: keys) { out.pointee.row(head, keys[i], checked.resolved(keys[i])) }
        return out.pointee.array
    }

    /// The rows of a report that infers nothing (nearly all), each written through a pointer
    /// straight into the array returned: the report's columns, the key with its comma (a
    /// canonical key's from a table made once), the value and `,false`. Writing them into
    /// storage of their own and copying that into an array, the key read from its String
    /// each row, was some 400 instructions a row. Nil, for `RowBytes` to write, when a value
    /// is one `writeFormatted` leaves to the formatter.
    static func placedRows(_ figures: Figures, head: [UInt8]) -> [UInt8]? {
        // Room for every row: its head, key and comma, a number of at most 32 bytes, ",false\n".
        let keys = csvKeys
        var bound = 0
        figures.forEachPlaced { place, key, _ in
            bound += head.count + (place.map { keys.range($0).count } ?? key.text.utf8.count + 1) + 32 + 7
        }
        guard bound > 0 else { return [] }
        var complete = true
        let rows = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            let p = buffer.baseAddress!
            var k = 0
            let end: StaticString = ",false\n"
            keys.bytes.withUnsafeBufferPointer { table in
                head.withUnsafeBufferPointer { head in
                    figures.forEachPlaced { place, key, figure in
                        guard complete else { return }
                        (p + k).update(from: head.baseAddress!, count: head.count)
                        k += head.count
                        if let place {
                            let range = keys.range(place)
                            (p + k).update(from: table.baseAddress! + range.lowerBound, count: range.count)
                            k += range.count
                        } else {
                            key.text.withUTF8Bytes { (p + k).update(from: $0.baseAddress!, count: $0.count); k += $0.count }
                            p[k] = 0x2C
                            k += 1
                        }
                        if let v = figure.value {
                            guard let n = writeFormatted(v, at: p + k) else { complete = false; return }
                            k += n
                        }
                        (p + k).update(from: end.utf8Start, count: end.utf8CodeUnitCount)
                        k += end.utf8CodeUnitCount
                    }
                }
            }
            count = complete ? k : 0
        }
        return complete ? rows : nil
    }

    /// Each canonical key with the comma after it, as the CSV writes it (by place).
    static let csvKeys = MemberTable(FigureKeys.sortedCanonical.map { Array($0.utf8) + [0x2C] })

    /// The CSV's rows written into storage of their own, grown by doubling: a row is some
    /// sixty bytes in four pieces, and an array's generic appends cost several times the
    /// bytes (2.7 million rows a build of 10,000 reports).
    struct RowBytes {
        private var base: UnsafeMutablePointer<UInt8>
        private var count = 0
        private var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 256)
            base = .allocate(capacity: self.capacity)
        }

        func free() { base.deallocate() }

        var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

        private mutating func reserve(_ n: Int) {
            guard count + n > capacity else { return }
            var size = capacity * 2
            while size < count + n { size *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
            capacity = size
        }

        @inline(__always)
        private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
            reserve(bytes.count)
            (base + count).update(from: bytes.baseAddress!, count: bytes.count)
            count += bytes.count
        }

        /// One row: the report's columns (`head`), the key, the value, whether inferred.
        mutating func row(_ head: [UInt8], _ key: String, _ resolved: (value: Double, inferred: Bool, figure: Figure?)?) {
            reserve(head.count + key.utf8.count + 40)
            head.withUnsafeBufferPointer { put($0) }
            key.withUTF8Bytes { put($0) }
            base[count] = 0x2C
            count += 1
            if let resolved {
                if let n = ExportRecord.writeFormatted(resolved.value, at: base + count) {
                    count += n
                } else {
                    var text = ConsistencyChecker.format(resolved.value)
                    text.withUTF8 { put($0) }
                }
            }
            let end: StaticString = resolved?.inferred == true ? ",true\n" : ",false\n"
            put(UnsafeBufferPointer(start: end.utf8Start, count: end.utf8CodeUnitCount))
        }
    }

    /// The bytes of `ConsistencyChecker.format(v)` (the CSV export's values and the charts'
    /// numbers) digit by digit: whole numbers, and up to four decimals with trailing zeros
    /// dropped. Written at `p`, which has room for 32; nil, nothing written, for a value
    /// past that, which only the formatter itself writes.
    public static func writeFormatted(_ v: Double, at p: UnsafeMutablePointer<UInt8>) -> Int? {
        var n = 0
        if v.isWholeBelowE15 {
            return ByteSink.writeInteger(Int64(v), at: p)
        }
        let scaled = (abs(v) * 10000).rounded(.toNearestOrEven)
        guard v.isFinite, scaled < 1e15 else { return nil }
        let whole = Int64(scaled)
        if v < 0 { p[n] = 0x2D; n += 1 }
        n += ByteSink.writeInteger(whole / 10000, at: p + n)
        var fraction = whole % 10000
        guard fraction != 0 else { return n }
        var digits = 4
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        p[n] = 0x2E
        n += 1
        var width = 1, limit: Int64 = 10
        while fraction >= limit { width += 1; limit *= 10 }
        for _ in 0..<(digits - width) { p[n] = 0x30; n += 1 }
        n += ByteSink.writeInteger(fraction, at: p + n)
        return n
    }

    /// `writeFormatted` appended to an array of bytes (the charts' numbers).
    public static func appendFormatted(_ v: Double, to bytes: inout [UInt8]) {
        var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let written = withUnsafeMutableBytes(of: &scratch) { writeFormatted(v, at: $0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
        guard let written else { return bytes.append(contentsOf: ConsistencyChecker.format(v).utf8) }
        withUnsafeBytes(of: &scratch) { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[..<written])) }
    }


    /// One report's record as it stands in the pretty-printed array (indented by two), as
    /// UTF-8 bytes.
    public static func jsonRecordBytes(_ checked: CheckedReport) -> [UInt8] {
        var out = ByteSink()
        out.bytes.reserveCapacity(8192)
        write(checked, to: &out, pretty: true, indent: 2)
        return out.bytes
    }

    /// One report's record as JSON: the bytes of `json(object(checked), pretty:)`, written
    /// straight from the report (building and sorting dictionaries of `Any` was most of the
    /// time spent exporting).
    public static func json(_ checked: CheckedReport, pretty: Bool = true) -> String {
        String(decoding: jsonBytes(checked, pretty: pretty), as: UTF8.self)
    }

    /// `json` as UTF-8 bytes, made as bytes (for the site's per-report files).
    public static func jsonBytes(_ checked: CheckedReport, pretty: Bool = true) -> [UInt8] {
        recordBytes(checked, pretty: pretty, room: 8192)
    }

    /// `jsonBytes` compact, and the line feed that ends a JSON Lines record, written into room
    /// for a large record (a record of 8 KB and more, and the line feed after one that filled
    /// its room, copied the whole record into a larger array).
    public static func jsonLineBytes(_ checked: CheckedReport) -> [UInt8] {
        recordBytes(checked, pretty: false, room: 16_384, lineFeed: true)
    }

    private static func recordBytes(_ checked: CheckedReport, pretty: Bool, room: Int, lineFeed: Bool = false) -> [UInt8] {
        var out = ByteSink()
        out.bytes.reserveCapacity(room)
        write(checked, to: &out, pretty: pretty, indent: 0)
        if lineFeed { out.bytes.append(0x0A) }
        return out.bytes
    }

    static func write(_ checked: CheckedReport, to out: inout ByteSink, pretty: Bool, indent: Int) {
        let report = checked.report
        var w = ContainerWriter(pretty: pretty, indent: indent)
        w.open(&out)
        w.key("agency", &out); w.string(report.agency?.name, &out)
        /// An object of numbers by figure key, in key order (a blank figure as null).
        func numbers(_ entries: [(key: String, value: Double?)]) {
            var f = ContainerWriter(pretty: pretty, indent: indent + 2)
            f.open(&out)
            let keys = entries.map(\.key)
            if let placed = FigureKeys.orderedPlaces(of: keys) {
                // Canonical keys: written from their quoted form, made once.
                for (i, place) in placed {
                    f.placedKey(place, &out)
                    if let v = entries[i].value { out.number(v) } else { out += "null" }
                }
            } else {
                for i in FigureKeys.order(of: keys) {
                    f.key(entries[i].key, &out)
                    if let v = entries[i].value { out.number(v) } else { out += "null" }
                }
            }
            f.close(&out)
        }
        w.key("figures", &out)
        do {
            // The table walks in key order: written as it comes.
            var f = ContainerWriter(pretty: pretty, indent: indent + 2)
            f.open(&out)
            f.numbers(report.figures, &out)
            f.close(&out)
        }
        w.key("inferred", &out)
        numbers(checked.inferred.map { ($0.key, $0.value.value) })
        w.key("published", &out); w.string(report.published, &out)
        w.key("region", &out)
        do {
            var r = ContainerWriter(pretty: pretty, indent: indent + 2)
            r.open(&out)
            r.key("city", &out); r.string(report.region.city, &out)
            r.key("district", &out); r.string(report.region.district, &out)
            r.key("province", &out); r.string(report.region.province, &out)
            r.key("street", &out); r.string(report.region.street, &out)
            r.close(&out)
        }
        w.key("source", &out); w.string(report.source, &out)
        w.key("template", &out); w.string(report.edition?.rawValue, &out)
        w.key("violations", &out)
        do {
            var a = ContainerWriter(pretty: pretty, indent: indent + 2, array: true)
            a.open(&out)
            for v in checked.violations {
                a.item(&out)
                var o = ContainerWriter(pretty: pretty, indent: indent + 4)
                o.open(&out)
                o.key("keys", &out)
                var k = ContainerWriter(pretty: pretty, indent: indent + 6, array: true)
                k.open(&out)
                for key in v.keys { k.item(&out); JSONText.string(key, to: &out) }
                k.close(&out)
                o.key("line", &out); out += String(v.location.line)
                o.key("message", &out); JSONText.string(v.message, to: &out)
                o.key("rule", &out); out += String(v.rule)
                o.close(&out)
            }
            a.close(&out)
        }
        w.key("warnings", &out)
        do {
            var a = ContainerWriter(pretty: pretty, indent: indent + 2, array: true)
            a.open(&out)
            for d in report.diagnostics where d.severity >= .warning {
                a.item(&out)
                var o = ContainerWriter(pretty: pretty, indent: indent + 4)
                o.open(&out)
                o.key("line", &out); out += String(d.location.line)
                o.key("message", &out); JSONText.string(d.message, to: &out)
                o.close(&out)
            }
            a.close(&out)
        }
        w.key("year", &out)
        if let year = report.year { out += String(year) } else { out += "null" }
        w.close(&out)
    }

    /// Every canonical figure key as a JSON string, by its place (`FigureKeys.sortedCanonical`).
    static let quotedKeys: [[UInt8]] = FigureKeys.sortedCanonical.map { key in
        var quoted = ByteSink()
        JSONText.string(key, to: &quoted)
        return quoted.bytes
    }

    /// What starts the member of each canonical key (by place) in an object whose members
    /// are at `indent`: the line break and indentation, the quoted key and the colon; for
    /// compact text, the quoted key and the colon. Made once for the three layouts the
    /// exports use: one append per figure where there were four.
    static let compactMembers = MemberTable(quotedKeys.map { $0 + [0x3A] })
    static let prettyMembers4 = prettyMembers(indent: 4)
    static let prettyMembers6 = prettyMembers(indent: 6)
    static func prettyMembers(indent: Int) -> MemberTable {
        MemberTable(quotedKeys.map { ByteSink.newlines[indent] + $0 + ContainerWriter.prettyColon })
    }

    /// Each canonical key's member start (its quoted key and colon, in a layout), the bytes
    /// of all of them in one array: appended by place from one buffer, without the outer
    /// array and the member's own each retained for every figure of every report.
    struct MemberTable: Sendable {
        let bytes: [UInt8]
        /// Where each member ends in `bytes` (each starts where the one before ends).
        let ends: [Int]

        init(_ members: [[UInt8]]) {
            // (`ContainerWriter.numbers` writes a member with its number into 4 KB.)
            precondition(members.allSatisfy { $0.count < 1024 })
            bytes = members.flatMap { $0 }
            var end = 0
            ends = members.map { end += $0.count; return end }
        }

        func append(_ place: Int, to out: inout [UInt8]) {
            let range = range(place)
            bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
        }

        /// Where the member of the key at `place` lies in `bytes`.
        @inline(__always)
        func range(_ place: Int) -> Range<Int> { (place == 0 ? 0 : ends[place - 1])..<ends[place] }
    }

    /// Writes an object or an array in `JSONText`'s layout, one member at a time.
    struct ContainerWriter {
        let pretty: Bool
        let indent: Int
        let brackets: (UInt8, UInt8)
        var count = 0
        /// The members of canonical keys in this layout (nil: none made for it).
        let members: MemberTable?

        init(pretty: Bool, indent: Int, array: Bool = false) {
            self.pretty = pretty
            self.indent = indent
            brackets = array ? (0x5B, 0x5D) : (0x7B, 0x7D)
            members = !pretty ? ExportRecord.compactMembers
                : indent + 2 == 4 ? ExportRecord.prettyMembers4 : indent + 2 == 6 ? ExportRecord.prettyMembers6 : nil
        }

        static let prettyColon = Array(" : ".utf8)

        func open(_ out: inout ByteSink) { out.bytes.append(brackets.0) }

        /// Starts the next member of an array.
        mutating func item(_ out: inout ByteSink) {
            if count > 0 { out.bytes.append(0x2C) }
            count += 1
            if pretty { out.newline(indent: indent + 2) }
        }

        /// Starts the next member of an object.
        mutating func key(_ name: String, _ out: inout ByteSink) {
            item(&out)
            JSONText.string(name, to: &out)
            if pretty { out.bytes.append(contentsOf: Self.prettyColon) } else { out.bytes.append(0x3A) }
        }

        /// `key`, with the name already a JSON string.
        mutating func quotedKey(_ quoted: [UInt8], _ out: inout ByteSink) {
            item(&out)
            out.bytes.append(contentsOf: quoted)
            if pretty { out.bytes.append(contentsOf: Self.prettyColon) } else { out.bytes.append(0x3A) }
        }

        /// `quotedKey` for a canonical key by its place, from the members made once.
        mutating func placedKey(_ place: Int, _ out: inout ByteSink) {
            guard let members else { return quotedKey(ExportRecord.quotedKeys[place], &out) }
            if count > 0 { out.bytes.append(0x2C) }
            count += 1
            members.append(place, to: &out.bytes)
        }

        /// The figures as members, in key order, each its number (null for a blank figure).
        /// A canonical key's member start and a whole number are written through a pointer
        /// into a buffer of 4 KB handed to `out` when full: three appends to the array a figure,
        /// each checking its uniqueness and room, were most of writing a record. Any other
        /// member goes the general way, after what came before it is handed on.
        mutating func numbers(_ figures: Figures, _ out: inout ByteSink) {
            guard let members else {
                return figures.forEachPlaced { place, key, figure in member(place, key.text, figure, &out) }
            }
            let capacity = 4096
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
                let p = buffer.baseAddress!
                var k = 0
                members.bytes.withUnsafeBufferPointer { table in
                    figures.forEachPlaced { place, key, figure in
                        guard let place, figure.value.map(\.isWholeBelowE15) ?? true else {
                            out.bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: k))
                            k = 0
                            return member(place, key.text, figure, &out)
                        }
                        let range = members.range(place)
                        // A separator, the member's start and a number of at most 16 bytes.
                        if k + 1 + range.count + 16 > capacity {
                            out.bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: k))
                            k = 0
                        }
                        if count > 0 { p[k] = 0x2C; k += 1 }
                        count += 1
                        (p + k).update(from: table.baseAddress! + range.lowerBound, count: range.count)
                        k += range.count
                        if let v = figure.value {
                            k += ByteSink.writeInteger(Int64(v), at: p + k)
                        } else {
                            for c in "null".utf8 { p[k] = c; k += 1 }
                        }
                    }
                }
                out.bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: k))
            }
        }

        /// One member of `numbers` the general way.
        private mutating func member(_ place: Int?, _ key: String, _ figure: Figure, _ out: inout ByteSink) {
            if let place { placedKey(place, &out) } else { self.key(key, &out) }
            if let v = figure.value { out.number(v) } else { out += "null" }
        }

        func string(_ value: String?, _ out: inout ByteSink) {
            if let value { JSONText.string(value, to: &out) } else { out += "null" }
        }

        func close(_ out: inout ByteSink) {
            if pretty {
                if count == 0 { out.bytes.append(0x0A) }
                out.newline(indent: indent)
            }
            out.bytes.append(brackets.1)
        }
    }

    /// The export of many reports as one pretty-printed JSON array (the bytes of
    /// `json(reports.map(object))` and a newline).
    public static func jsonArray(_ reports: [CheckedReport]) -> String {
        var bytes: [UInt8] = []
        Framing.of(.jsonArray).walk(count: reports.count) { part in
            switch part {
            case .text(let b), .separator(let b): bytes += b
            case .record(let i): bytes += jsonRecordBytes(reports[i])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The forms `govreport extract` writes.
    public enum Layout: Sendable { case jsonArray, jsonLines, csv }

    /// What goes around and between the records of an export: one description of each
    /// layout's file, for `extract` and for the site's downloads (which mend it in place).
    public struct Framing: Sendable {
        public let header: [UInt8]
        public let separator: [UInt8]
        public let footer: [UInt8]
        /// The whole file when there is no record.
        public let empty: [UInt8]

        public static func of(_ layout: Layout) -> Framing {
            switch layout {
            case .jsonArray: Framing(header: Array(JSONArray.header.utf8), separator: Array(JSONArray.separator.utf8),
                                     footer: Array(JSONArray.footer.utf8), empty: Array(JSONArray.empty.utf8))
            case .jsonLines: Framing(header: [], separator: [], footer: [], empty: [])
            case .csv: Framing(header: Array(csvHeader.utf8), separator: [], footer: [], empty: Array(csvHeader.utf8))
            }
        }

        /// A part of the file, in order.
        public enum Part { case text([UInt8]), separator([UInt8]), record(Int) }

        /// The file of `count` records, part by part: header, records joined by the separator,
        /// footer (or `empty` when there is no record).
        public func walk(count: Int, _ emit: (Part) throws -> Void) rethrows {
            guard count > 0 else { return try emit(.text(empty)) }
            try emit(.text(header))
            for i in 0..<count {
                if i > 0 && !separator.isEmpty { try emit(.separator(separator)) }
                try emit(.record(i))
            }
            try emit(.text(footer))
        }
    }

    /// The export of `reports` in `layout`, handed to `write` piece by piece: the records made
    /// on every core and written in order as they are made (`OrderedStream`; the same bytes as
    /// one thread).
    public static func stream(_ reports: [CheckedReport], _ layout: Layout, write: @escaping ([UInt8]) throws -> Void) throws {
        let stream = OrderedStream(layout, write: write)
        Parallel.forEach(reports.count) { stream.add($0, reports[$0]) }
        try stream.finish()
    }

    /// What goes around and between the records of the pretty-printed array (the site's
    /// `data/reports.json` is assembled from these too).
    public enum JSONArray {
        public static let header = "[\n  "
        public static let separator = ",\n  "
        public static let footer = "\n]\n"
        /// The whole array when there is no record.
        public static let empty = "[\n\n]\n"
    }
}
