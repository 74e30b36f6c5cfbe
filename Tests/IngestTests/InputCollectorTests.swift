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
