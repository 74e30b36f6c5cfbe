import Foundation
@testable import GovReportIngest
import Testing

/// Paths taken apart on their bytes: the folder and last component around the last slash
/// (found by scanning the bytes backwards) as a search of the UTF-8 view finds it, and two
/// substrings' bytes compared in place as their UTF-8 views compare.
@Suite struct PathNameTests {
    static let parts = ["", "/", "a", "reports", "2015-002860b7a1.html", ".hidden", "名单", "报告.txt", "x.y.z", "é", "\u{FF0F}", "//"]

    /// Every path of up to three parts, whatever they hold (slashes, dots, Chinese text).
    static var paths: [String] {
        var out = [""]
        for a in parts {
            out.append(a)
            for b in parts {
                out.append(a + b)
                for c in parts { out.append(a + b + c) }
            }
        }
        return out
    }

    @Test func folderAndLastComponentSplitAtTheLastSlash() {
        var issues = 0
        for path in Self.paths {
            let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            let folder = slash.map { String(path[..<$0]) }
            let last = slash.map { String(path[path.utf8.index(after: $0)...]) } ?? path
            if PathName.folder(path).map(String.init) != folder { issues += 1 }
            if String(PathName.lastComponent(path)) != last { issues += 1 }
            if PathName.lastSlash(path) != slash { issues += 1 }
        }
        #expect(issues == 0)
        #expect(PathName.folder("reports/a.html") == "reports" && PathName.folder("a.html") == nil && PathName.folder("/a") == "")
    }

    @Test func substringsAreTheSameBytesWhenTheirUTF8IsEqual() {
        let paths = Self.paths
        var issues = 0
        for a in paths.prefix(400) {
            for b in paths.prefix(400) {
                // Substrings of longer texts, so that neither starts at its text's start.
                let x = ("前" + a + "后").dropFirst().dropLast(), y = ("x" + b).dropFirst()
                if String.sameBytes(x, y) != Array(x.utf8).elementsEqual(Array(y.utf8)) { issues += 1 }
            }
        }
        #expect(issues == 0)
        #expect(!String.sameBytes("六"[...], "\u{F9D1}"[...]))
    }
}
