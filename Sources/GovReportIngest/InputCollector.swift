import Foundation

/// Expands the files and folders a user names into the list of report files to read.
/// Folders are searched recursively for report files; symlink loops and repeated paths are
/// visited once; the result is sorted so that the build never depends on the order of the
/// arguments or of the directory listing.
public struct InputCollector: Sendable {
    public static let reportExtensions: Set<String> = ["txt", "html", "htm", "shtml", "xhtml"]

    public struct Input: Hashable, Sendable {
        /// The file on disk (kept as a path: making a URL for every file of a rebuild that
        /// reads none of them was a visible part of it).
        public let path: String
        public var url: URL { URL(fileURLWithPath: path) }
        /// The path shown in diagnostics and pages.
        public let displayPath: String
        /// Size and modification time (nanoseconds) when the folder was walked, so that a
        /// rebuild can tell unchanged files without a second system call each.
        public var size: Int = -1
        public var modified: Int64 = -1

        public init(url: URL, displayPath: String) {
            self.init(path: url.path, displayPath: displayPath)
        }

        init(path: String, displayPath: String) {
            self.path = path
            self.displayPath = displayPath
        }

        init(path: String, displayPath: String, stamp: FileStamp) {
            self.init(path: path, displayPath: displayPath)
            size = stamp.size
            modified = stamp.modified
        }
    }

    /// Whether a file name ends in a report extension.
    static func isReport(_ name: String) -> Bool {
        reportExtensions.contains(PathName.pathExtension(name[...]).lowercased())
    }

    public init() {}

    public func collect(_ paths: [String], relativeTo base: URL? = nil) -> (inputs: [Input], errors: [IngestError]) {
        let collected = collectListing(paths, relativeTo: base)
        return (collected.inputs, collected.errors)
    }

    /// `collect`, and for every folder walked the names of the Markdown files in it (`.md`,
    /// not hidden): the notes beside the reports, known from the one listing of the folder
    /// (`Notes.collect` listed every folder again, a twentieth of a rebuild's serial part).
    ///
    /// Without `stamps`, a report the folder's listing says is a plain file is not `stat`ed:
    /// its size and time are left unknown (-1), for a reader that keeps no cache (extraction
    /// and checking), where 10,000 of those calls were most of the listing, on one core.
    public func collectListing(_ paths: [String], relativeTo base: URL? = nil, stamps: Bool = true)
        -> (inputs: [Input], errors: [IngestError], markdown: [String: Set<String>]) {
        // In the order found, each file (by its real path) once. A file found walking a folder
        // has a real path no other file found walking has (its folder's real path, walked
        // once, and its name), so the real paths are compared only when some file came
        // another way — through a link, or named itself — and then after the walk, in the
        // order found (a set of every file's path, made as they were found, was two fifths of
        // listing 10,000 files, on one core while the other waited).
        var inputs: [Input] = []
        var reals: [(folder: String, name: String)] = []
        var cameAnotherWay = false
        var markdown: [String: Set<String>] = [:]
        var errors: [IngestError] = []
        var visitedDirs = Set<String>()
        let fm = FileManager.default

        // Paths are handled as strings and resolved only where a link is met: resolving every
        // file's path (a system call per component) was most of the cost of a rebuild. Each
        // folder is read with `readdir` and its entries stat'ed relative to it (one path
        // component to look up, not the whole path); entries whose kind the listing gives
        // are not stat'ed unless they are reports.
        func walk(_ dir: String, real: String, given: String, rel: String) {
            guard visitedDirs.insert(real).inserted else { return }
            // What goes before an entry's name in its path, real path and displayed path, made
            // once per folder (joining the parts again for every file was two fifths of
            // listing a rebuild's inputs).
            let childPrefix = dir + "/", realPrefix = real + "/"
            let shownPrefix = (given.hasSuffix("/") ? given : given + "/") + (rel.isEmpty ? "" : rel + "/")
            func shown(_ name: String) -> String { shownPrefix + name }
            guard let stream = opendir(dir.isEmpty ? "/" : dir) else {
                errors.append(.unreadable(path: rel.isEmpty ? given : (given.hasSuffix("/") ? given + rel : given + "/" + rel), reason: "cannot list folder"))
                return
            }
            defer { closedir(stream) }
            let fd = dirfd(stream)
            var entries = DirectoryListing.entries(stream).filter { !$0.name.hasPrefix(".") }
            markdown[dir.isEmpty ? "/" : dir] = Set(entries.lazy.filter { $0.name.hasSuffix(".md") }.map(\.name))
            entries.sort { $0.name < $1.name }
            for (name, kind) in entries {
                let isReport = Self.isReport(name)
                // A plain file that is not a report, or a folder: the listing says so.
                if kind == UInt8(DT_REG) && !isReport { continue }
                if kind == UInt8(DT_REG) && !stamps {
                    inputs.append(Input(path: childPrefix + name, displayPath: shown(name)))
                    reals.append((realPrefix, name))
                    continue
                }
                var st = stat()
                if kind == UInt8(DT_DIR) {
                    st.st_mode = S_IFDIR
                } else {
                    guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                }
                let child = childPrefix + name
                let isLink = (st.st_mode & S_IFMT) == S_IFLNK
                if isLink {
                    guard fstatat(fd, name, &st, 0) == 0 else {
                        // A link whose target is gone.
                        if isReport {
                            errors.append(.brokenLink(path: shown(name)))
                        }
                        continue
                    }
                }
                let childReal = isLink ? URL(fileURLWithPath: child).resolvingSymlinksInPath().standardizedFileURL.path : realPrefix + name
                if (st.st_mode & S_IFMT) == S_IFDIR {
                    walk(child, real: childReal, given: given, rel: rel.isEmpty ? name : rel + "/" + name)
                } else if isReport {
                    inputs.append(Input(path: child, displayPath: shown(name), stamp: FileStamp(st)))
                    if isLink { cameAnotherWay = true; reals.append((childReal, "")) } else { reals.append((realPrefix, name)) }
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
                let path = url.standardizedFileURL.path
                walk(path == "/" ? "" : path, real: url.resolvingSymlinksInPath().standardizedFileURL.path, given: given, rel: "")
            } else {
                let key = url.resolvingSymlinksInPath().standardizedFileURL.path
                inputs.append(FileStamp.of(path: url.path).map { Input(path: url.path, displayPath: given, stamp: $0) } ?? Input(url: url, displayPath: given))
                cameAnotherWay = true
                reals.append((key, ""))
            }
        }
        var sorted = inputs
        if cameAnotherWay {
            var seen = Set<String>()
            sorted = []
            for (input, real) in zip(inputs, reals) where seen.insert(real.folder + real.name).inserted { sorted.append(input) }
        }
        // Usually already in order (folders are walked in name order); sorting is then skipped.
        if !zip(sorted, sorted.dropFirst()).allSatisfy({ $0.displayPath < $1.displayPath }) {
            sorted.sort { $0.displayPath < $1.displayPath }
        }
        return (sorted, errors, markdown)
    }
}
