/// Whether bytes are well-formed UTF-8 (the Unicode Standard's table 3-7: no overlong form,
/// no surrogate, nothing past U+10FFFF, no lone or missing continuation byte) — what
/// `String(validating:as: UTF8.self)` accepts, tested against it byte for byte.
///
/// Every report file is validated whole before it is read. The standard library's validator
/// takes each scalar through a general loop (some ten instructions a byte of Chinese text, a
/// fortieth of extraction); this one steps over ASCII eight bytes at a time and takes the
/// three-byte sequences of Chinese text with one test of their continuation bytes.
public enum UTF8Validation {
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            let word = WordBytes.load(bytes, at: i)
            // Four three-byte sequences in a row (most of a Chinese text), told at once when
            // twelve bytes are there: leads E1–EC or EE–EF (E0 and ED limit their second byte:
            // left to the steps below), every other byte a continuation. On two words, not
            // Swift's SIMD types, whose comparisons compile here to a loop over the bytes.
            if word & 0xC0F0_C0C0_F0C0_C0F0 == 0x80E0_8080_E080_80E0 && i + 12 <= n {
                let next = UnsafeRawPointer(p + i + 8).loadUnaligned(as: UInt32.self)
                if next & 0xC0C0_F0C0 == 0x8080_E080 {
                    // The leads' low four bits, every other byte all ones: none 0 (E0), none D (ED).
                    let leads = (word & 0x000F_0000_0F00_000F) | 0xFF00_FFFF_00FF_FF00
                    let last = (next >> 8) & 0x0F
                    let ed = leads ^ (WordBytes.ones &* 0x0D)
                    if (leads &- WordBytes.ones) & ~leads & WordBytes.highs == 0
                        && (ed &- WordBytes.ones) & ~ed & WordBytes.highs == 0 && last != 0 && last != 0x0D {
                        i += 12
                        continue
                    }
                }
            }
            let high = word & WordBytes.highs
            if high == 0 {
                i += 8
                continue
            }
            // ASCII before the word's first byte that is not (the spaces and digits of a
            // table line): passed at once, not a scalar at a time.
            if word & 0x80 == 0 {
                i += high.trailingZeroBitCount / 8
                continue
            }
            // A lead byte E1–EC or EE–EF and two continuation bytes: all a three-byte
            // sequence needs (E0 and ED limit their second byte, below).
            if word & 0x00C0_C0F0 == 0x0080_80E0 {
                let lead = UInt8(truncatingIfNeeded: word)
                if lead != 0xE0 && lead != 0xED {
                    i += 3
                    continue
                }
            }
            i = scalarEnd(p, n, at: i)
            if i < 0 { return false }
        }
        while i < n {
            i = scalarEnd(p, n, at: i)
            if i < 0 { return false }
        }
        return true
    }

    /// Where the scalar starting at `i` ends; -1 when it is not well formed.
    @inline(__always)
    static func scalarEnd(_ p: UnsafePointer<UInt8>, _ n: Int, at i: Int) -> Int {
        @inline(__always) func continuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
        let b = p[i]
        if b < 0x80 { return i + 1 }
        if b >= 0xC2 && b < 0xE0 {
            guard i + 1 < n, continuation(p[i + 1]) else { return -1 }
            return i + 2
        }
        if b >= 0xE0 && b < 0xF0 {
            guard i + 2 < n else { return -1 }
            let b1 = p[i + 1]
            guard continuation(p[i + 2]) else { return -1 }
            switch b {
            case 0xE0: guard b1 >= 0xA0 && b1 <= 0xBF else { return -1 }  // overlong
            case 0xED: guard b1 >= 0x80 && b1 <= 0x9F else { return -1 }  // surrogates
            default: guard continuation(b1) else { return -1 }
            }
            return i + 3
        }
        if b >= 0xF0 && b <= 0xF4 {
            guard i + 3 < n else { return -1 }
            let b1 = p[i + 1]
            guard continuation(p[i + 2]), continuation(p[i + 3]) else { return -1 }
            switch b {
            case 0xF0: guard b1 >= 0x90 && b1 <= 0xBF else { return -1 }  // overlong
            case 0xF4: guard b1 >= 0x80 && b1 <= 0x8F else { return -1 }  // past U+10FFFF
            default: guard continuation(b1) else { return -1 }
            }
            return i + 4
        }
        return -1  // a continuation byte alone, C0, C1, F5–FF
    }
}
