import Foundation
@testable import GovReportIngest
import Testing

/// `withUTF8Bytes` reads the bytes `withUTF8` reads, for every kind of text, and calls its
/// body once, whatever the body gives back.
@Suite struct WithUTF8BytesTests {
    @Test func bytesAreTheTextsUTF8() {
        let large = String(repeating: "政府信息公开", count: 40)
        let texts: [String] = ["", "a", "十五个字节的文字", "exactly15bytes!", "sixteen bytes ok", large,
                               String(large.dropFirst(3)), String(large[large.index(large.startIndex, offsetBy: 7)...]),
                               "e\u{301}\u{1F600}", NSString(string: large) as String]
        for text in texts {
            #expect(text.withUTF8Bytes { Array($0) } == Array(text.utf8), "\(text.prefix(10))")
        }
    }

    @Test func bodyIsCalledOnceEvenWhenItGivesNil() {
        for text in ["", "短", String(repeating: "长", count: 30)] {
            var calls = 0
            let result: Int? = text.withUTF8Bytes { _ -> Int? in
                calls += 1
                return nil
            }
            #expect(result == nil)
            #expect(calls == 1)
            let counted: Int? = text.withUTF8Bytes { $0.count }
            #expect(counted == text.utf8.count)
        }
    }
}
