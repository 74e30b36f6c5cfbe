import Foundation
import GovReportIngest

/// Folds the typographic variety of real reports (full-width digits and punctuation, stray
/// spaces inside labels, quotes, numbering) into forms that can be compared and parsed.
public enum TextNormalizer {
    /// Full-width ASCII to half-width, ideographic space to space.
    public static func halfWidth(_ s: String) -> String {
        // Text with neither form is returned as it is without decoding a character.
        guard let count = s.withUTF8Bytes({ isHalfWidth($0) ? nil : $0.count }) else { return s }
        // (Folded into room of its own and copied unchecked: the folds of valid text are valid.
        // Through an array, the bytes were appended one by one with a capacity check each.)
        return s.withUTF8Bytes { b in String(validUTF8Capacity: count) { fold(b, into: $0) } }
    }

    /// `halfWidth`'s bytes written to `out` (room for at least `b.count`); returns how many.
    static func writeHalfWidth(_ b: UnsafeBufferPointer<UInt8>, to out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        if isHalfWidth(b) {
            if let from = b.baseAddress, let to = out.baseAddress { to.initialize(from: from, count: b.count) }
            return b.count
        }
        return fold(b, into: out)
    }

    /// Whether UTF-8 text has no full-width form nor ideographic space: on the bytes, as
    /// FF01–FF5E are EF BC xx or EF BD xx and U+3000 is E3 80 80. (A text that only looks
    /// like it, FF00 or FF5F–FF7F, is then folded to itself.)
    static func isHalfWidth(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            // Eight bytes at a time past those holding neither an EF nor an E3 byte, and
            // straight to the first of them in a word that holds one (byte by byte, a word
            // was tested again at each byte: every CJK punctuation mark leads with E3 or EF).
            if i + 8 <= n {
                let word = WordBytes.load(b, at: i)
                let leads = WordBytes.matches(word, 0xEF) | WordBytes.matches(word, 0xE3)
                if leads == 0 { i += 8; continue }
                i += leads.trailingZeroBitCount / 8
            }
            let c = b[i]
            if c == 0xEF, i + 1 < n, b[i + 1] == 0xBC || b[i + 1] == 0xBD { return false }
            if c == 0xE3, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { return false }
            i += 1
        }
        return true
    }

    /// Writes `b` half-width into `out` (at least as long) and returns the count written.
    /// On the bytes (appending scalar by scalar to a String was a visible cost): U+FF01–FF3F
    /// are EF BC 81–BF, U+FF40–FF5E are EF BD 80–9E, and their half-width forms are those
    /// last bytes less 0x60 and 0x20; U+3000 is E3 80 80. In valid UTF-8 EF and E3 only lead
    /// three-byte sequences, so nothing else is touched.
    static func fold(_ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var i = 0, o = 0
        let n = b.count
        while i < n {
            // The bytes before a word's first EF or E3 copied with the word (its bytes past
            // that one are written over).
            if i + 8 <= n {
                let word = WordBytes.load(b, at: i)
                let leads = WordBytes.matches(word, 0xEF) | WordBytes.matches(word, 0xE3)
                UnsafeMutableRawPointer(out.baseAddress! + o).storeBytes(of: word, as: UInt64.self)
                if leads == 0 { o += 8; i += 8; continue }
                let k = leads.trailingZeroBitCount / 8
                o += k
                i += k
            }
            let c = b[i]
            if c == 0xEF, i + 2 < n {
                let m = b[i + 1], l = b[i + 2]
                if m == 0xBC && l >= 0x81 { out[o] = l - 0x60; o += 1; i += 3; continue }
                if m == 0xBD && l <= 0x9E { out[o] = l - 0x20; o += 1; i += 3; continue }
            } else if c == 0xE3, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 {
                out[o] = 0x20; o += 1; i += 3; continue
            }
            out[o] = c
            o += 1
            i += 1
        }
        return o
    }

    static let quotes: Set<Character> = ["\"", "'", "“", "”", "‘", "’", "「", "」", "『", "』"]

    static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// Whether a character is a plain unified ideograph (U+4E00–U+9FFF alone): such a
    /// character equals only itself, so set lookups (which hash a normalised form) can be
    /// answered from the scalar.
    @inline(__always)
    static func plainIdeograph(_ c: Character) -> UInt32? {
        let scalars = c.unicodeScalars
        let v = scalars.first!.value
        guard v >= 0x4E00 && v <= 0x9FFF, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return nil }
        return v
    }

    /// Whether a scalar is one of the ten numerals 一 to 十 (the plain ideographs; a
    /// compatibility ideograph equal to one is a character test's business).
    @inline(__always)
    static func isNumeralScalar(_ v: UInt32) -> Bool {
        v == 0x4E00 || v == 0x4E8C || v == 0x4E09 || v == 0x56DB || v == 0x4E94
            || v == 0x516D || v == 0x4E03 || v == 0x516B || v == 0x4E5D || v == 0x5341
    }

    /// `numerals.contains(c)`, answered from the scalar for plain ideographs and ASCII.
    static func isNumeral(_ c: Character) -> Bool {
        if let v = plainIdeograph(c) { return isNumeralScalar(v) }
        if c.isASCII { return false }
        return numerals.contains(c)
    }

    /// `quotes.contains(c)`, answered from the scalar for plain ideographs.
    static func isQuote(_ c: Character) -> Bool {
        if plainIdeograph(c) != nil { return false }
        return quotes.contains(c)
    }

    /// The comparable core of a label: half-width, no whitespace, no quotes, without its
    /// leading numbering ("（三）", "1.", "一、").
    public static func labelKey(_ s: String) -> String {
        let half = halfWidth(s)
        return half.scalarsAreCharacters ? labelKeyByScalar(half) : labelKeyByCharacter(half)
    }

    /// `labelKeyByCharacter` for half-width text whose every scalar is a character of its
    /// own, scalar by scalar, the key made as bytes (a String made from an array of
    /// Characters cost thousands of instructions). In such text the only numerals are the ten
    /// plain ideographs and the only quotes the ten quote scalars.
    static func labelKeyByScalar(_ half: String) -> String {
        var t: [UInt32] = []
        t.reserveCapacity(half.utf8.count)
        for u in half.unicodeScalars where !u.isWhiteSpace && !quoteScalars.contains(u.value) { t.append(u.value) }
        let numeral = isNumeralScalar
        func digit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
        let open: UInt32 = 0x28, close: UInt32 = 0x29, comma: UInt32 = 0x3001, point: UInt32 = 0x2E
        var start = 0
        while start < t.count {
            var i = start
            if t[i] == open {
                var j = i + 1
                let isNumeral = j < t.count && numeral(t[j])
                while j < t.count && (isNumeral ? numeral(t[j]) : digit(t[j])) { j += 1 }
                guard j > i + 1, j < t.count, t[j] == close else { break }
                start = j + 1
                continue
            }
            if numeral(t[i]) {
                while i < t.count && numeral(t[i]) { i += 1 }
                guard i < t.count, t[i] == comma || t[i] == point else { break }
                start = i + 1
                continue
            }
            if digit(t[i]) {
                while i < t.count && digit(t[i]) { i += 1 }
                guard i < t.count, t[i] == point || t[i] == comma, !(i + 1 < t.count && digit(t[i + 1])) else { break }
                start = i + 1
                continue
            }
            break
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((t.count - start) * 3)
        for v in t[start...] { UTF8.encode(Unicode.Scalar(v)!) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The quotes `labelKey` drops, as scalars.
    static let quoteScalars: Set<UInt32> = Set(quotes.map { $0.unicodeScalars.first!.value })

    /// `labelKey` character by character, on half-width text (any text).
    static func labelKeyByCharacter(_ half: String) -> String {
        let t = Array(half.filter { !$0.isWhiteSpace && !isQuote($0) })
        var start = 0
        // Numbering: "(三)", "三、", "三.", "(3)", "3." / "3、" (not "3.5").
        while start < t.count {
            var i = start
            if t[i] == "(" {
                var j = i + 1
                let numeral = j < t.count && isNumeral(t[j])
                while j < t.count && (numeral ? isNumeral(t[j]) : (t[j].isASCII && t[j].isNumber)) { j += 1 }
                guard j > i + 1, j < t.count, t[j] == ")" else { break }
                start = j + 1
                continue
            }
            if isNumeral(t[i]) {
                while i < t.count && isNumeral(t[i]) { i += 1 }
                guard i < t.count, t[i] == "、" || t[i] == "." else { break }
                start = i + 1
                continue
            }
            if t[i].isASCII && t[i].isNumber {
                while i < t.count && t[i].isASCII && t[i].isNumber { i += 1 }
                guard i < t.count, t[i] == "." || t[i] == "、",
                      !(i + 1 < t.count && t[i + 1].isASCII && t[i + 1].isNumber) else { break }
                start = i + 1
                continue
            }
            break
        }
        return String(t[start...])
    }

    /// A number of one to fifteen ASCII digits and nothing else, read from its bytes: what
    /// `number` gives such text (and nil for anything else), without a String.
    @inline(__always)
    static func plainNumber(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard b.count >= 1 && b.count <= 15 else { return nil }
        var value: Int64 = 0
        for byte in b {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        return Double(value)
    }

    /// Whether text without white space whose first byte is `lead` may be a number: a digit,
    /// sign, point or comma, or a full-width form (UTF-8 EF ..). False means `number` gives
    /// nil — its own first test, on a byte.
    @inline(__always)
    static func mayStartNumber(lead: UInt8) -> Bool {
        lead < 0x80 ? (lead >= 0x30 && lead <= 0x39) || lead == 0x2D || lead == 0x2B || lead == 0x2E || lead == 0x2C : lead == 0xEF
    }

    /// Parses a cell as a number: half-width digits, optional sign, decimal point and
    /// thousands separators. Returns nil for anything else. (Read on the text's bytes,
    /// `number(bytes:)`.)
    public static func number(_ s: String) -> Double? {
        s.withUTF8Bytes(number(bytes:))
    }

    /// `number` of a text's bytes (valid UTF-8), read in place: half-width into a buffer on
    /// the stack, trimmed, the digits, signs and point read and given to `Double`'s parser.
    /// (Through a string made half-width and trimmed, every number of full-width digits,
    /// "３９２７", cost some 1,500 instructions.)
    static func number(bytes b: UnsafeBufferPointer<UInt8>) -> Double? {
        // The usual number, a few ASCII digits and nothing else.
        if let plain = plainNumber(b) { return plain }
        // Quick reject: after ASCII spaces and tabs, an ASCII byte that is not a digit, sign,
        // point or comma, or the lead of a CJK ideograph (E4–E9), is never part of a number
        // (half-width maps nothing to one from there): labels, the usual input.
        var first = 0
        while first < b.count && (b[first] == 0x20 || b[first] == 0x09) { first += 1 }
        guard first < b.count else { return nil }
        let lead = b[first]
        if lead < 0x80 ? !((lead >= 0x30 && lead <= 0x39) || lead == 0x2D || lead == 0x2B || lead == 0x2E || lead == 0x2C)
                       : (lead >= 0xE4 && lead <= 0xE9) { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: b.count + 1) { half -> Double? in
            let n = writeHalfWidth(b, to: half)
            let t = UTF8Scalar.trimmedSpaces(UnsafeBufferPointer(half), 0, n)
            guard !t.isEmpty, t.count <= 20 else { return nil }
            // The digits, signs and point kept in place at the buffer's start (never past
            // where they are read from).
            var kept = 0
            var sawDigit = false
            var points = 0
            var count = 0
            for i in t {
                let byte = half[i]
                count += 1
                switch byte {
                case 0x30...0x39: half[kept] = byte; kept += 1; sawDigit = true
                case 0x2E: half[kept] = byte; kept += 1; points += 1
                case 0x2C where sawDigit: continue
                case 0x2D where count == 1, 0x2B where count == 1: half[kept] = byte; kept += 1
                default: return nil
                }
            }
            guard sawDigit, points <= 1, half[kept - 1] != 0x2E else { return nil }
            return Double(String(decoding: UnsafeBufferPointer(rebasing: half[..<kept]), as: UTF8.self))
        }
    }

    /// Levenshtein distance over characters (or their `characterCodes`); CJK labels are
    /// short, so the quadratic cost is small.
    public static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `min(editDistance(a, b), limit + 1)`: the distance when it is at most `limit`, else
    /// `limit + 1`, computed only in the band of cells within `limit` of the diagonal and
    /// stopped once a whole row is past it (labels are matched within one edit per four
    /// characters, and the full table for every phrase of the dictionary was a fiftieth of
    /// extraction).
    public static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int) -> Int {
        let n = a.count, m = b.count
        let far = max(limit, 0) + 1
        guard abs(n - m) < far else { return far }
        if n == 0 || m == 0 { return min(max(n, m), far) }
        let k = far - 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (m + 1)) { rows in
            var previous = UnsafeMutableBufferPointer(rebasing: rows[0...m])
            var current = UnsafeMutableBufferPointer(rebasing: rows[(m + 1)...])
            for j in 0...m { previous[j] = min(j, far) }
            for i in 1...n {
                let lo = max(1, i - k), hi = min(m, i + k)
                // Cells outside the band are at least `far` away; so are those read from it.
                current[lo - 1] = lo == 1 ? min(i, far) : far
                if hi < m { current[hi + 1] = far }
                var best = current[lo - 1]
                let x = a[i - 1]
                for j in lo...hi {
                    let v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x == b[j - 1] ? 0 : 1), far)
                    current[j] = v
                    if v < best { best = v }
                }
                if best >= far { return far }
                swap(&previous, &current)
            }
            return previous[m]
        }
    }

    /// A text's characters as numbers, equal exactly when the characters are equal (Swift
    /// compares characters by canonical equivalence, which made comparing labels character by
    /// character a visible cost). A character that is one scalar from a range with no
    /// canonical equivalents (ASCII and Latin-1, CJK symbols, the unified ideographs, the
    /// full-width forms) is that scalar; any other is its canonical composition's scalar, or
    /// a number given to that composition.
    public static func characterCodes(_ s: String) -> [UInt32] {
        var codes: [UInt32] = []
        codes.reserveCapacity(s.utf8.count / 2)
        if s.scalarsAreCharacters {
            for u in s.unicodeScalars { codes.append(plainCode(u.value) ?? CharacterCodes.code(Character(u))) }
        } else {
            for c in s {
                let scalars = c.unicodeScalars
                if scalars.index(after: scalars.startIndex) == scalars.endIndex, let code = plainCode(scalars.first!.value) {
                    codes.append(code)
                } else {
                    codes.append(CharacterCodes.code(c))
                }
            }
        }
        return codes
    }

    @inline(__always)
    static func plainCode(_ v: UInt32) -> UInt32? {
        v < 0x300 || (v >= 0x3000 && v <= 0x303F) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF)
            || (v >= 0xFF01 && v <= 0xFF60) ? v : nil
    }
}

import Synchronization

/// The numbers given to characters outside the plain ranges: the scalar of their canonical
/// composition when it is one scalar, else a number above every scalar given to each
/// composition in the order met (shared by all threads; such characters are rare).
enum CharacterCodes {
    static let assigned = Mutex<[String: UInt32]>([:])

    static func code(_ c: Character) -> UInt32 {
        let composed = String(c).precomposedStringWithCanonicalMapping
        let scalars = composed.unicodeScalars
        if scalars.count == 1 { return scalars.first!.value }
        return assigned.withLock { table in
            if let code = table[composed] { return code }
            let code = 0x8000_0000 + UInt32(table.count)
            table[composed] = code
            return code
        }
    }
}
