import Foundation
import GovReportAnalyse
/// A value as a template sees it. Page views are turned into this tree once per page, so
/// that rendering is plain lookups by name rather than reflection on every tag.
public enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case text(String)
    case list([TemplateValue])
    case object(TemplateObject)
    /// A list of records of one kind (a table's cells), kept as the views themselves and
    /// read field by field: what `.list` of `.object`s says, without an object made and freed
    /// for each of the hundreds of thousands of cells a site has.
    case records(TemplateRecords)
    /// One record of such a list: what `.object` of its fields says.
    case record(TemplateRecords, Int)

    /// Mustache truthiness, as swift-mustache (the reference these templates were written
    /// against) has it: nil, false and empty lists are false; every string is true.
    var isFalsey: Bool {
        switch self {
        case .null: true
        case .bool(let b): !b
        case .list(let items): items.isEmpty
        case .records(let records): records.count == 0
        case .text, .object, .record: false
        }
    }

    /// A records list as the list of its records, a record as the object of its fields; any
    /// other value as it is. (One level: the values inside are left as they are.)
    var materialized: TemplateValue {
        switch self {
        case .records(let records): .list((0..<records.count).map { .record(records, $0) })
        case .record(let records, let row):
            .object(TemplateObject(names: records.names, values: records.names.indices.map { records.value(row, $0) }))
        default: self
        }
    }

    /// Values are equal when they say the same: a records list equals the list of its records.
    public static func == (a: TemplateValue, b: TemplateValue) -> Bool {
        switch (a.materialized, b.materialized) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.text(let x), .text(let y)): x == y
        case (.list(let x), .list(let y)): x == y
        case (.object(let x), .object(let y)): x == y
        default: false
        }
    }
}

/// A list of views of one kind as template records: the views kept as they are, a field made
/// a template value only when a template reads it. (A class, so that a list is one reference
/// whatever the view; its subclass knows the view.)
public class TemplateRecords: @unchecked Sendable {
    // (Unchecked: nothing here or in the subclass changes after it is made.)
    let names: [TemplateName]
    let count: Int

    init(names: [TemplateName], count: Int) {
        self.names = names
        self.count = count
    }

    /// Field `field` (an index into `names`) of record `row`.
    func value(_ row: Int, _ field: Int) -> TemplateValue { preconditionFailure("made only by a view's records") }

    /// Writes field `field` of record `row` as `TemplateRenderer.write` writes its value;
    /// false, nothing written, when the field is null. (A view's records write their fields
    /// from the views in place: a value made for each was a retain and a release of its text.)
    func write(_ row: Int, _ field: Int, escaped: Bool, into out: PageBytes) -> Bool {
        let value = value(row, field)
        if case .null = value { return false }
        TemplateRenderer.write(value, escaped: escaped, into: out)
        return true
    }

    /// The index of the field `name` (key `key`) in `names`.
    func index(of name: String, key: UInt64) -> Int? { TemplateName.index(of: name, key: key, in: names) }

    /// `index(of:key:)` for a name given as its bytes (a template's).
    func index(key: UInt64, name: UnsafeBufferPointer<UInt8>) -> Int? { TemplateName.index(key: key, name: name, in: names) }
}

/// The records of a list of views of one kind: the views kept, and read by the subclass of
/// each kind (concrete, so that a field is read from the view in place).
class ViewRecords<View: Sendable>: TemplateRecords, @unchecked Sendable {
    let views: [View]

    init(_ views: [View], names: [TemplateName]) {
        self.views = views
        super.init(names: names, count: views.count)
    }
}

/// A view that is one of a list of records (`TemplateValue.records`): its fields, by their
/// place in `templateNames`, read by its list's records class.
protocol TemplateRecord: TemplateRepresentable, Sendable {
    static var templateNames: [TemplateName] { get }
    /// The list's records (a class of the view's own, not a generic one: a generic subclass's
    /// fields were read through the view's witness table, slower than the objects it replaced).
    static func records(_ views: [Self]) -> TemplateRecords
}

extension TemplateRecord {
    /// The view alone, as an object (its fields as its records class reads them).
    var templateValue: TemplateValue { TemplateValue.record(Self.records([self]), 0).materialized }
}

/// Named values, looked up by linear scan: views have a handful of fields, where a scan
/// beats hashing. Each name carries a key (`TemplateName.key`) made once — for the names a
/// kind of view shares, once per program — so that the scan compares integers and compares
/// text only on a match (a name missing from a row is looked for in every frame above it).
public struct TemplateObject: Sendable, Equatable {
    var names: [TemplateName] = []
    var values: [TemplateValue] = []

    public init() {}

    public init(_ fields: KeyValuePairs<String, TemplateValue>) {
        names.reserveCapacity(fields.count)
        values.reserveCapacity(fields.count)
        for (name, value) in fields {
            names.append(TemplateName(name))
            values.append(value)
        }
    }

    /// Names made once for a kind of view (the views made by the hundred thousand share
    /// them: a names array made and freed for every cell was a visible part of a build).
    init(names: [TemplateName], values: [TemplateValue]) {
        precondition(names.count == values.count)
        self.names = names
        self.values = values
    }

    public mutating func set(_ name: String, _ value: TemplateValue) {
        let name = TemplateName(name)
        if let i = index(of: name.text, key: name.key) { values[i] = value } else { names.append(name); values.append(value) }
    }

    func index(of name: String, key: UInt64) -> Int? { TemplateName.index(of: name, key: key, in: names) }

    /// `index(of:key:)` for a name given as its bytes (a template's).
    func index(key: UInt64, name: UnsafeBufferPointer<UInt8>) -> Int? { TemplateName.index(key: key, name: name, in: names) }

    /// The value for `name`; nil when absent or null, so that lookups climb the context
    /// stack as Mustache requires.
    public subscript(name: String) -> TemplateValue? {
        self[name, TemplateName.key(name)]
    }

    /// The value for `name`, whose key is `key`.
    subscript(name: String, key: UInt64) -> TemplateValue? {
        guard let i = index(of: name, key: key) else { return nil }
        if case .null = values[i] { return nil }
        return values[i]
    }

    public static func == (a: TemplateObject, b: TemplateObject) -> Bool {
        Dictionary(uniqueKeysWithValues: zip(a.names.map(\.text), a.values)) == Dictionary(uniqueKeysWithValues: zip(b.names.map(\.text), b.values))
    }
}

/// A field's name with its lookup key.
struct TemplateName: Sendable, Equatable {
    let text: String
    let key: UInt64

    init(_ text: String) {
        self.text = text
        key = Self.key(text)
    }

    /// A name under a given key (tests give two names one key).
    init(_ text: String, key: UInt64) {
        self.text = text
        self.key = key
    }

    /// Names made once for a kind of view.
    static func list(_ names: [String]) -> [TemplateName] { names.map(TemplateName.init) }

    /// The index of the name `name` (key `key`) in `names`.
    static func index(of name: String, key: UInt64, in names: [TemplateName]) -> Int? {
        for i in names.indices where names[i].key == key && names[i].text == name { return i }
        return nil
    }

    /// `index(of:key:in:)` for a name given as its bytes (a template's): the text compared
    /// only for a long name's key, a hash (a short name's key is its bytes).
    static func index(key: UInt64, name: UnsafeBufferPointer<UInt8>, in names: [TemplateName]) -> Int? {
        for i in names.indices where names[i].key == key && (key & (1 << 63) == 0 || bytes(of: names[i].text, equal: name)) {
            return i
        }
        return nil
    }

    /// Whether a name's bytes are `bytes` (compared whole: through the views' generic
    /// `elementsEqual`, a long name's comparison cost some 600 instructions).
    static func bytes(of text: String, equal bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        text.utf8.count == bytes.count && (text.utf8.withContiguousStorageIfAvailable { own in
            bytes.isEmpty || memcmp(own.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        } ?? text.utf8.elementsEqual(bytes))
    }

    /// A name's key: its bytes when they fit in eight (every name the templates use but a
    /// few), else a hash of them. Equal names have equal keys; a shared key is told apart by
    /// the text.
    static func key(_ name: String) -> UInt64 {
        var key: UInt64 = 0xcbf2_9ce4_8422_2325
        var packed: UInt64 = 0
        var count = 0
        for byte in name.utf8 {
            key = (key ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            if count < 8 { packed |= UInt64(byte) << (8 * UInt64(count)) }
            count += 1
        }
        return count <= 8 ? packed : key | 1 << 63
    }
}

extension TemplateValue {
    /// `field(_:key:)` for a name given as its bytes (a template's).
    func field(key: UInt64, name: UnsafeBufferPointer<UInt8>) -> TemplateValue? {
        Self.field(of: self, key: key, name: name)
    }

    /// `field(key:name:)` of a value borrowed where it lies (a context's frame: the method on
    /// a copy of it retained and released the frame's object for every name looked up).
    static func field(of frame: borrowing TemplateValue, key: UInt64, name: UnsafeBufferPointer<UInt8>) -> TemplateValue? {
        let value: TemplateValue
        switch frame {
        case .object(let object):
            guard let i = object.index(key: key, name: name) else { return nil }
            value = object.values[i]
        case .record(let records, let row):
            guard let i = records.index(key: key, name: name) else { return nil }
            value = records.value(row, i)
        default: return nil
        }
        if case .null = value { return nil }
        return value
    }

    /// The field `name` (key `key`) of an object value; nil for other values, or when absent
    /// or null. (A method, so that the object is read in place rather than copied out.)
    func field(_ name: String, key: UInt64) -> TemplateValue? {
        switch self {
        case .object(let object): return object[name, key]
        case .record(let records, let row):
            guard let i = records.index(of: name, key: key) else { return nil }
            let value = records.value(row, i)
            if case .null = value { return nil }
            return value
        default: return nil
        }
    }
}

/// A view that builds its own template value (the fast path); other values are reflected.
protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

extension TemplateValue {
    /// Any view value as a template value: strings, numbers, booleans, optionals, arrays,
    /// `TemplateRepresentable` views, and other structs through their stored properties.
    init(_ any: Any) {
        switch any {
        case let v as TemplateValue: self = v
        case let v as String: self = .text(v)
        case let v as Bool: self = .bool(v)
        case let v as Int: self = .text(String(v))
        case let v as any TemplateRepresentable: self = v.templateValue
        default: self = TemplateValue(reflecting: any)
        }
    }

    /// Through `Mirror`: the slow, always-complete form. With `deep`, views that build their
    /// own value are reflected too: tests use it to check that a hand-written
    /// `templateValue` lists every stored property.
    init(reflecting any: Any, deep: Bool = false) {
        func child(_ value: Any) -> TemplateValue {
            guard deep else { return TemplateValue(value) }
            switch value {
            case let v as String: return .text(v)
            case let v as Bool: return .bool(v)
            case let v as Int: return .text(String(v))
            default: return TemplateValue(reflecting: value, deep: true)
            }
        }
        let mirror = Mirror(reflecting: any)
        switch mirror.displayStyle {
        case .optional:
            self = mirror.children.first.map { child($0.value) } ?? .null
        case .collection, .set:
            self = .list(mirror.children.map { child($0.value) })
        case .struct, .class:
            var object = TemplateObject()
            for field in mirror.children {
                if let label = field.label { object.set(label, child(field.value)) }
            }
            self = .object(object)
        default:
            self = .text(String(describing: any))
        }
    }

    /// The value as plain Swift values (dictionaries, arrays, strings, booleans), the form
    /// any Mustache engine accepts: tests render it with swift-mustache to compare.
    var plain: Any? {
        switch self {
        case .null: nil
        case .bool(let b): b
        case .text(let t): t
        case .list(let items): items.map { $0.plain as Any }
        case .object(let o):
            Dictionary(uniqueKeysWithValues: zip(o.names.map(\.text), o.values).compactMap { name, value in value.plain.map { (name, $0) } })
        case .records, .record: materialized.plain
        }
    }

    /// The value's fingerprint, the same for equal values in every run (names in their
    /// order: views list their fields in a fixed order).
    var fingerprint: UInt64 {
        var f = Fingerprint()
        add(to: &f)
        return f.value
    }

    private func add(to f: inout Fingerprint) {
        switch self {
        case .null: f.add(0)
        case .bool(let b): f.add(b ? 2 : 1)
        case .text(let t):
            f.add(3)
            f.add(t)
        case .list(let items):
            f.add(4)
            f.add(UInt64(items.count))
            for item in items { item.add(to: &f) }
        case .records(let records):
            // As the list of its records (the same fingerprint as that list's).
            f.add(4)
            f.add(UInt64(records.count))
            for row in 0..<records.count { TemplateValue.record(records, row).add(to: &f) }
        case .record(let records, let row):
            f.add(5)
            f.add(UInt64(records.names.count))
            for (i, name) in records.names.enumerated() {
                f.add(name.key)
                records.value(row, i).add(to: &f)
            }
        case .object(let object):
            f.add(5)
            f.add(UInt64(object.names.count))
            // A name by its key (its bytes when they fit in eight, else a hash of them):
            // hashing every field name's text again was 0.03 G instructions of the 5.3 G of a
            // first build of 1,000 reports.
            for (name, value) in zip(object.names, object.values) {
                f.add(name.key)
                value.add(to: &f)
            }
        }
    }

    static func from<T: TemplateRepresentable>(_ items: [T]) -> TemplateValue { .list(items.map(\.templateValue)) }
    /// Records kept as the views (none: an empty list).
    static func from<T: TemplateRecord>(_ items: [T]) -> TemplateValue { items.isEmpty ? .list([]) : .records(T.records(items)) }
    static func from(_ items: [String]) -> TemplateValue { .list(items.map { .text($0) }) }
    static func from(_ text: String?) -> TemplateValue { text.map { .text($0) } ?? .null }
    static func from<T: TemplateRepresentable>(_ item: T?) -> TemplateValue { item?.templateValue ?? .null }
}
