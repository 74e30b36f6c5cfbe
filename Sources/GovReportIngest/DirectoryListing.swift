#if canImport(Glibc)
import Glibc
#endif

/// The names in a folder, from `readdir` (Foundation's listing cost more than the rest of
/// comparing a rebuild's twenty thousand pages with what is on disk).
public enum DirectoryListing {
    /// Every entry but `.` and `..`, hidden ones included, in the order the folder gives
    /// them; nil when the folder cannot be opened.
    public static func names(_ path: String) -> [String]? {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        return entries(stream).map(\.name)
    }

    /// The entries of an open folder but `.` and `..`, with their kind as the listing gives it
    /// (`DT_…`; `DT_UNKNOWN` where the file system does not say).
    static func entries(_ stream: OpaquePointer) -> [(name: String, kind: UInt8)] {
        var entries: [(name: String, kind: UInt8)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { entries.append((name, entry.pointee.d_type)) }
        }
        return entries
    }
}
