import Foundation
import Testing
@testable import GovReportCheck

/// Small counts' text is made once; it must be what `String` makes of the number.
@Suite struct FormatTests {
    @Test func countsMadeOnceReadAsStringWritesThem() {
        var checked = 0
        for n in -20...10_020 {
            #expect(ConsistencyChecker.format(Double(n)) == String(n), "\(n)")
            checked += 1
        }
        #expect(ConsistencyChecker.format(-0.0) == "0")
        #expect(ConsistencyChecker.format(9999.5) == "9999.5" && ConsistencyChecker.format(0.25) == "0.25")
        #expect(ConsistencyChecker.format(12345678) == "12345678")
        #expect(checked == 10_041)
    }
}
