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
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
