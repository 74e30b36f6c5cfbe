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
