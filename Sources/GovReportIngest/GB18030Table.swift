import Foundation
import Synchronization

/// GB18030 text made only of ASCII and two-byte codes (nearly every GBK report), decoded
/// through a table of the two-byte codes. The table is what Foundation (ICU) decodes each
/// code to, asked once per run; the encoding has no state, so a text of such codes decodes to
/// its codes' scalars one after the other — what Foundation gives for the whole text, which
/// cost a sixth of reading such a report. A four-byte code (characters GBK lacks: •, €, rare
/// names) is decoded as Foundation decodes it alone, asked once per run and remembered (such a
/// file went to Foundation whole, some 450,000 instructions a report). Anything else (stray
/// bytes, a code Foundation does not give as one scalar) is left to Foundation, so damaged
/// files read as before.
enum GB18030Table {
    static let leads: ClosedRange<UInt8> = 0x81...0xFE
    /// Trail bytes 0x40–0x7E and 0x80–0xFE.
    static let trailCount = 0xFE - 0x40 + 1

    /// Scalar values by (lead − 0x81) × `trailCount` + (trail − 0x40); 0 where a code is not
    /// one scalar (0x7F as a trail is not a two-byte code).
    static let scalars: [UInt32] = {
        var codes: [UInt8] = []
        var places: [Int] = []
        for lead in leads {
            for trail in UInt8(0x40)...0xFE where trail != 0x7F {
                codes.append(lead)
                codes.append(trail)
                codes.append(0x0A)
                places.append(Int(lead - 0x81) * trailCount + Int(trail - 0x40))
            }
        }
        var table = [UInt32](repeating: 0, count: leads.count * trailCount)
        guard let text = String(data: Data(codes), encoding: TextEncoding.foundationGB18030) else { return table }
        // One piece per code, each ended by its line break; a piece of other than one scalar
        // leaves its code out. (Walked once, not split: this is made in every run that reads
        // a GB18030 file, a one-report rebuild included.)
        var found = [UInt32](repeating: 0, count: table.count)
        var piece = 0, scalars = 0
        var last: UInt32 = 0
        for u in text.unicodeScalars {
            if u != "\n" {
                scalars += 1
                last = u.value
                continue
            }
            guard piece < places.count else { return table }
            if scalars == 1, last != 0xFFFD, last >= 0x80 { found[places[piece]] = last }
            piece += 1
            scalars = 0
        }
        guard piece == places.count, scalars == 0 else { return table }
        table = found
        return table
    }()

    /// The table's scalars as the UTF-8 they are written as: the bytes in order from the low
    /// one, their count (2 or 3: every two-byte code is a scalar of the BMP above ASCII) in the
    /// high one; 0 where the table has 0. A code is then one load and one four-byte store
    /// (encoding each scalar again was most of decoding a GB18030 report).
    static let utf8Codes: [UInt32] = scalars.map { v in
        if v == 0 { return 0 }
        if v < 0x800 { return 2 << 24 | (0x80 | v & 0x3F) << 8 | (0xC0 | v >> 6) }
        if v < 0x10000 { return 3 << 24 | (0x80 | v & 0x3F) << 16 | (0x80 | v >> 6 & 0x3F) << 8 | (0xE0 | v >> 12) }
        return 0  // (none: a scalar past the BMP is left to the general path, as a code not in the table)
    }

    /// The scalars of the four-byte codes met so far (0 for one that is not one scalar), by the
    /// code's four bytes read as a big-endian number: at most `fourByteMemoLimit` of them
    /// (a run over many damaged files could otherwise fill it with up to 1.6 million codes).
    static let fourByteScalars = Mutex<[UInt32: UInt32]>([:])
    /// Real reports use a few dozen four-byte codes (•, €, rare names); past this many, a code
    /// not met yet is asked of Foundation each time, not remembered.
    static let fourByteMemoLimit = 4_096

    /// The scalar Foundation decodes a four-byte code to, when it gives one scalar (not
    /// U+FFFD, not ASCII); nil otherwise.
    static func fourByteScalar(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> UInt32? {
        let code = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
        let known = fourByteScalars.withLock { $0[code] } ?? {
            let value = foundationScalar(a, b, c, d)
            fourByteScalars.withLock { if $0.count < fourByteMemoLimit { $0[code] = value } }
            return value
        }()
        return known == 0 ? nil : known
    }

    /// What Foundation decodes a four-byte code to, when one scalar (not U+FFFD, not ASCII);
    /// 0 otherwise.
    static func foundationScalar(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> UInt32 {
        guard let text = String(data: Data([a, b, c, d]), encoding: TextEncoding.foundationGB18030) else { return 0 }
        var scalars = text.unicodeScalars.makeIterator()
        if let u = scalars.next(), scalars.next() == nil, u.value != 0xFFFD, u.value >= 0x80 { return u.value }
        return 0
    }

    /// The text, or nil when it holds anything but ASCII, two-byte codes in the table and
    /// four-byte codes Foundation gives one scalar for.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // A byte gives at most one byte of UTF-8, a two- or four-byte code at most four. The UTF-8 is
        // written from the table's scalars (each a scalar Foundation gave), so it is copied
        // into the string without a check (`String(unsafeUninitializedCapacity:)` validated
        // it all again, a third of decoding).
        utf8Codes.withUnsafeBufferPointer { table in
            // (Room for twice the bytes: a code's four-byte store ends at most a byte past its
            // UTF-8, which is at most half again as long as the bytes before it.)
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(16, 2 * bytes.count)) { out -> String? in
                var i = 0, o = 0
                let n = bytes.count
                let to = UnsafeMutableRawPointer(out.baseAddress!)
                while i < n {
                    let b = bytes[i]
                    if b < 0x80 {
                        // Eight ASCII bytes at a time where there are (numbers, line ends).
                        if i + 8 <= n {
                            let word = WordBytes.load(bytes, at: i)
                            if word & WordBytes.highs == 0 {
                                (to + o).storeBytes(of: word, as: UInt64.self)
                                o += 8
                                i += 8
                                continue
                            }
                        }
                        out[o] = b
                        o += 1
                        i += 1
                        continue
                    }
                    guard b >= 0x81, b != 0xFF, i + 1 < n else { return nil }
                    let trail = bytes[i + 1]
                    let v: UInt32
                    if trail >= 0x30 && trail <= 0x39 {
                        // A four-byte code: lead, digit, lead, digit.
                        guard i + 3 < n, bytes[i + 2] >= 0x81, bytes[i + 2] != 0xFF, bytes[i + 3] >= 0x30, bytes[i + 3] <= 0x39,
                              let scalar = fourByteScalar(b, trail, bytes[i + 2], bytes[i + 3]) else { return nil }
                        v = scalar
                    } else {
                        guard trail >= 0x40, trail != 0x7F, trail != 0xFF else { return nil }
                        let code = table[Int(b &- 0x81) &* trailCount &+ Int(trail &- 0x40)]
                        guard code != 0 else { return nil }
                        (to + o).storeBytes(of: code, as: UInt32.self)
                        o += Int(code >> 24)
                        i += 2
                        continue
                    }
                    if v < 0x800 {
                        out[o] = UInt8(0xC0 | v >> 6)
                        out[o + 1] = UInt8(0x80 | v & 0x3F)
                        o += 2
                    } else if v < 0x10000 {
                        out[o] = UInt8(0xE0 | v >> 12)
                        out[o + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                        out[o + 2] = UInt8(0x80 | v & 0x3F)
                        o += 3
                    } else {
                        out[o] = UInt8(0xF0 | v >> 18)
                        out[o + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                        out[o + 2] = UInt8(0x80 | v >> 6 & 0x3F)
                        out[o + 3] = UInt8(0x80 | v & 0x3F)
                        o += 4
                    }
                    i += 4
                }
                return String(validUTF8: UnsafeBufferPointer(rebasing: out[..<o]))
            }
        }
    }
}
