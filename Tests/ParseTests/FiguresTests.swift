@testable import GovReportParse
import TestSupport
import Testing

/// A figure table keeps one slot per canonical key; these tests hold it to the dictionary it
/// replaced, operation for operation, including keys that are not canonical.
@Suite struct FiguresTests {
    /// A small deterministic generator (the tests must fail the same way every run).
    /// Canonical keys from every table, and keys no parser makes, some sorting before, between
    /// and after the canonical ones.
    static let keys: [String] = {
        let canonical = FigureKeys.sortedCanonical
        let picked = stride(from: 0, to: canonical.count, by: max(1, canonical.count / 40)).map { canonical[$0] }
        return picked + [canonical.first!, canonical.last!, "a.first", "applications.zz.total", "proactive.a", "zzz.last", "reviews"]
    }()

    static func figure(_ random: inout TestRandom) -> Figure {
        let value: Double? = random.next(4) == 0 ? nil : [0, 1, 7, 1e9, -3, 2.5, 99_999_999_999][random.next(7)]
        return Figure(value, line: [0, 1, 41, 1 << 40][random.next(4)], origin: random.next(3) == 0 ? .prose : .table)
    }

    @Test func everyOperationAgreesWithADictionary() {
        var random = TestRandom(state: 7)
        for _ in 0..<200 {
            var table = Figures()
            var reference: [String: Figure] = [:]
            for _ in 0..<random.next(60) {
                let key = Self.keys[random.next(Self.keys.count)]
                switch random.next(5) {
                case 0:
                    table[key] = nil
                    reference[key] = nil
                case 1:
                    if let place = FigureKeys.place(of: key) {
                        let f = Self.figure(&random)
                        table[place: place] = f
                        reference[key] = f
                    }
                default:
                    let f = Self.figure(&random)
                    table[key] = f
                    reference[key] = f
                }
            }
            #expect(table.count == reference.count)
            #expect(table.isEmpty == reference.isEmpty)
            #expect(Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0.value) }) == reference)
            // The walk is in key order, whatever the keys.
            #expect(table.keys == reference.keys.sorted())
            #expect(table.values == reference.keys.sorted().map { reference[$0]! })
            for key in Self.keys {
                #expect(table[key] == reference[key])
                #expect(table[PlacedKey(key)] == reference[key])
                if let place = FigureKeys.place(of: key) {
                    #expect(table[place: place] == reference[key])
                    #expect(table.value(place: place) == reference[key]?.value)
                }
            }
            var placed: [(Int?, String)] = []
            table.forEachPlaced { place, key, figure in
                placed.append((place, key.text))
                #expect(reference[key.text] == figure)
            }
            #expect(placed.map(\.1) == reference.keys.sorted())
            #expect(placed.allSatisfy { $0.0 == FigureKeys.place(of: $0.1) })
            // Lines mapped in place, as mapping each figure under its key.
            var mapped = table
            mapped.mapLines { $0 * 3 + 1 }
            #expect(Dictionary(uniqueKeysWithValues: mapped.map { ($0.key, $0.value) })
                    == reference.mapValues { Figure($0.value, line: $0.line * 3 + 1, origin: $0.origin) })
        }
    }

    /// Labels made once by place are the labels made on demand, for every key.
    @Test func labelsByPlaceAreTheLabelsMadeOnDemand() {
        for key in FigureKeys.sortedCanonical + Self.keys + [FigureKeys.Prose.applicationsReceived] {
            #expect(FigureKeys.label(for: key) == FigureKeys.makeLabel(for: key), "\(key)")
        }
        #expect(FigureKeys.label(for: FigureKeys.application("new", "natural_person")) == "本年新收·自然人")
    }

    /// The tables and the prose are read into one table of figures (`ReportParser.parse`),
    /// which is right only while no two of them write a key: each writes keys of its own. (The
    /// prose of a 2008-style report writes table keys, but then no table is read.)
    @Test func readersWriteKeysOfTheirOwn() {
        let readers: [(prefix: String, keys: [String])] = [
            ("proactive.", FigureKeys.proactiveKeysByRow.values.flatMap { $0.values.joined() }),
            ("applications.", Array(FigureKeys.applicationKeysByRow.values.joined())),
            ("reviews.", FigureKeys.reviewKeys),
            ("prose.", [FigureKeys.Prose.applicationsReceived, FigureKeys.Prose.itemsPublished]),
        ]
        for reader in readers {
            #expect(!reader.keys.isEmpty)
            #expect(reader.keys.allSatisfy { $0.hasPrefix(reader.prefix) }, "\(reader.keys.filter { !$0.hasPrefix(reader.prefix) })")
        }
        var seen: [String: String] = [:]
        for reader in readers {
            for key in Set(reader.keys) {
                #expect(seen[key] == nil, "\(key) written by \(seen[key] ?? "") and \(reader.prefix)")
                seen[key] = reader.prefix
            }
        }
    }

    @Test func equalTablesAreEqualAndHashAlikeHoweverTheyWereMade() {
        let key = FigureKeys.sortedCanonical[3]
        var emptied = Figures()
        emptied[key] = Figure(1, line: 2)
        emptied[key] = nil
        // One has made its slots and emptied them, the other never made them.
        #expect(emptied == Figures())
        #expect(emptied.hashValue == Figures().hashValue)
        var a = Figures(), b: Figures = [key: Figure(nil, line: 5)]
        a[key] = Figure(nil, line: 5)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        b[key] = Figure(0, line: 5)
        #expect(a != b, "a blank cell is not a zero")
        b[key] = Figure(nil, line: 5, origin: .prose)
        #expect(a != b)
        b[key] = Figure(nil, line: 6)
        #expect(a != b)
        b[key] = Figure(nil, line: 5)
        b["not.a.key"] = Figure(1, line: 1)
        #expect(a != b)
    }

    @Test func figuresSetInOnePassEqualThoseSetOneByOne() {
        var random = TestRandom(state: 7)
        let count = FigureKeys.sortedCanonical.count
        for _ in 0..<200 {
            var placed: [(place: Int, figure: Figure)] = []
            var oneByOne = Figures()
            for place in 0..<count where random.next(3) == 0 {
                let figure = Figure(random.next(4) == 0 ? nil : Double(random.next(1000)), line: 1 + random.next(500),
                                    origin: random.next(5) == 0 ? .prose : .table)
                placed.append((place, figure))
                oneByOne[place: place] = figure
            }
            placed.shuffle()
            let made = Figures(placed: placed)
            #expect(made == oneByOne)
            #expect(made?.count == placed.count)
            if let first = placed.first {
                // A place given twice, or one past the canonical keys, is refused.
                #expect(Figures(placed: placed + [first]) == nil)
                #expect(Figures(placed: placed + [(count, first.figure)]) == nil)
                #expect(Figures(placed: [(-1, first.figure)]) == nil)
            }
        }
        #expect(Figures(placed: []) == Figures())
    }

    /// A row's figures set in one pass equal those set cell by cell through the subscript: on
    /// tables already holding figures (a place set again is counted once), with number, blank
    /// and text cells, keys that are not canonical, and more keys than cells or cells than keys.
    @Test func rowSetInOnePassEqualsCellByCell() {
        var random = TestRandom(state: 11)
        let keys = Self.keys
        for _ in 0..<300 {
            var before = Figures()
            for _ in 0..<random.next(20) {
                before[keys[random.next(keys.count)]] = Figure(Double(random.next(50)), line: 1 + random.next(90))
            }
            var rowKeys: [PlacedKey] = []
            for _ in 0..<random.next(9) {
                let key = PlacedKey(keys[random.next(keys.count)])
                if !rowKeys.contains(key) { rowKeys.append(key) }
            }
            let cells: [Cell] = (0..<random.next(10)).map { _ in
                let content: Cell.Content = switch random.next(4) {
                case 0: .blank
                case 1: .text("（六）其他处理")
                default: .number(Double(random.next(1000)) / Double(1 + random.next(3)))
                }
                return Cell(content: content, line: 1 + random.next(400))
            }
            var oneByOne = before
            for (key, cell) in zip(rowKeys, cells) {
                let value: Double? = if case .number(let n) = cell.content { n } else { nil }
                oneByOne[key] = Figure(value, line: cell.line)
            }
            var inOnePass = before
            rowKeys.withUnsafeBufferPointer { placed in inOnePass.setRow(placed, count: cells.count) { cells[$0] } }
            #expect(inOnePass == oneByOne)
            #expect(inOnePass.count == oneByOne.count)
            #expect(Array(inOnePass).map(\.key) == Array(oneByOne).map(\.key))
            // A realigned row: its lost columns (nil) set nothing.
            let lost = cells.indices.map { _ in random.next(3) == 0 }
            var realignedByOne = before
            for (k, (key, cell)) in zip(rowKeys, cells).enumerated() where !lost[k] {
                let value: Double? = if case .number(let n) = cell.content { n } else { nil }
                realignedByOne[key] = Figure(value, line: cell.line)
            }
            var realigned = before
            rowKeys.withUnsafeBufferPointer { placed in realigned.setRow(placed, count: cells.count) { lost[$0] ? nil : cells[$0] } }
            #expect(realigned == realignedByOne)
            #expect(realigned.count == realignedByOne.count)
        }
    }
}
