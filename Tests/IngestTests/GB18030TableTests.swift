import Foundation
import Testing
@testable import GovReportIngest

/// The table decoder must give what Foundation gives, or leave the text to Foundation.
@Suite struct GB18030TableTests {
    static func foundation(_ bytes: [UInt8]) -> String? {
        String(data: Data(bytes), encoding: TextEncoding.foundationGB18030)
    }

    static func table(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { GB18030Table.decode($0) }
    }

    @Test func everyTwoByteCodeDecodesAsFoundationDecodesIt() {
        var decoded = 0
        for lead in UInt8(0x81)...0xFE {
            for trail in UInt8(0x40)...0xFE where trail != 0x7F {
                let code = [lead, trail]
                guard let ours = Self.table(code) else { continue }
                #expect(ours == Self.foundation(code), "\(code)")
                decoded += 1
            }
        }
        // Nearly all of the 23,940 codes are in the table.
        #expect(decoded > 23_000)
    }

    @Test func textsOfCodesDecodeAsFoundationDecodesThem() {
        var random = SystemRandomNumberGenerator()
        var tableDecoded = 0, fourByteDecoded = 0
        for round in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &random) {
                // Half the texts hold only ASCII and two-byte codes.
                switch Int.random(in: 0..<(round % 2 == 0 ? 9 : 10), using: &random) {
                case 0..<4: bytes.append(UInt8.random(in: 0x00...0x7F, using: &random))
                case 4..<9:
                    bytes.append(UInt8.random(in: 0x81...0xFE, using: &random))
                    var trail = UInt8.random(in: 0x40...0xFE, using: &random)
                    if trail == 0x7F { trail = 0x80 }
                    bytes.append(trail)
                default:
                    // Now and then a four-byte code (any: of the BMP, beyond it, unassigned),
                    // or what the table leaves to Foundation: a stray or cut byte.
                    if round % 6 == 1 || round % 6 == 5 {
                        bytes += [UInt8.random(in: round % 6 == 1 ? 0x81...0x84 : 0x81...0xFE, using: &random), UInt8.random(in: 0x30...0x39, using: &random),
                                  UInt8.random(in: 0x81...0xFE, using: &random), UInt8.random(in: 0x30...0x39, using: &random)]
                    } else if round % 6 == 3 { bytes.append(0x80) } else { bytes.append(0xFF) }
                }
            }
            if let ours = Self.table(bytes) {
                #expect(ours == Self.foundation(bytes), "\(bytes)")
                tableDecoded += 1
                if round % 6 == 1 || round % 6 == 5, bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { fourByteDecoded += 1 }
            } else {
                #expect(bytes.contains(where: { $0 == 0x80 || $0 == 0xFF }) || bytes.count >= 4, "\(bytes)")
            }
        }
        #expect(tableDecoded >= 1_000)
        // Texts with four-byte codes are decoded here too (not all: some codes are unassigned).
        #expect(fourByteDecoded >= 100, "\(fourByteDecoded)")
        // A lead byte at the end, a lead before a byte that is no trail: left to Foundation.
        #expect(Self.table([0x41, 0xB0]) == nil && Self.table([0xB0, 0x20]) == nil && Self.table([0xB0, 0x7F]) == nil)
        // Four-byte codes: U+0080, •, the last of the BMP, one beyond it; a cut one left to Foundation.
        for code: [UInt8] in [[0x81, 0x30, 0x81, 0x30], [0x81, 0x36, 0xA6, 0x31], [0x84, 0x31, 0xA4, 0x39], [0x90, 0x30, 0x81, 0x30]] {
            #expect(Self.table(code) != nil && Self.table(code) == Self.foundation(code), "\(code)")
        }
        #expect(Self.table([0x81, 0x36, 0xA6, 0x31]) == "•")
        #expect(Self.table([0x41, 0x81, 0x36, 0xA6]) == nil && Self.table([0x81, 0x36, 0x20, 0x31]) == nil)
        #expect(Self.table(Array("年度报告".data(using: String.Encoding(rawValue: 0x8000_0632))!)) == "年度报告")
    }

    /// The memo of four-byte codes stops growing at its limit; codes past it still decode as
    /// Foundation decodes them.
    @Test func fourByteCodesPastTheMemosLimitStillDecode() {
        // More distinct four-byte codes than the memo keeps (81 30 81 30 … in order).
        var codes: [[UInt8]] = []
        outer: for a in UInt8(0x81)...0x84 {
            for b in UInt8(0x30)...0x39 {
                for c in UInt8(0x81)...0xFE {
                    for d in UInt8(0x30)...0x39 {
                        codes.append([a, b, c, d])
                        if codes.count == GB18030Table.fourByteMemoLimit + 600 { break outer }
                    }
                }
            }
        }
        var decoded = 0
        for code in codes {
            let expected = GB18030Table.foundationScalar(code[0], code[1], code[2], code[3])
            let ours = GB18030Table.fourByteScalar(code[0], code[1], code[2], code[3])
            #expect(ours == (expected == 0 ? nil : expected), "\(code)")
            if ours != nil { decoded += 1 }
        }
        // Most of these codes are characters (U+0080 on): the test is not of empty answers.
        #expect(decoded > GB18030Table.fourByteMemoLimit)
        #expect(GB18030Table.fourByteScalars.withLock { $0.count } <= GB18030Table.fourByteMemoLimit)
        // Asked again, past the limit: the same answers.
        for code in codes.suffix(50) {
            let expected = GB18030Table.foundationScalar(code[0], code[1], code[2], code[3])
            #expect(GB18030Table.fourByteScalar(code[0], code[1], code[2], code[3]) == (expected == 0 ? nil : expected))
        }
    }
}
