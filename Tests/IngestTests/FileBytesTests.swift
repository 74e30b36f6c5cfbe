import Foundation
import GovReportIngest
import TestSupport
import Testing

/// Files are read with POSIX calls into the buffer that is returned: every byte must arrive,
/// and every failure must name its cause as Foundation did.
@Suite struct FileBytesTests {
    @Test func readsEveryByteAndRefusesWhatCannotBeAReport() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Larger than one read can return on some systems, with every byte value.
        var generator = SystemRandomNumberGenerator()
        let big = (0..<3_000_001).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let bigURL = folder.appendingPathComponent("big.txt")
        try Data(big).write(to: bigURL)
        #expect(try FileBytes.bytes(bigURL.path, limit: .max) == big)
        #expect(try SourceText.read(fileAt: bigURL, displayPath: "big.txt") == Data(big))
        #expect(FileBytes.read(bigURL.path) == big)

        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        #expect(try FileBytes.bytes(empty.path, limit: 10) == [])
        #expect(try SourceText.read(fileAt: empty, displayPath: "empty.txt").isEmpty)

        // Past the limit: refused by its size, unread (a sparse file: nothing is written).
        let huge = folder.appendingPathComponent("huge.txt")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: UInt64(SourceText.sizeLimit + 1))
        try handle.close()
        #expect(throws: IngestError.tooLarge(path: "huge.txt", bytes: SourceText.sizeLimit + 1)) {
            try SourceText.read(fileAt: huge, displayPath: "huge.txt")
        }
        #expect(throws: FileBytes.Failure.tooLarge(3_000_001)) { try FileBytes.bytes(bigURL.path, limit: 3_000_000) }

        #expect(throws: IngestError.unreadable(path: "gone.txt", reason: "No such file or directory")) {
            try SourceText.read(fileAt: folder.appendingPathComponent("gone.txt"), displayPath: "gone.txt")
        }
        let dir = folder.appendingPathComponent("dir.txt")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        #expect(throws: IngestError.unreadable(path: "dir.txt", reason: "Is a directory")) {
            try SourceText.read(fileAt: dir, displayPath: "dir.txt")
        }
        #expect(FileBytes.read(dir.path) == nil)
    }
}
