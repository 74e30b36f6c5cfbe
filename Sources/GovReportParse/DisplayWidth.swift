import GovReportIngest

/// Column positions in fixed-width text (text copied from PDFs with columns aligned by
/// spaces): CJK characters take two columns, like in the terminal or the PDF layout.
enum DisplayWidth {
    static func of(_ c: Character) -> Int {
        guard let u = c.unicodeScalars.first else { return 1 }
        return of(u)
    }

    /// The width of a character that starts with this scalar.
    @inline(__always)
    static func of(_ u: Unicode.Scalar) -> Int {
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The column after a character at `column`: a tab goes to the next multiple of eight.
    @inline(__always)
    static func advance(_ column: Int, _ u: Unicode.Scalar) -> Int {
        u == "\t" ? column + 8 - column % 8 : column + of(u)
    }

    static func advance(_ column: Int, _ c: Character) -> Int {
        c == "\t" ? column + 8 - column % 8 : column + of(c)
    }

    /// The words of a line separated by whitespace, each with the display column where it ends.
    static func words(_ line: String) -> [(word: String, end: Int)] {
        guard line.scalarsAreCharacters else { return wordsByCharacter(line) }
        // Scalar by scalar (each is a character here): the same words and columns.
        var result: [(word: String, end: Int)] = []
        var column = 0
        let scalars = line.unicodeScalars
        var start: String.Index?
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let u = scalars[i]
            if u.isWhiteSpace {
                if let s = start { result.append((String(line[s..<i]), column)); start = nil }
            } else if start == nil {
                start = i
            }
            column = advance(column, u)
            i = scalars.index(after: i)
        }
        if let s = start { result.append((String(line[s...]), column)) }
        return result
    }

    static func wordsByCharacter(_ line: String) -> [(word: String, end: Int)] {
        var result: [(word: String, end: Int)] = []
        var column = 0
        var current = ""
        for c in line {
            if c.isWhiteSpace {
                if !current.isEmpty { result.append((current, column)); current = "" }
            } else {
                current.append(c)
            }
            column = advance(column, c)
        }
        if !current.isEmpty { result.append((current, column)) }
        return result
    }

    /// An aligned table line as `CellStream` reads it: the numbers that end it, each with the
    /// display column where it ends, and the label before them (the text up to the end of its
    /// last word that is not a number, with its own spacing). On the bytes when every scalar
    /// is a character of its own: the label words are not made into strings, and a number of
    /// plain digits is read in place. Otherwise, and as the reference, through `words`.
    static func labelAndNumbers(_ text: String) -> (label: String, numbers: [(value: Double, end: Int)]) {
        let fast = text.withUTF8Bytes { labelEndAndNumbers($0) }
        guard let fast else { return labelAndNumbersByWords(text) }
        let labelEnd = text.utf8.index(text.utf8.startIndex, offsetBy: fast.labelEnd)
        return (String(text[..<labelEnd]), fast.numbers)
    }

    /// `labelAndNumbers` on a line's bytes: where the label ends and the numbers; nil when
    /// a scalar is not a character of its own.
    static func labelEndAndNumbers(_ b: UnsafeBufferPointer<UInt8>) -> (labelEnd: Int, numbers: [(value: Double, end: Int)])? {
        guard let words = wordsOnBytes(b) else { return nil }
        let (cut, numbers) = trailingNumbers(b, words)
        return (cut == 0 ? 0 : words[cut - 1].end, numbers)
    }

    /// `labelEndAndNumbers` into arrays the caller keeps from line to line: the words into
    /// `words` (emptied first), the numbers appended to `numbers`; nil, nothing appended, when
    /// a scalar is not a character of its own. (Two arrays made and freed for every line of an
    /// aligned table were a visible part of reading them.)
    static func labelEnd(_ b: UnsafeBufferPointer<UInt8>, words: inout [(start: Int, end: Int, column: Int)],
                         numbers: inout [(value: Double, end: Int)]) -> Int? {
        guard wordsOnBytes(b, into: &words) else { return nil }
        let first = numbers.count
        var cut = words.count
        while cut > 0, let value = number(UnsafeBufferPointer(rebasing: b[words[cut - 1].start..<words[cut - 1].end])) {
            numbers.append((value, words[cut - 1].column))
            cut -= 1
        }
        numbers[first...].reverse()
        return cut == 0 ? 0 : words[cut - 1].end
    }

    /// The words of valid UTF-8 text separated by white space — each word's first and
    /// past-the-end byte and the display column where it ends — when every scalar is a
    /// character of its own (nil otherwise: such text is read by characters).
    static func wordsOnBytes(_ b: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int, column: Int)]? {
        var words: [(start: Int, end: Int, column: Int)] = []
        // Room for a table line's words (grown from empty, the array was made again four or
        // five times a line).
        words.reserveCapacity(16)
        return wordsOnBytes(b, into: &words) ? words : nil
    }

    /// `wordsOnBytes` into `words`, emptied first (its room kept); false when a scalar is not
    /// a character of its own.
    static func wordsOnBytes(_ b: UnsafeBufferPointer<UInt8>, into words: inout [(start: Int, end: Int, column: Int)]) -> Bool {
        words.removeAll(keepingCapacity: true)
        var column = 0
        var start = -1
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            // ASCII but CR, and the unified ideographs (E4 B8 80 to E9 BF BF), the most of a
            // table line, without decoding them or asking the general tests: each is a
            // character of its own; the former white space as ASCII has it, the latter never,
            // two columns wide.
            if c < 0x80 && c != 0x0D {
                if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                    if start >= 0 { words.append((start, i, column)); start = -1 }
                    // (The rest of a run of spaces passed at once: aligned columns are padded
                    // with dozens.)
                    if c == 0x20 {
                        var j = i + 1
                        while j < n && b[j] == 0x20 { j += 1 }
                        column += j - i
                        i = j
                        continue
                    }
                } else if start < 0 {
                    start = i
                }
                column = c == 0x09 ? column + 8 - column % 8 : column + 1
                i += 1
                continue
            }
            if (c == 0xE4 && b[i + 1] >= 0xB8) || (c >= 0xE5 && c <= 0xE9) {
                if start < 0 { start = i }
                column += 2
                i += 3
                continue
            }
            let (v, length) = UTF8Scalar.decode(b, at: i)
            guard String.isCharacterOfItsOwn(v) else { return false }
            let u = Unicode.Scalar(v)!
            if u.isWhiteSpace {
                if start >= 0 { words.append((start, i, column)); start = -1 }
            } else if start < 0 {
                start = i
            }
            column = advance(column, u)
            i += length
        }
        if start >= 0 { words.append((start, n, column)) }
        return true
    }

    /// The numbers that end a list of words, in order, each with its word's end column, and
    /// how many words come before them.
    static func trailingNumbers(_ b: UnsafeBufferPointer<UInt8>, _ words: [(start: Int, end: Int, column: Int)])
        -> (cut: Int, numbers: [(value: Double, end: Int)]) {
        var numbers: [(value: Double, end: Int)] = []
        numbers.reserveCapacity(words.count)
        var cut = words.count
        while cut > 0, let value = number(UnsafeBufferPointer(rebasing: b[words[cut - 1].start..<words[cut - 1].end])) {
            numbers.append((value, words[cut - 1].column))
            cut -= 1
        }
        numbers.reverse()
        return (cut, numbers)
    }

    /// A word's number, as `TextNormalizer.number` reads it: plain digits in place (most
    /// words that are numbers, told before the call), anything else that may start a number
    /// on its bytes (`number(bytes:)`).
    static func number(_ word: UnsafeBufferPointer<UInt8>) -> Double? {
        if let plain = TextNormalizer.plainNumber(word) { return plain }
        guard let first = word.first, TextNormalizer.mayStartNumber(lead: first) else { return nil }
        return TextNormalizer.number(bytes: word)
    }

    /// `labelAndNumbers` through the word strings and `prefix`: the reference, and the path
    /// of lines whose scalars are not all characters of their own.
    static func labelAndNumbersByWords(_ text: String) -> (label: String, numbers: [(value: Double, end: Int)]) {
        let words = words(text)
        var cut = words.count
        var numbers: [(value: Double, end: Int)] = []
        while cut > 0, let n = TextNormalizer.number(words[cut - 1].word) {
            numbers.append((n, words[cut - 1].end))
            cut -= 1
        }
        numbers.reverse()
        // Keep the label's own spacing (runs of spaces separate label columns).
        let labelEnd = cut == 0 ? 0 : words[cut - 1].end
        return (prefix(text, width: labelEnd), numbers)
    }

    /// The start of `text` up to display column `width`.
    static func prefix(_ text: String, width: Int) -> String {
        guard text.scalarsAreCharacters else { return prefixByCharacter(text, width: width) }
        var column = 0
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex && column < width {
            let u = scalars[i]
            column = advance(column, u)
            i = scalars.index(after: i)
        }
        return String(text[..<i])
    }

    static func prefixByCharacter(_ text: String, width: Int) -> String {
        var column = 0
        var out = ""
        for c in text {
            if column >= width { break }
            column = advance(column, c)
            out.append(c)
        }
        return out
    }
}
