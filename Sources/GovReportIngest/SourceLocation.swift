/// A place in an input file, so that every diagnostic and every figure can be traced back
/// to the line a reviewer has to look at.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path as the user gave it (or relative to the package for bundled samples), never
    /// an absolute path of the build machine: it is printed on pages that must rebuild
    /// byte-for-byte on any machine.
    public var path: String
    /// 1-based line number; 0 when the diagnostic concerns the whole file.
    public var line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    public var description: String { line > 0 ? "\(path):\(line)" : path }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line) < (b.path, b.line)
    }
}
