import Glibc

/// A file's size and modification time (nanoseconds) from one `stat`: how a rebuild tells
/// the files that did not change without reading them.
public struct FileStamp: Equatable, Sendable {
    public let size: Int
    public let modified: Int64

    public init(size: Int, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    public init(_ st: stat) {
        size = Int(st.st_size)
        modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    }

    /// The stamp of the file at `path` (links followed); nil when it cannot be read.
    public static func of(path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileStamp(st)
    }
}
