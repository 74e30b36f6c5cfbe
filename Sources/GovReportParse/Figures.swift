/// The figures of a report, addressed by canonical key. A key that is not present means
/// the report does not state the figure at all (no such cell, or the cell was lost).
///
/// Kept as one slot per canonical key (`FigureKeys.sortedCanonical`), not as a dictionary:
/// every stage reads the same few hundred keys, so a slot's place can be known ahead
/// (`FigureKeys.place(of:)`) and looked up without hashing; a table is plain numbers, copied
/// without touching a reference count (the build cache makes one per report of a rebuild);
/// and it walks in key order, the order every export and page lists figures in. Keys outside
/// the canonical set (no parser makes them) are kept aside in a dictionary.
public struct Figures: Sendable {
    /// A figure packed into two words: its value (0 when blank) and its line shifted past
    /// three flags. A slot whose `meta` is 0 holds nothing.
    @usableFromInline struct Slot: Sendable, Equatable {
        @usableFromInline var value: Double
        @usableFromInline var meta: Int

        static let empty = Slot(value: 0, meta: 0)
        @usableFromInline static var present: Int { 4 }
        @usableFromInline static var hasValue: Int { 1 }
        @usableFromInline static var prose: Int { 2 }

        init(value: Double, meta: Int) {
            self.value = value
            self.meta = meta
        }

        init(_ figure: Figure) {
            value = figure.value ?? 0
            meta = figure.line << 3 | Self.present | (figure.value == nil ? 0 : Self.hasValue) | (figure.origin == .prose ? Self.prose : 0)
        }

        @inlinable var isEmpty: Bool { meta == 0 }

        @inlinable var figure: Figure {
            Figure(meta & Self.hasValue != 0 ? value : nil, line: meta >> 3, origin: meta & Self.prose != 0 ? .prose : .table)
        }
    }

    /// By place in `FigureKeys.sortedCanonical`; empty until the first canonical figure is set.
    @usableFromInline private(set) var slots: [Slot] = []
    /// Figures under keys that are not canonical.
    @usableFromInline private(set) var others: [String: Figure] = [:]
    public private(set) var count = 0

    public init() {}

    public var isEmpty: Bool { count == 0 }

    /// The figure at a canonical key's place (`FigureKeys.place(of:)`).
    public subscript(place place: Int) -> Figure? {
        @inlinable get {
            guard place < slots.count else { return nil }
            let slot = slots[place]
            return slot.isEmpty ? nil : slot.figure
        }
        set {
            if slots.isEmpty {
                guard newValue != nil else { return }
                slots = [Slot](repeating: .empty, count: FigureKeys.sortedCanonical.count)
            }
            let was = !slots[place].isEmpty
            slots[place] = newValue.map(Slot.init) ?? .empty
            count += (newValue != nil ? 1 : 0) - (was ? 1 : 0)
        }
    }

    /// A table row's figures, cell k (`cell(k)`, k < `cellCount`) under `placed[k]` (as far as
    /// both go): a number cell's value, any other cell a blank figure, each at its cell's
    /// line, read from the table; none set where the cell is nil (a column the row lost).
    /// The slots written in one pass, one uniqueness check and one count for the row: set one
    /// by one through the subscript, the figures of the row tables were 2 % of extraction.
    /// A key that is not canonical goes through the subscript.
    mutating func setRow(_ placed: UnsafeBufferPointer<PlacedKey>, count cellCount: Int, cell: (Int) -> Cell?) {
        let n = Swift.min(placed.count, cellCount)
        guard n > 0 else { return }
        if slots.isEmpty { slots = [Slot](repeating: .empty, count: FigureKeys.sortedCanonical.count) }
        var added = 0
        var others: [(Int, Cell)] = []
        slots.withUnsafeMutableBufferPointer { slots in
            for k in 0..<n {
                guard let cell = cell(k) else { continue }
                guard let place = placed[k].place else { others.append((k, cell)); continue }
                let line = cell.line << 3 | Slot.present
                let slot = if case .number(let v) = cell.content { Slot(value: v, meta: line | Slot.hasValue) } else { Slot(value: 0, meta: line) }
                if slots[place].isEmpty { added += 1 }
                slots[place] = slot
            }
        }
        count += added
        for (k, cell) in others {
            let value: Double? = if case .number(let v) = cell.content { v } else { nil }
            self[placed[k]] = Figure(value, line: cell.line)
        }
    }

    /// `setRow` of a row aligned to its table: its cells under their columns, a lost column
    /// given `lost` (nil: nothing set there). Through the cells' buffer: the aligned row's
    /// subscript, asked column by column, checked the part's bounds for every cell. (Rows as
    /// wide as their table, most of them, go the same way: a path of their own saved 0.1 %.)
    mutating func setRow(_ placed: UnsafeBufferPointer<PlacedKey>, _ row: AlignedRow, lost: Cell? = nil) {
        let leading = row.leading
        row.cells.withUnsafeBufferPointer { cells in
            setRow(placed, count: row.width) { column in
                let k = column &- leading
                return k >= 0 && k < cells.count ? cells[k] : lost
            }
        }
    }

    /// Figures at known places, set in one pass: how the build cache gives back ten thousand
    /// reports' figures on every rebuild (setting them one by one through the subscript was a
    /// fifth of that). Nil when a place repeats or is not a canonical key's.
    public init?(placed: [(place: Int, figure: Figure)]) {
        guard !placed.isEmpty else { return }
        var slots = [Slot](repeating: .empty, count: FigureKeys.sortedCanonical.count)
        for (place, figure) in placed {
            guard place >= 0, place < slots.count, slots[place].isEmpty else { return nil }
            slots[place] = Slot(figure)
        }
        self.slots = slots
        count = placed.count
    }

    /// The value at a place: nil when the figure is absent or blank.
    @inlinable public func value(place: Int) -> Double? {
        guard place < slots.count else { return nil }
        let slot = slots[place]
        return slot.meta & Slot.hasValue != 0 ? slot.value : nil
    }

    /// The figure under a key whose place was found ahead (no hashing when it is canonical).
    public subscript(key: PlacedKey) -> Figure? {
        @inlinable get {
            if let place = key.place { return self[place: place] }
            return self[key.key]
        }
        set {
            if let place = key.place { self[place: place] = newValue } else { self[key.key] = newValue }
        }
    }

    public subscript(key: String) -> Figure? {
        get {
            if let place = FigureKeys.place(of: key) { return self[place: place] }
            return others.isEmpty ? nil : others[key]
        }
        set {
            if let place = FigureKeys.place(of: key) { self[place: place] = newValue; return }
            let was = others[key] != nil
            others[key] = newValue
            count += (newValue != nil ? 1 : 0) - (was ? 1 : 0)
        }
    }

    /// Every figure's line passed through `transform`, in place (looking each key up twice,
    /// by its text, was most of pointing an HTML report's figures back into its file).
    public mutating func mapLines(_ transform: (Int) -> Int) {
        for place in slots.indices where !slots[place].isEmpty {
            var figure = slots[place].figure
            figure.line = transform(figure.line)
            slots[place] = Slot(figure)
        }
        for key in others.keys.sorted() { others[key]!.line = transform(others[key]!.line) }
    }

    /// Calls `body` with each figure in key order, with its place (nil for a key that is not
    /// canonical): what writers of key-ordered output need, without looking a key up again.
    /// The key is handed on where it is kept, read only by a walk that needs its text.
    @inlinable public func forEachPlaced(_ body: (_ place: Int?, _ key: WalkedKey, _ figure: Figure) throws -> Void) rethrows {
        if others.isEmpty {
            // Over the slots' and keys' buffers: indexing the keys' static array in the loop
            // checked its initialisation and retained each key (a check's and an export's walk
            // is some two hundred figures for every report).
            let keys = FigureKeys.sortedCanonical
            try slots.withUnsafeBufferPointer { slots in
                try keys.withUnsafeBufferPointer { keys in
                    for place in slots.indices where !slots[place].isEmpty {
                        try body(place, WalkedKey(keys.baseAddress! + place), slots[place].figure)
                    }
                }
            }
        } else {
            for (key, figure) in self {
                try withUnsafePointer(to: key) { try body(FigureKeys.place(of: key), WalkedKey($0), figure) }
            }
        }
    }

    /// Whether any figure satisfies `predicate`, asked of the slots in place (through
    /// `values`, every figure and its key were copied into arrays first).
    @inlinable public func containsFigure(where predicate: (Figure) -> Bool) -> Bool {
        for place in slots.indices where !slots[place].isEmpty && predicate(slots[place].figure) { return true }
        return others.values.contains(where: predicate)
    }

    /// The keys, in key order.
    public var keys: [String] { map(\.key) }

    /// The figures, in key order.
    public var values: [Figure] { map(\.value) }

    public func mapValues<T>(_ transform: (Figure) throws -> T) rethrows -> [String: T] {
        var mapped: [String: T] = [:]
        for (key, figure) in self { mapped[key] = try transform(figure) }
        return mapped
    }
}

extension Figures: Sequence {
    /// Walks the figures in key order (code points, as `<` orders the keys).
    public struct Iterator: IteratorProtocol {
        let slots: [Slot]
        var place = 0
        /// The keys that are not canonical, sorted, still to be merged into the walk.
        var others: [(key: String, value: Figure)]
        var other = 0

        public mutating func next() -> (key: String, value: Figure)? {
            while place < slots.count, slots[place].isEmpty { place += 1 }
            let canonical = place < slots.count ? FigureKeys.sortedCanonical[place] : nil
            if other < others.count, canonical.map({ others[other].key < $0 }) ?? true {
                other += 1
                return others[other - 1]
            }
            guard let key = canonical else { return nil }
            place += 1
            return (key, slots[place - 1].figure)
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(slots: slots, others: others.isEmpty ? [] : others.map { ($0.key, $0.value) }.sorted { $0.key < $1.key })
    }

    public var underestimatedCount: Int { count }
}

extension Figures: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Figure)...) {
        for (key, figure) in elements { self[key] = figure }
    }
}

extension Figures: Hashable {
    public static func == (a: Figures, b: Figures) -> Bool {
        guard a.count == b.count, a.others == b.others else { return false }
        if a.slots.isEmpty || b.slots.isEmpty { return a.slots.allSatisfy(\.isEmpty) && b.slots.allSatisfy(\.isEmpty) }
        return a.slots == b.slots
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for place in slots.indices where !slots[place].isEmpty {
            hasher.combine(place)
            hasher.combine(slots[place].value)
            hasher.combine(slots[place].meta)
        }
        hasher.combine(others)
    }
}

/// A figure key with its place in a figure table found once (`FigureKeys.place(of:)`), for
/// code that reads the same keys from every report.
/// A figure's key as `Figures.forEachPlaced` hands it on: where the key is kept, valid during
/// the call. Most walks name a canonical key by its place and never read its text; handed on
/// as a `String`, every key of every walk was copied — a retain and a release of its storage,
/// atomic operations — some two hundred times a report in each of the checks, the exports
/// and the build cache.
public struct WalkedKey {
    @usableFromInline let pointer: UnsafePointer<String>

    @inlinable init(_ pointer: UnsafePointer<String>) { self.pointer = pointer }

    /// The key's text.
    @inlinable public var text: String { pointer.pointee }
}

public struct PlacedKey: Sendable, Hashable {
    public let key: String
    /// Nil for a key that is not canonical.
    public let place: Int?

    public init(_ key: String) {
        self.key = FigureKeys.canonicalKey(key)
        place = FigureKeys.place(of: key)
    }
}
