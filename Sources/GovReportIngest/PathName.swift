/// A file path taken apart on its bytes (paths split on "/" and "."): NSString's and URL's
/// path methods cost more than the folder listings they served in a rebuild of ten thousand
/// reports.
public enum PathName {
    /// Everything before the last slash; nil when there is no slash.
    public static func folder(_ path: String) -> Substring? {
        lastSlash(path).map { path[..<$0] }
    }

    /// Everything after the last slash (the whole path when there is none).
    public static func lastComponent(_ path: String) -> Substring {
        lastSlash(path).map { path[path.utf8.index(after: $0)...] } ?? path[...]
    }

    /// The last slash, found on the bytes in place (the generic `lastIndex(of:)` on the UTF-8
    /// view cost some 700 instructions a path, paid for every page of a rebuild).
    static func lastSlash(_ path: String) -> String.Index? {
        let offset = path.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var i = bytes.count - 1
            while i >= 0 {
                if bytes[i] == UInt8(ascii: "/") { return i }
                i -= 1
            }
            return nil
        }
        guard let offset else { return path.utf8.lastIndex(of: UInt8(ascii: "/")) }
        return offset.map { path.utf8.index(path.utf8.startIndex, offsetBy: $0) }
    }

    /// A file name without its extension. As with NSString, a leading dot does not start one.
    public static func stem(_ name: Substring) -> Substring {
        extensionDot(name).map { name[..<$0] } ?? name
    }

    /// A file name's extension, without the dot ("" when there is none).
    public static func pathExtension(_ name: Substring) -> Substring {
        extensionDot(name).map { name[name.utf8.index(after: $0)...] } ?? ""
    }

    static func extensionDot(_ name: Substring) -> String.Index? {
        name.utf8.lastIndex(of: UInt8(ascii: ".")).flatMap { $0 == name.startIndex ? nil : $0 }
    }
}
