/// A file path taken apart on its bytes (paths split on "/" and "."): NSString's and URL's
/// path methods cost more than the folder listings they served in a rebuild of ten thousand
/// reports.
public enum PathName {
    /// Everything before the last slash; nil when there is no slash.
    public static func folder(_ path: String) -> Substring? {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[..<$0] }
    }

    /// Everything after the last slash (the whole path when there is none).
    public static func lastComponent(_ path: String) -> Substring {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path[...]
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
