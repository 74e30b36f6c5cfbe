import Foundation
import GovReportIngest
import TestSupport
import Testing

@Suite struct InputCollectorTests {
    /// The notes found from the walk's own listing are those a listing of each folder finds:
    /// notes beside reports, in nested folders (a link to one walked once), with a report given as a file too;
    /// names that only look like notes (upper-case `.MD`, another stem, a folder named like
    /// a note, which is reported as unreadable either way).
    @Test func notesFromTheWalksListingAreTheNotesOfAFreshListing() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        for folder in ["a", "a/b", "c", "c/d.md"] { try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true) }
        for (path, text) in [("a/r1.txt", "x"), ("a/r1.md", "注一"), ("a/r2.txt", "x"), ("a/R2.MD", "no"), ("a/b/r3.htm", "x"),
                             ("a/b/r3.md", "注三"), ("a/b/other.md", "no"), ("c/d.txt", "x"), ("c/e.txt", "x"), ("c/e.md", "注五"),
                             ("f.txt", "x"), ("f.md", "注六")] {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }
        try fm.createSymbolicLink(at: root.appendingPathComponent("linked"), withDestinationURL: root.appendingPathComponent("a/b"))
        let given = [root.path + "/a", root.path + "/c", root.path + "/linked", root.path + "/f.txt"]
        let (inputs, errors, markdown) = InputCollector().collectListing(given)
        #expect(errors.isEmpty)
        #expect(inputs.count == 6)  // the linked folder is the nested one, walked once
        let (walked, walkedErrors) = Notes.collect(beside: inputs, folder: nil, listed: markdown)
        let (fresh, freshErrors) = Notes.collect(beside: inputs, folder: nil)
        #expect(walked.reports == fresh.reports)
        #expect(walkedErrors.map(\.diagnostic) == freshErrors.map(\.diagnostic))
        #expect(Set(walked.reports.values) == ["注一", "注三", "注五", "注六"])
        #expect(walkedErrors.count == 1)  // the folder c/d.md
    }

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
        // Without stamps (a reader with no cache): the same inputs, in the same order, and the
        // plain files not stat'ed; a report reached through a link still is (to follow it).
        let (unstamped, unstampedErrors, _) = InputCollector().collectListing([root.path], stamps: false)
        #expect(unstampedErrors.isEmpty)
        #expect(unstamped.map(\.path) == inputs.map(\.path) && unstamped.map(\.displayPath) == inputs.map(\.displayPath))
        #expect(unstamped.map(\.size) == [-1, -1, -1] && unstamped.map(\.modified) == [-1, -1, -1])
        let (viaLink, _, _) = InputCollector().collectListing([root.path + "/links"], stamps: false)
        #expect(viaLink.map(\.size) == [2])
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

    @Test func theFirstWayAFileIsFoundIsTheOneKept() throws {
        // A link walked before its target ("0links/" before "a/") and a link walked after it
        // ("z/"), a file named as well as walked, each with stamps and without: one input a
        // file, under the path it was first found by.
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        for folder in ["0links", "a", "z"] { try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true) }
        for path in ["a/p.txt", "a/q.txt", "a/r.txt"] { try Data("x".utf8).write(to: root.appendingPathComponent(path)) }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("0links/to-p.txt").path, withDestinationPath: root.appendingPathComponent("a/p.txt").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("z/to-q.txt").path, withDestinationPath: root.appendingPathComponent("a/q.txt").path)
        for stamps in [true, false] {
            let (inputs, errors, _) = InputCollector().collectListing([root.path + "/a/r.txt", root.path], stamps: stamps)
            #expect(errors.isEmpty)
            #expect(inputs.map(\.displayPath) == [root.path + "/0links/to-p.txt", root.path + "/a/q.txt", root.path + "/a/r.txt"], "stamps: \(stamps)")
            // The named file is the one kept: found first, under the name it was given by.
            #expect(inputs.last?.path == root.path + "/a/r.txt")
        }
        // Links alone, no file named: still one input a file, the first way it was found.
        for stamps in [true, false] {
            let (inputs, _, _) = InputCollector().collectListing([root.path], stamps: stamps)
            #expect(inputs.map(\.displayPath) == [root.path + "/0links/to-p.txt", root.path + "/a/q.txt", root.path + "/a/r.txt"], "stamps: \(stamps)")
        }
        // Without a link or a named file: every file walked, once.
        let (walked, _, _) = InputCollector().collectListing([root.path + "/a"], stamps: false)
        #expect(walked.map(\.displayPath) == ["p.txt", "q.txt", "r.txt"].map { root.path + "/a/" + $0 })
    }
}
