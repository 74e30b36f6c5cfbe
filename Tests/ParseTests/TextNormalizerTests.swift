@testable import GovReportParse
import GovReportIngest
import Testing

@Suite struct TextNormalizerTests {
    @Test func numeralAndQuoteShortcutsAgreeWithTheSets() {
        // The scalar shortcuts must answer as the Character sets do, canonical equivalents
        // included (U+F9D1, a compatibility ideograph, is 六).
        var mismatches: [UInt32] = []
        for v in UInt32(0)...0x2FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let c = Character(u)
            if TextNormalizer.isNumeral(c) != TextNormalizer.numerals.contains(c)
                || TextNormalizer.isQuote(c) != TextNormalizer.quotes.contains(c) {
                mismatches.append(v)
            }
        }
        #expect(mismatches.isEmpty, "differ at \(mismatches.prefix(10).map { String($0, radix: 16) })")
        #expect(TextNormalizer.isNumeral("\u{F9D1}") && TextNormalizer.isNumeral("十") && !TextNormalizer.isNumeral("千"))
        #expect(TextNormalizer.labelKey("（\u{F9D1}）“其他” 处理") == "其他处理")
    }
}

@Suite struct ByteShortcutTests {
    /// Strings made of the characters the shortcuts look at, and their neighbours.
    static func samples() -> [String] {
        let alphabet: [String] = [" ", "\t", "\u{3000}", "\u{00A0}", "\u{2002}", "\u{200A}", "\u{200B}", "\u{202F}", "\u{205F}", "\u{1680}", "\r",
                                  "a", "1", "一", "、", "。", "（", "１", "Ｚ", "～", "\u{FF01}", "\u{FF3F}", "\u{FF40}", "\u{FF5E}", "\u{FF5F}", "\u{FF60}", "\u{FF00}", "\u{3001}", "\u{301}", "é", "\u{E000}", "𠀀"]
        // A fixed sequence (an LCG), so a failure repeats.
        struct LCG: RandomNumberGenerator {
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            mutating func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state }
        }
        var random = LCG()
        var out: [String] = [""]
        for _ in 0..<20_000 {
            let n = Int.random(in: 1...6, using: &random)
            out.append((0..<n).map { _ in alphabet.randomElement(using: &random)! }.joined())
        }
        return out
    }

    /// Long texts (the half-width test and rewrite go eight bytes at a time, to the first EF
    /// or E3 of a word): every lead at every place in a word, against the scalar rule.
    @Test func halfWidthOfLongTextsAsTheScalarRule() {
        let alphabet: [String] = ["a", "1", " ", "一", "、", "。", "（", "１", "Ｚ", "～", "\u{3000}", "\u{FF5F}", "\u{FF00}", "\u{E000}", "\u{EFFF}", "𠀀"]
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var differ = 0, folded = 0
        for _ in 0..<5_000 {
            let s = (0..<(8 + next(60))).map { _ in alphabet[next(alphabet.count)] }.joined()
            let reference = String(String.UnicodeScalarView(s.unicodeScalars.map { u in
                u.value >= 0xFF01 && u.value <= 0xFF5E ? Unicode.Scalar(u.value - 0xFEE0)! : u.value == 0x3000 ? " " : u
            }))
            let half = TextNormalizer.halfWidth(s)
            if Array(half.utf8) != Array(reference.utf8) { differ += 1 }
            if Array(s.utf8) != Array(half.utf8) { folded += 1 }
            let written: [UInt8] = s.withUTF8Bytes { b in
                [UInt8](unsafeUninitializedCapacity: b.count) { $1 = TextNormalizer.writeHalfWidth(b, to: $0) }
            }
            if written != Array(reference.utf8) { differ += 1 }
            // Whether a text is half-width: byte by byte, no EF BC, EF BD nor E3 80 80 (so
            // U+FF00 and U+FF5F, folded to themselves, say no).
            for text in [s, reference] {
                let b = Array(text.utf8)
                let plain = !b.indices.contains { i in
                    (b[i] == 0xEF && i + 1 < b.count && (b[i + 1] == 0xBC || b[i + 1] == 0xBD))
                        || (b[i] == 0xE3 && i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80)
                }
                if text.withUTF8Bytes(TextNormalizer.isHalfWidth) != plain { differ += 1 }
            }
        }
        #expect(differ == 0)
        #expect(folded > 4_000)
    }

    @Test func byteShortcutsAnswerAsTheCharacterCode() {
        for s in Self.samples() {
            // trimmedSpaces on String (byte shortcut) and on Substring (scalar code), byte for
            // byte against the scalars with spaces dropped from both ends.
            let space: (Unicode.Scalar) -> Bool = { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
            let kept = Array(s.unicodeScalars.drop(while: space).reversed().drop(while: space).reversed())
            let trimmed = Array(String(String.UnicodeScalarView(kept)).utf8)
            #expect(Array(s.trimmedSpaces.utf8) == trimmed, "trim \(s.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(Array(s[...].trimmedSpaces.utf8) == trimmed, "trim \(s.unicodeScalars.map { String($0.value, radix: 16) })")
            // halfWidth (a byte pre-check, then a rewrite on the bytes) against the scalar
            // rule, byte for byte (== on strings would accept a canonical equivalent).
            let reference = String(String.UnicodeScalarView(s.unicodeScalars.map { u in
                u.value >= 0xFF01 && u.value <= 0xFF5E ? Unicode.Scalar(u.value - 0xFEE0)! : u.value == 0x3000 ? " " : u
            }))
            #expect(Array(TextNormalizer.halfWidth(s).utf8) == Array(reference.utf8), "halfWidth \(s.unicodeScalars.map { String($0.value, radix: 16) })")
            // A table line's cells: split at tabs, half-width, trimmed — on the bytes, as the
            // three steps on scalars give them.
            let cells = s.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false)
                .map { Array(TextNormalizer.halfWidth(String(String.UnicodeScalarView($0)))[...].trimmedSpaces.utf8) }
            #expect(CellStream.cellTexts(s).map { Array($0.utf8) } == cells, "cells \(s.unicodeScalars.map { String($0.value, radix: 16) })")
            // An empty table line: spaces of three kinds and carriage returns only.
            let empty = s.allSatisfy { $0 == " " || $0 == "\u{3000}" || $0 == "\u{00A0}" || $0 == "\r" }
            #expect(CellStream.isEmpty(s) == empty, "isEmpty \(s.unicodeScalars.map { String($0.value, radix: 16) })")
            // The section's lines are tested for emptiness half-width, written into one buffer.
            var source = s
            let written: [UInt8] = source.withUTF8 { b in
                [UInt8](unsafeUninitializedCapacity: b.count) { $1 = TextNormalizer.writeHalfWidth(b, to: $0) }
            }
            #expect(written == Array(reference.utf8), "writeHalfWidth \(s.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(written.withUnsafeBufferPointer { CellStream.isEmpty($0) } == empty, "isEmpty half-width \(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

/// A number is read on its bytes (`number(bytes:)`) as `number` reads its text: full-width
/// digits and signs, points and commas, spaces of every kind around it, and near misses.
@Suite struct NumberOnBytesTests {
    /// `TextNormalizer.number` as it was written on the text (half-width and trimmed as
    /// strings, the digits collected in an array): the reference.
    static func numberByText(_ s: String) -> Double? {
        // The usual number, a few ASCII digits and nothing else, read straight from the bytes
        // (what the general path below gives it, without its copies).
        if let plain = s.withUTF8Bytes(TextNormalizer.plainNumber) { return plain }
        // Quick reject: a number starts (after spaces) with a digit, sign, point or a
        // full-width one; labels, the usual input, start with a CJK character.
        guard let first = s.unicodeScalars.first(where: { !($0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{A0}") }),
              first.value < 0x80 ? (first.value >= 0x30 && first.value <= 0x39 || first == "-" || first == "+" || first == "." || first == ",")
                                 : (first.value >= 0xFF01 && first.value <= 0xFF5E) || first.isSpaceSeparator
        else { return nil }
        let t = TextNormalizer.halfWidth(s).trimmedSpaces
        guard !t.isEmpty else { return nil }
        var digits: [UInt8] = []
        digits.reserveCapacity(t.utf8.count)
        var sawDigit = false
        var points = 0
        var count = 0
        for b in t.utf8 {
            // Every accepted character is ASCII, so bytes are characters here.
            count += 1
            if count > 20 { return nil }
            switch b {
            case 0x30...0x39: digits.append(b); sawDigit = true
            case 0x2E: digits.append(b); points += 1
            case 0x2C where sawDigit: continue
            case 0x2D where count == 1, 0x2B where count == 1: digits.append(b)
            default: return nil
            }
        }
        guard sawDigit, points <= 1, digits.last != 0x2E else { return nil }
        return Double(String(decoding: digits, as: UTF8.self))
    }

    @Test func bytesReadAsTheText() {
        let pieces = ["0", "1", "7", "９", "０", "３", ".", "．", ",", "，", "-", "－", "+", "＋", " ", "\u{3000}", "\u{A0}",
                      "\u{2003}", "\t", "\r", "e", "一", "、", "%", "％", "\u{FF5F}", "12", "1,200", "３９２７"]
        var state: UInt64 = 29
        func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) % n }
        var differences: [String] = [], numbers = 0, notPlain = 0
        for _ in 0..<60_000 {
            let text = (0..<(1 + next(8))).map { _ in pieces[next(pieces.count)] }.joined()
            let expected = Self.numberByText(text)
            let got = text.withUTF8Bytes { TextNormalizer.number(bytes: $0) }
            if got != expected || TextNormalizer.number(text) != expected { differences.append(text) }
            if expected != nil {
                numbers += 1
                if text.withUTF8Bytes(TextNormalizer.plainNumber) == nil { notPlain += 1 }
            }
        }
        // A long text (past a buffer on the stack).
        let long = String(repeating: "\u{3000}", count: 40) + "１２"
        #expect(long.withUTF8Bytes { TextNormalizer.number(bytes: $0) } == 12)
        #expect(differences.isEmpty, "\(differences.prefix(5).map(\.debugDescription))")
        #expect(notPlain > 5_000, "\(notPlain) of \(numbers)")
    }
}

@Suite struct BoundedEditDistanceTests {
    /// The banded distance with a limit is the full distance capped at one past the limit, on
    /// random sequences of a small alphabet (so that near matches are common), every length
    /// from empty to 14 and limits from below zero to past the lengths.
    @Test func boundedDistanceIsTheFullDistanceCapped() {
        struct LCG: RandomNumberGenerator {
            var state: UInt64 = 0x2545_F491_4F6C_DD1D
            mutating func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state }
        }
        var random = LCG()
        var checked = 0, within = 0
        for _ in 0..<6_000 {
            let alphabet = UInt32.random(in: 2...5, using: &random)
            let a = (0..<Int.random(in: 0...14, using: &random)).map { _ in UInt32.random(in: 0..<alphabet, using: &random) }
            // Often an edit or two away from `a`, sometimes unrelated.
            var b = a
            if Bool.random(using: &random) {
                b = (0..<Int.random(in: 0...14, using: &random)).map { _ in UInt32.random(in: 0..<alphabet, using: &random) }
            } else {
                for _ in 0..<Int.random(in: 0...3, using: &random) {
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: b.insert(UInt32.random(in: 0..<alphabet, using: &random), at: Int.random(in: 0...b.count, using: &random))
                    case 1 where !b.isEmpty: b.remove(at: Int.random(in: 0..<b.count, using: &random))
                    default: if !b.isEmpty { b[Int.random(in: 0..<b.count, using: &random)] = UInt32.random(in: 0..<alphabet, using: &random) }
                    }
                }
            }
            let full = TextNormalizer.editDistance(a, b)
            for limit in -1...16 {
                let bounded = TextNormalizer.editDistance(a, b, limit: limit)
                #expect(bounded == min(full, max(limit, 0) + 1), "\(a) \(b) limit \(limit): \(bounded), full \(full)")
                checked += 1
                if full <= limit { within += 1 }
            }
        }
        // The cases where the limit is not reached, where the exact distance must come back,
        // are a good share of those checked.
        #expect(within > checked / 4)
    }
}
