/// A value for each of the six sections that has one, by the section's place: what a report
/// keeps of its sections (the line each starts on, the numeral it was printed with) and the
/// parser's line ranges. A dictionary hashed the section for every look-up and made its storage
/// for every report, some 1 % of reading; this is an array of six made when a first value is
/// set. Walked in section order (a dictionary walked in its hashes' order, which changes from
/// run to run).
public struct SectionTable<Value> {
    /// By `Section.rawValue - 1`; empty until a first value is set.
    private var slots: [Value?] = []
    public private(set) var count = 0

    public init() {}

    public var isEmpty: Bool { count == 0 }

    public subscript(section: Section) -> Value? {
        get { slots.isEmpty ? nil : slots[section.rawValue - 1] }
        set {
            if slots.isEmpty {
                guard newValue != nil else { return }
                slots = [Value?](repeating: nil, count: Section.allCases.count)
            }
            let had = slots[section.rawValue - 1] != nil
            slots[section.rawValue - 1] = newValue
            count += (newValue != nil ? 1 : 0) - (had ? 1 : 0)
        }
    }

    /// The values, each changed by `transform`, under the same sections.
    public func mapValues<T>(_ transform: (Value) throws -> T) rethrows -> SectionTable<T> {
        var mapped = SectionTable<T>()
        for (section, value) in self { mapped[section] = try transform(value) }
        return mapped
    }

    /// The values, in section order.
    public var values: [Value] { map { $0.value } }
}

extension SectionTable: Sequence {
    public struct Iterator: IteratorProtocol {
        let slots: [Value?]
        var place = 0

        public mutating func next() -> (key: Section, value: Value)? {
            while place < slots.count {
                defer { place += 1 }
                if let value = slots[place] { return (Section(rawValue: place + 1)!, value) }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(slots: slots) }

    public var underestimatedCount: Int { count }
}

extension SectionTable: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (Section, Value)...) {
        self.init()
        for (section, value) in elements { self[section] = value }
    }
}

extension SectionTable: Equatable where Value: Equatable {
    public static func == (a: SectionTable, b: SectionTable) -> Bool {
        Section.allCases.allSatisfy { a[$0] == b[$0] }
    }
}

extension SectionTable: Sendable where Value: Sendable {}
