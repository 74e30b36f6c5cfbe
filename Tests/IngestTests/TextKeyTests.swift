import Foundation
@testable import GovReportIngest
import Testing

/// `TextKey` equals, hashes and orders as `String` does, on texts built to put the byte
/// shortcut on the spot: canonically equal texts with different bytes (compatibility
/// ideographs, precomposed and decomposed letters and Hangul, the quads that are spaces,
/// combining marks in either order), next to the plain scalars at the edges of its ranges.
@Suite struct TextKeyTests {
    static let alphabet: [String] = [
        "a", "Z", "0", " ", "\t", "~", "\u{7F}", "一", "六", "\u{F9D1}", "\u{2F800}", "丽", "\u{4DBF}", "\u{3400}", "\u{9FFF}",
        "\u{A000}", "、", "。", "\u{3029}", "\u{302A}", "\u{302F}", "\u{3030}", "\u{303F}", "（", "\u{FF60}", "\u{FF61}",
        "\u{2010}", "\u{2027}", "\u{2028}", "\u{2030}", "\u{205E}", "\u{205F}", "\u{2000}", "\u{2002}", "\u{2001}", "\u{2003}",
        "e", "é", "e\u{301}", "\u{301}", "\u{323}", "\u{301}\u{323}", "\u{323}\u{301}", "가", "\u{1100}\u{1161}", "\u{11A8}",
        "か", "\u{3099}", "が", "Å", "\u{212B}", "\u{C5}", "A\u{30A}",
    ]

    static func texts() -> [String] {
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var out: [String] = ["", "六", "\u{F9D1}", "e\u{301}", "é", "가", "\u{1100}\u{1161}"]
        for _ in 0..<900 { out.append((0..<(1 + next(5))).map { _ in alphabet[next(alphabet.count)] }.joined()) }
        return out
    }

    @Test func keysCompareAndHashAsStringsDo() {
        let texts = Self.texts()
        var equalPairs = 0, plainPairs = 0
        for a in texts {
            let ka = TextKey(a)
            for b in texts {
                let kb = TextKey(b)
                #expect((ka == kb) == (a == b), "\(a.unicodeScalars.map(\.value)) == \(b.unicodeScalars.map(\.value))")
                #expect((ka < kb) == (a < b), "\(a.unicodeScalars.map(\.value)) < \(b.unicodeScalars.map(\.value))")
                if a == b {
                    equalPairs += 1
                    #expect(ka.hashValue == kb.hashValue, "hash \(a.unicodeScalars.map(\.value)) \(b.unicodeScalars.map(\.value))")
                }
                if ka.plain && kb.plain { plainPairs += 1 }
            }
        }
        // Both sides of the shortcut were taken, and equal texts with different bytes met.
        #expect(plainPairs > 10_000)
        #expect(equalPairs > texts.count)
    }

    @Test func groupingByKeysIsGroupingByStrings() {
        let texts = Self.texts()
        var byString: [String: Int] = [:], byKey: [TextKey: Int] = [:]
        for t in texts { byString[t, default: 0] += 1; byKey[TextKey(t), default: 0] += 1 }
        #expect(byString.count == byKey.count)
        for (key, count) in byKey { #expect(byString[key.text] == count) }
        #expect(texts.map(TextKey.init).sorted().map(\.text).elementsEqual(texts.sorted(), by: ==))
    }

    /// `hasSameBytes` tells canonically equal texts with different bytes apart, and
    /// `compareBytes` orders by the bytes.
    @Test func byteComparisonsAreOnTheBytes() {
        for a in Self.texts().prefix(300) {
            for b in Self.texts().prefix(300) {
                #expect(a.hasSameBytes(as: b) == Array(a.utf8).elementsEqual(Array(b.utf8)))
                #expect((a.compareBytes(b) < 0) == Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)))
            }
        }
        #expect("六" == "\u{F9D1}" && !"六".hasSameBytes(as: "\u{F9D1}"))
    }
}
