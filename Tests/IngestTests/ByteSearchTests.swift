import GovReportIngest
import Testing

@Suite struct ByteSearchTests {
    @Test func findsWhatANaiveSearchFinds() {
        // Small alphabets so that near-misses are common; needles at the ends, empty, too long.
        var state: UInt64 = 42
        func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) % n }
        for _ in 0..<5_000 {
            let haystack = (0..<next(40)).map { _ in UInt8(next(3)) }
            let needle = (0..<next(6)).map { _ in UInt8(next(3)) }
            let naive = needle.isEmpty || (haystack.count >= needle.count
                && (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<$0 + needle.count]) == needle })
            let found = haystack.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { ByteSearch.contains(h, $0) } }
            #expect(found == naive, "\(needle) in \(haystack)")
        }
        #expect("政府信息公开工作年度报告".includes("年度报告") && !"年度报告".includes("政府信息公开工作年度报告"))
    }
}

/// The word-at-a-time byte tests answer as looking at each of the eight bytes does.
@Suite struct WordBytesTests {
    @Test func eachTestAnswersAsTheBytesDo() {
        var state: UInt64 = 11
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
        let probes: [UInt8] = [0x00, 0x01, 0x0A, 0x20, 0x21, 0x63, 0x7F, 0x80, 0x81, 0xC2, 0xC5, 0xE2, 0xE3, 0xEF, 0xFF]
        var wrong = 0
        for _ in 0..<20_000 {
            // Bytes from the probes and their neighbours, so that matches and near misses are common.
            var bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: Int(probes[Int(next() >> 33) % probes.count]) + Int(next() >> 62) - 1) }
            if next() % 4 == 0 { bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: next() >> 56) } }
            let word = bytes.withUnsafeBufferPointer { WordBytes.load($0, at: 0) }
            for probe in probes where WordBytes.has(word, probe) != bytes.contains(probe) { wrong += 1 }
            for limit: UInt8 in [0x01, 0x0A, 0x21, 0x41, 0x80] where WordBytes.hasBelow(word, limit) != bytes.contains(where: { $0 < limit }) {
                wrong += 1
            }
            // The exact masks: the high bit of each byte that matches, and of no other.
            func mask(_ test: (UInt8) -> Bool) -> UInt64 {
                bytes.indices.reduce(0) { test(bytes[$1]) ? $0 | UInt64(0x80) << (8 * UInt64($1)) : $0 }
            }
            for probe in probes where WordBytes.matches(word, probe) != mask({ $0 == probe }) { wrong += 1 }
            for limit: UInt8 in [0x00, 0x01, 0x0A, 0x21, 0x41, 0x7F, 0x80] where WordBytes.below(word, limit) != mask({ $0 < limit }) {
                wrong += 1
            }
        }
        #expect(wrong == 0)
    }
}
