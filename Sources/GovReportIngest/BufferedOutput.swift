import Foundation

/// Bytes for a file, handed to it a megabyte at a time: large exports are written as they are
/// made, without a system call per record or the whole file held in memory.
public struct BufferedOutput {
    public let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let size = 1 << 20

    public init(_ handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(Self.size)
    }

    public mutating func write(_ bytes: [UInt8]) throws {
        buffer += bytes
        if buffer.count >= Self.size { try flush() }
    }

    public mutating func write(_ text: String) throws {
        buffer += text.utf8
        if buffer.count >= Self.size { try flush() }
    }

    /// Hands what is buffered to the file (before writing to it another way, and at the end).
    public mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
