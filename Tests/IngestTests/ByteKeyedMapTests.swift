@testable import GovReportIngest
import Testing

/// `ByteKeyedMap` keeps and finds exactly what a dictionary keyed by the texts' bytes would,
/// through growth, texts whose words collide in the slots, canonically equal texts in other
/// bytes, the empty text, and starting again.
@Suite struct ByteKeyedMapTests {
    /// Texts from pieces that make canonically equal pairs, small and large strings, and
    /// lengths either side of a word.
    static func texts(_ n: Int, seed: UInt64) -> [String] {
        let pieces = ["", "a", "é", "e\u{301}", "一", "收到", "申请", "\u{F9D1}", "六", "12345678", "（一）", " ", "\u{0}"]
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        return (0..<n).map { _ in (0..<next(7)).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    @Test func findsWhatADictionaryOfBytesFinds() {
        var map = ByteKeyedMap<Int>(capacity: 3)
        var reference: [[UInt8]: Int] = [:]
        var order: [[UInt8]] = []
        for (i, text) in Self.texts(5_000, seed: 7).enumerated() {
            let bytes = Array(text.utf8)
            #expect(map[text] == reference[bytes], "before keeping \(text.debugDescription)")
            let place = map.set(i, for: text)
            if reference[bytes] == nil { order.append(bytes) }
            reference[bytes] = i
            #expect(place == order.firstIndex(of: bytes))
            #expect(map[text] == i)
        }
        #expect(map.count == reference.count)
        #expect(reference.count > 500)  // the texts repeat, and are many
        // Canonically equal, other bytes: two keys.
        #expect("é" == "e\u{301}")
        #expect(map["é"] != nil && map["e\u{301}"] != nil && map["é"] != map["e\u{301}"])
        for text in Self.texts(2_000, seed: 11) { #expect(map[text] == reference[Array(text.utf8)]) }
        // Texts of one byte count with equal first words (the slots' word decides little).
        var long = ByteKeyedMap<String>()
        let stem = String(repeating: "申请", count: 5)
        for k in 0..<300 { long.set("v\(k)", for: stem + String(k)) }
        for k in 0..<300 { #expect(long[stem + String(k)] == "v\(k)") }
        #expect(long[stem] == nil && long[stem + "300"] == nil)

        map.removeAll()
        #expect(map.count == 0)
        for text in Self.texts(200, seed: 7) { #expect(map[text] == nil) }
        map.set(1, for: "")
        #expect(map[""] == 1 && map["a"] == nil)
    }

    /// `insert` keeps the first value for a text and gives it back to every later insert, as a
    /// dictionary of bytes asked first and set only when empty does.
    @Test func insertKeepsTheFirstValue() {
        var map = ByteKeyedMap<Int>()
        var reference: [[UInt8]: Int] = [:]
        for (i, text) in Self.texts(3_000, seed: 5).enumerated() {
            let bytes = Array(text.utf8)
            #expect(map.insert(i, for: text) == reference[bytes], "inserting \(text.debugDescription)")
            if reference[bytes] == nil { reference[bytes] = i }
            #expect(map[text] == reference[bytes])
        }
        #expect(map.count == reference.count)
        #expect(map.insert(-1, for: "é") != map.insert(-1, for: "e\u{301}"))
    }
}
