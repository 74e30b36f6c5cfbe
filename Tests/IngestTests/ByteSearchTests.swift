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
