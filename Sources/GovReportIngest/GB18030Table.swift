import Foundation

/// GB18030 text made only of ASCII and two-byte codes (nearly every GBK report), decoded
/// through a table of the two-byte codes. The table is what Foundation (ICU) decodes each
/// code to, asked once per run; the encoding has no state, so a text of such codes decodes to
/// its codes' scalars one after the other — what Foundation gives for the whole text, which
/// cost a sixth of reading such a report. Anything else (four-byte codes, stray bytes, a code
/// Foundation does not give as one scalar) is left to Foundation, so damaged files read as
/// before.
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

    /// The text, or nil when it holds anything but ASCII and two-byte codes in the table.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // A byte gives at most one byte of UTF-8, a two-byte code at most four. The UTF-8 is
        // written from the table's scalars (each a scalar Foundation gave), so it is copied
        // into the string without a check (`String(unsafeUninitializedCapacity:)` validated
        // it all again, a third of decoding).
        scalars.withUnsafeBufferPointer { table in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(16, 2 * bytes.count)) { out -> String? in
                var i = 0, o = 0
                let n = bytes.count
                while i < n {
                    let b = bytes[i]
                    if b < 0x80 {
                        out[o] = b
                        o += 1
                        i += 1
                        continue
                    }
                    guard b >= 0x81, b != 0xFF, i + 1 < n else { return nil }
                    let trail = bytes[i + 1]
                    guard trail >= 0x40, trail != 0x7F, trail != 0xFF else { return nil }
                    let v = table[Int(b &- 0x81) &* trailCount &+ Int(trail &- 0x40)]
                    guard v != 0 else { return nil }
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
                    i += 2
                }
                return String(validUTF8: UnsafeBufferPointer(rebasing: out[..<o]))
            }
        }
    }
}
