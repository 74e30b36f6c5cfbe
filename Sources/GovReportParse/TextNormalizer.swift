import Foundation

/// Folds the typographic variety of real reports (full-width digits and punctuation, stray
/// spaces inside labels, quotes, numbering) into forms that can be compared and parsed.
public enum TextNormalizer {
    /// Full-width ASCII to half-width, ideographic space to space.
    public static func halfWidth(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value >= 0xFF01 && $0.value <= 0xFF5E || $0.value == 0x3000 }) else {
            return s
        }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u.value >= 0xFF01 && u.value <= 0xFF5E, let h = Unicode.Scalar(u.value - 0xFEE0) {
                out.append(h)
            } else if u.value == 0x3000 {
                out.append(" ")
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    static let quotes: Set<Character> = ["\"", "'", "“", "”", "‘", "’", "「", "」", "『", "』"]

    static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// The comparable core of a label: half-width, no whitespace, no quotes, without its
    /// leading numbering ("（三）", "1.", "一、").
    public static func labelKey(_ s: String) -> String {
        let t = Array(halfWidth(s).filter { !$0.isWhitespace && !quotes.contains($0) })
        var start = 0
        // Numbering: "(三)", "三、", "三.", "(3)", "3." / "3、" (not "3.5").
        while start < t.count {
            var i = start
            if t[i] == "(" {
                var j = i + 1
                let numeral = j < t.count && numerals.contains(t[j])
                while j < t.count && (numeral ? numerals.contains(t[j]) : (t[j].isASCII && t[j].isNumber)) { j += 1 }
                guard j > i + 1, j < t.count, t[j] == ")" else { break }
                start = j + 1
                continue
            }
            if numerals.contains(t[i]) {
                while i < t.count && numerals.contains(t[i]) { i += 1 }
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

    /// Parses a cell as a number: half-width digits, optional sign, decimal point and
    /// thousands separators. Returns nil for anything else.
    public static func number(_ s: String) -> Double? {
        let t = halfWidth(s).trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 20 else { return nil }
        var digits = ""
        var sawDigit = false
        for (i, c) in t.enumerated() {
            if c.isASCII && c.isNumber { digits.append(c); sawDigit = true }
            else if c == "." { digits.append(c) }
            else if c == "," && sawDigit { continue }
            else if (c == "-" || c == "+") && i == 0 { digits.append(c) }
            else { return nil }
        }
        guard sawDigit, digits.filter({ $0 == "." }).count <= 1, !digits.hasSuffix(".") else { return nil }
        return Double(digits)
    }

    /// Levenshtein distance over characters; CJK labels are short, so the quadratic cost is
    /// negligible.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
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
}
