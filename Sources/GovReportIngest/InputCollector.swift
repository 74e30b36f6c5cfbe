import Foundation

/// Expands the files and folders a user names into the list of report files to read.
/// Folders are searched recursively for report files; symlink loops and repeated paths are
/// visited once; the result is sorted so that the build never depends on the order of the
/// arguments or of the directory listing.
public struct InputCollector: Sendable {
    public static let reportExtensions: Set<String> = ["txt", "html", "htm", "shtml", "xhtml"]

    public struct Input: Hashable, Sendable {
        /// The file on disk.
        public let url: URL
        /// The path shown in diagnostics and pages.
        public let displayPath: String
    }

    public init() {}

    public func collect(_ paths: [String], relativeTo base: URL? = nil) -> (inputs: [Input], errors: [IngestError]) {
        var inputs: [String: Input] = [:]
        var errors: [IngestError] = []
        var visitedDirs = Set<String>()
        let fm = FileManager.default

        func display(_ url: URL, given: String, root: URL) -> String {
            let rel = url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count)
            let trimmed = rel.hasPrefix("/") ? String(rel.dropFirst()) : String(rel)
            if trimmed.isEmpty { return given }
            return given.hasSuffix("/") ? given + trimmed : given + "/" + trimmed
        }

        func walk(_ dir: URL, given: String, root: URL) {
            let real = dir.resolvingSymlinksInPath().standardizedFileURL.path
            guard visitedDirs.insert(real).inserted else { return }
            let entries: [String]
            do { entries = try fm.contentsOfDirectory(atPath: dir.path) } catch {
                errors.append(.unreadable(path: display(dir, given: given, root: root), reason: "cannot list folder"))
                return
            }
            for name in entries.sorted() where !name.hasPrefix(".") {
                let child = dir.appendingPathComponent(name)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: child.path, isDirectory: &isDir) else {
                    // fileExists follows links: a link whose target is gone lands here.
                    if (try? fm.destinationOfSymbolicLink(atPath: child.path)) != nil,
                       Self.reportExtensions.contains(child.pathExtension.lowercased()) {
                        errors.append(.brokenLink(path: display(child, given: given, root: root)))
                    }
                    continue
                }
                if isDir.boolValue {
                    walk(child, given: given, root: root)
                } else if Self.reportExtensions.contains(child.pathExtension.lowercased()) {
                    let key = child.resolvingSymlinksInPath().standardizedFileURL.path
                    if inputs[key] == nil { inputs[key] = Input(url: child, displayPath: display(child, given: given, root: root)) }
                }
            }
        }

        for given in paths {
            let url = given.hasPrefix("/") || base == nil
                ? URL(fileURLWithPath: given) : base!.appendingPathComponent(given)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else {
                errors.append(.notFound(path: given))
                continue
            }
            if isDir.boolValue {
                walk(url, given: given, root: url)
            } else {
                let key = url.resolvingSymlinksInPath().standardizedFileURL.path
                if inputs[key] == nil { inputs[key] = Input(url: url, displayPath: given) }
            }
        }
        let sorted = inputs.values.sorted { $0.displayPath < $1.displayPath }
        return (sorted, errors)
    }
}
