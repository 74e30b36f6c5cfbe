import Foundation
import GovReportIngest
import TestSupport
import Testing

@Suite struct InputCollectorTests {
    @Test func foldersAreSearchedRecursivelyAndSorted() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        for path in ["b/c/z.txt", "a.txt", "b/y.TXT", "b/notes.md", "b/.hidden.txt"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(path))
        }
        // A symlink loop must not hang or duplicate.
        try fm.createSymbolicLink(at: root.appendingPathComponent("b/c/loop"), withDestinationURL: root.appendingPathComponent("b"))
        let (inputs, errors) = InputCollector().collect([root.path + "/"])
        #expect(errors.isEmpty)
        #expect(inputs.map(\.displayPath) == [root.path + "/a.txt", root.path + "/b/c/z.txt", root.path + "/b/y.TXT"])
    }

    @Test func orderIsThePathsOrderNotTheWalksAndLinksAreFollowedOnce() throws {
        // Walked folder by folder, "a/" comes before "a.b/" and "a.txt"; as paths, '.' sorts
        // before '/'. A link to a report and the report itself are one input; each input
        // carries the stamp of its file.
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        for folder in ["a", "a.b", "links"] { try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true) }
        for (path, text) in [("a/y.txt", "yy"), ("a.b/x.htm", "x"), ("a.txt", "aaa")] {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("links/to-y.txt").path, withDestinationPath: root.appendingPathComponent("a/y.txt").path)
        let (inputs, errors) = InputCollector().collect([root.path])
        #expect(errors.isEmpty)
        #expect(inputs.map(\.displayPath) == ["a.b/x.htm", "a.txt", "a/y.txt"].map { root.path + "/" + $0 })
        for input in inputs {
            let stamp = try #require(FileStamp.of(path: input.path))
            #expect(input.size == stamp.size && input.modified == stamp.modified, "\(input.path)")
        }
        #expect(inputs.map(\.size) == [1, 3, 2])
    }

    @Test func missingInputIsAnError() {
        let (inputs, errors) = InputCollector().collect(["/nonexistent/govreport"])
        #expect(inputs.isEmpty)
        #expect(errors == [.notFound(path: "/nonexistent/govreport")])
    }

    @Test func sameFileTwiceIsReadOnce() {
        let sample = Fixtures.sampleURL("000").path
        let (inputs, _) = InputCollector().collect([sample, sample, Fixtures.samplesFolder.path])
        #expect(inputs.count == 5)
    }
}
