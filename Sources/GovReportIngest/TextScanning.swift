import Glibc

extension StringProtocol {
    /// The text without leading and trailing spaces (Unicode category Zs, which includes the
    /// ideographic space, and tabs) — what Foundation's `trimmingCharacters(in: .whitespaces)`
    /// does, without its trip through NSString, which was a fifth of the time spent reading.
    public var trimmedSpaces: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, Self.isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex, let s = self as? String { return s }
        // The bytes between two scalar boundaries, copied whole (appending the scalars one
        // by one to a scalar view cost thousands of instructions a line).
        return String(self[start..<end])
    }

    @inline(__always)
    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        u.value == 0x09 || u.isSpaceSeparator
    }
}

extension String {
    /// The text's UTF-8 bytes, read where they are. `withUTF8` mutates, so a caller holding
    /// the text as a `let` called it on a copy — a retain and a release of the text's storage
    /// each time, atomic operations that were a sixth of the cycles of reading — where
    /// native text (all the program makes) needs neither. Other text goes through a copy.
    @inlinable @inline(__always)
    public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}

extension String {
    /// `trimmedSpaces` that first looks at the end bytes: most text has no space to trim, and
    /// can say so without decoding a character.
    public var trimmedSpaces: String {
        let clean: Bool = withUTF8Bytes { b in
            guard let first = b.first, let last = b.last else { return true }
            if UTF8Scalar.maySpace(lead: first) { return false }
            // The lead byte of the last character.
            var i = b.count - 1
            if last >= 0x80 {
                while i > 0 && b[i] & 0xC0 == 0x80 { i -= 1 }
            }
            return !UTF8Scalar.maySpace(lead: b[i])
        }
        if clean { return self }
        return self[...].trimmedSpaces
    }
}

extension String {
    /// A string of bytes known to be valid UTF-8 — a part of a valid text cut at scalar
    /// boundaries, or bytes written from valid text and ASCII — copied without checking them
    /// again (`String(decoding:)` validates every byte once more: a text file's lines and a
    /// table's cells were each checked after the whole text had been). Checked in debug
    /// builds, which the tests run.
    @inlinable
    public init(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        assert(String(validating: bytes, as: UTF8.self) != nil, "not valid UTF-8")
        self.init(copying: UTF8Span(unchecked: bytes.span))
    }

    /// The valid UTF-8 `write` puts into room for `capacity` bytes (returning how many it
    /// wrote), copied into a string unchecked: `String(unsafeUninitializedCapacity:)` checks
    /// every byte again, which for a fold or a join of valid text is checked already.
    @inlinable
    public init(validUTF8Capacity capacity: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        self = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { room in
            String(validUTF8: UnsafeBufferPointer(rebasing: room[..<write(room)]))
        }
    }

    /// The order of the two texts' UTF-8 bytes (that of their scalars): negative, zero or
    /// positive. Not `String`'s order or equality, which go through the normal form: for
    /// keys told apart by their bytes (the build cache's strings, the label memo) and for
    /// texts known to be their own normal form (`TextKey`).
    public func compareBytes(_ other: String) -> Int {
        withUTF8Bytes { p in
            other.withUTF8Bytes { q in
                let n = min(p.count, q.count)
                let c = n == 0 ? 0 : memcmp(p.baseAddress!, q.baseAddress!, n)
                return c != 0 ? Int(c) : p.count - q.count
            }
        }
    }

    /// Whether the two texts are the same bytes (not merely canonically equal).
    public func hasSameBytes(as other: String) -> Bool {
        utf8.count == other.utf8.count && compareBytes(other) == 0
    }

    /// Whether the two texts are the same bytes, compared in place.
    public static func sameBytes(_ a: Substring, _ b: Substring) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return a.utf8.withContiguousStorageIfAvailable { p in
            b.utf8.withContiguousStorageIfAvailable { q in
                p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0
            }
        }.flatMap { $0 } ?? a.utf8.elementsEqual(b.utf8)
    }

    /// Feeds the text's UTF-8 bytes to `hasher` (`String`'s own hash is of its normal form).
    public func hashBytes(into hasher: inout Hasher) {
        // The bytes folded into one word a word at a time, the word hashed: the hasher's own
        // pass over every byte was most of looking a label up (tens of thousands a build).
        hasher.combine(withUTF8Bytes(Self.digest))
    }

    /// The bytes folded a word at a time into a word (equal bytes, equal words).
    @inlinable public static func digest(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(b.count)
        var i = 0
        while i + 8 <= b.count {
            h = (h ^ WordBytes.load(b, at: i)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        if i < b.count && b.count >= 8 {
            // The last word, overlapping the one before (the count is in the seed already).
            tail = WordBytes.load(b, at: b.count - 8)
        } else {
            var shift: UInt64 = 0
            while i < b.count {
                tail |= UInt64(b[i]) << shift
                shift += 8
                i += 1
            }
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }
}

/// Unicode's whitespace classes from their fixed lists: the property tables behind
/// `Unicode.Scalar.Properties` and `Character.isWhitespace` were looked up for every
/// character of every report, a visible part of reading. A test compares these with the
/// property tables over every scalar.
extension Unicode.Scalar {
    /// General category Zs (space separators), the ideographic space among them.
    @inlinable @inline(__always)
    public var isSpaceSeparator: Bool {
        let v = value
        if v < 0x80 { return v == 0x20 }
        return v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x202F || v == 0x205F || v == 0x3000
    }

    /// The White_Space property (what `Character.isWhitespace` asks of a character's first
    /// scalar): Zs, tab, line ends, NEL, and the line and paragraph separators.
    @inlinable @inline(__always)
    public var isWhiteSpace: Bool {
        let v = value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return v == 0x85 || v == 0x2028 || v == 0x2029 || isSpaceSeparator
    }
}

extension String {
    /// Whether every scalar of the text is a character of its own — no scalar joins the one
    /// before it (marks, joiners, variation selectors, CR LF, Hangul jamo) — judged by ranges
    /// that hold none of those: ASCII but CR, Latin-1 and Latin Extended, the general
    /// punctuation and spaces, CJK symbols, the unified ideographs and the full-width forms.
    /// Such text reads the same scalar by scalar as character by character, which is much
    /// cheaper; anything else is read by characters.
    ///
    /// Read on the bytes (ASCII byte by byte, other scalars decoded), not through the scalar
    /// view, whose decoding cost more than the test.
    public var scalarsAreCharacters: Bool {
        // (A lead byte E5–E9 starts a unified ideograph, U+5000–U+9FFF, most of a Chinese
        // text: stepped over without decoding it.)
        allScalars(ascii: { $0 != 0x0D }, passingLeads: 0xE5...0xE9, Self.isCharacterOfItsOwn)
    }

    /// Whether every scalar passes: ASCII bytes by `ascii`, a three-byte scalar whose lead
    /// byte is in `passingLeads` without a test (the caller knows they all pass), other
    /// scalars (decoded from the bytes in place, not through the scalar view) by `other`.
    @inline(__always)
    func allScalars(ascii: (UInt8) -> Bool, passingLeads: ClosedRange<UInt8>? = nil, _ other: (UInt32) -> Bool) -> Bool {
        let answer = utf8.withContiguousStorageIfAvailable { b -> Bool in
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    guard ascii(c) else { return false }
                    i += 1
                    continue
                }
                if let leads = passingLeads, leads.contains(c) {
                    i += 3
                    continue
                }
                let (v, length) = UTF8Scalar.decode(b, at: i)
                guard other(v) else { return false }
                i += length
            }
            return true
        }
        return answer ?? unicodeScalars.allSatisfy { $0.value < 0x80 ? ascii(UInt8($0.value)) : other($0.value) }
    }

    /// The scalars `scalarsAreCharacters` accepts.
    @inlinable @inline(__always)
    public static func isCharacterOfItsOwn(_ v: UInt32) -> Bool {
        if v < 0x300 { return v != 0x0D }
        return (v >= 0x2000 && v <= 0x200A) || (v >= 0x2010 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205E)
            || (v >= 0x3000 && v <= 0x3029) || (v >= 0x3030 && v <= 0x303F) || (v >= 0x3400 && v <= 0x4DBF)
            || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xFF01 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6)
    }

    /// The text's words: its runs of characters that are not white space (what
    /// `split(whereSeparator: \.isWhiteSpace)` gives), read scalar by scalar when every
    /// scalar is a character of its own.
    public var whiteSpaceSeparatedWords: [String] {
        guard scalarsAreCharacters else { return split(whereSeparator: { $0.isWhiteSpace }).map(String.init) }
        return scalarRuns(separatedBy: \.isWhiteSpace).map { String(self[$0]) }
    }

    /// Where the runs of scalars between separators lie (empty runs left out). The ranges are
    /// character boundaries when the separators break characters on both sides (white space
    /// in text whose scalars are characters, line ends and tabs anywhere).
    public func scalarRuns(separatedBy isSeparator: (Unicode.Scalar) -> Bool) -> [Range<String.Index>] {
        var runs: [Range<String.Index>] = []
        let scalars = unicodeScalars
        var start: String.Index?
        var i = scalars.startIndex
        while i < scalars.endIndex {
            if isSeparator(scalars[i]) {
                if let s = start { runs.append(s..<i); start = nil }
            } else if start == nil {
                start = i
            }
            i = scalars.index(after: i)
        }
        if let s = start { runs.append(s..<endIndex) }
        return runs
    }
}

extension Character {
    /// `isWhitespace` without the property lookup (same answer: the first scalar's White_Space).
    @inline(__always)
    public var isWhiteSpace: Bool { unicodeScalars.first!.isWhiteSpace }
}

/// Substring search on UTF-8 bytes: no locale, no NSString, no copy of the text.
public enum ByteSearch {
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count, let h = haystack.baseAddress, let n = needle.baseAddress else { return false }
        // The C library finds candidates (memchr is vectorised) by the needle's last byte —
        // in UTF-8 Chinese a continuation byte, rarer than the lead bytes — and compares.
        let k = needle.count - 1
        let anchor = Int32(needle[k])
        var from = h + k
        let end = h + haystack.count
        // (The byte before the anchor compared first: in Chinese text the anchor, a
        // continuation byte, is met every few characters, and a call to memcmp for each was
        // most of the search.)
        let before = k > 0 ? needle[k - 1] : 0
        while from < end {
            guard let hit = memchr(from, anchor, end - from) else { return false }
            let last = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if k == 0 || (last[-1] == before && memcmp(last - k, n, k) == 0) { return true }
            from = last + 1
        }
        return false
    }
}

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte. (Inlinable, so that the
    /// readers in other modules get it specialised for `String` and `Substring`: through the
    /// generic protocol's dispatch it was a visible part of reading metadata and prose.)
    @inlinable
    public func includes(_ needle: String) -> Bool {
        needle.withUTF8Bytes { n in
            utf8.withContiguousStorageIfAvailable { ByteSearch.contains($0, n) }
                ?? Array(utf8).withUnsafeBufferPointer { ByteSearch.contains($0, n) }
        }
    }
}

/// Eight bytes of text tested at once (in one 64-bit word): scans that look for a few byte
/// values step past the words holding none of them, which in Chinese text is most words.
/// Each test says whether any byte of the word is the one asked about; exact as a yes or no
/// (the borrow of the classic "has a zero byte" test may mark the wrong byte, never a word
/// that has none).
public enum WordBytes {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `i` (which must have eight bytes after it) as a word.
    @inlinable @inline(__always)
    public static func load(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt64 {
        UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
    }

    /// Whether any byte of `word` is `byte`.
    @inlinable @inline(__always)
    public static func has(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }

    /// Whether any byte of `word` is below `limit` (at most 0x80).
    @inlinable @inline(__always)
    public static func hasBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// The high bit of each byte of `word` below `limit` (at most 0x80), and of no other
    /// (exact, where `hasBelow` may also flag a byte above one: no carry crosses a byte).
    @inlinable @inline(__always)
    public static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        ~(((word & ~highs) &+ ones &* UInt64(0x80 - limit)) | word) & highs
    }

    /// The high bit of each byte of `word` that is `byte`, and of no other (exact, where `has`
    /// may also flag a byte above a match): masks of two bytes can then be lined up, one
    /// shifted by eight bits a byte, to find a sequence.
    @inlinable @inline(__always)
    public static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        let lows = ~highs
        return ~(((x & lows) &+ lows) | x | lows)
    }
}

/// Scalars read from valid UTF-8 (a String's own bytes), where decoding through the standard
/// library's views costs more than the reading around it.
public enum UTF8Scalar {
    /// The scalar value starting at `i` and how many bytes it takes.
    @inlinable @inline(__always)
    public static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        if c < 0xE0 { return (UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if c < 0xF0 { return (UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3) }
        return (UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F), 4)
    }

    /// Whether the scalar starting at `i` is white space (`Unicode.Scalar.isWhiteSpace`), and
    /// how many bytes it takes: ASCII and the CJK ideographs (lead bytes E4–E9, none of them
    /// white space — most of a Chinese line) told without decoding them.
    @inlinable @inline(__always)
    public static func whiteSpace(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (isWhiteSpace: Bool, length: Int) {
        let c = b[i]
        if c < 0x80 { return (c == 0x20 || (c >= 0x09 && c <= 0x0D), 1) }
        if c >= 0xE4 && c <= 0xE9 { return (false, 3) }
        let (v, length) = decode(b, at: i)
        return (Unicode.Scalar(v)?.isWhiteSpace ?? false, length)
    }

    /// Whether a scalar with this lead byte may be one `trimmedSpaces` takes off: in ASCII only
    /// the tab and the space, and every other Zs scalar (U+00A0, U+1680, U+2000–200A, U+202F,
    /// U+205F, U+3000) leads with C2, E1, E2 or E3.
    @inlinable @inline(__always)
    public static func maySpace(lead c: UInt8) -> Bool {
        c < 0x80 ? c == 0x20 || c == 0x09 : c == 0xC2 || (c >= 0xE1 && c <= 0xE3)
    }

    /// `from..<to` of `b` (valid UTF-8, both ends scalar boundaries) without the spaces
    /// `trimmedSpaces` takes off either end: tabs and category Zs, each scalar decoded and
    /// asked of the one definition the rest of the reading uses. The one trim on bytes (table
    /// fields, aligned label columns, web-page cells).
    @inlinable @inline(__always)
    public static func trimmedSpaces(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Range<Int> {
        func isSpace(_ v: UInt32) -> Bool { v == 0x09 || (Unicode.Scalar(v)?.isSpaceSeparator ?? false) }
        // Told from its lead byte where that says it (`maySpace`: most fields start and end with
        // a digit or a CJK character, asked of the Unicode tables twice a field before).
        var start = from, end = to
        while start < end {
            guard maySpace(lead: b[start]) else { break }
            let (v, length) = decode(b, at: start)
            guard isSpace(v) else { break }
            start += length
        }
        while end > start {
            var lead = end - 1
            while lead > start && b[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard maySpace(lead: b[lead]) else { break }
            let (v, length) = decode(b, at: lead)
            guard isSpace(v) else { break }
            end -= length
        }
        return start..<end
    }
}
