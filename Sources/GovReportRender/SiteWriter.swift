import Foundation
import GovReportIngest
import Synchronization

/// Writes the files of a site to an output folder, safely and as they are rendered:
///
/// - a first build is assembled in a temporary folder next to the output and renamed into
///   place at the end, so a build killed part-way leaves no half site;
/// - a rebuild writes into the output, each file through a temporary name and a rename, so a
///   reader never sees half a page; files whose bytes did not change are not touched (they
///   keep their modification time), and files of the previous build that are no longer
///   produced are removed at the end;
/// - a manifest (`.govreport-manifest`) records what govreport wrote: files it did not write
///   are never touched, and a non-empty folder without a manifest is refused unless `force`;
/// - `/`, the home folder, and folders that hold or lie inside the inputs are refused.
public struct SiteWriter: Sendable {
    public static let manifestName = ".govreport-manifest"

    public let output: URL
    public let force: Bool
    /// The input files and folders, which the output must neither contain nor lie inside.
    public let inputs: [URL]

    public init(output: URL, force: Bool = false, inputs: [URL] = []) {
        self.output = output
        self.force = force
        self.inputs = inputs
    }

    public struct Summary: Sendable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
        /// Files in the output that govreport did not write, kept as they were (counted when
        /// govreport first writes into a folder with `--force`).
        public var kept = 0
    }

    /// Writes a whole site held in memory (tests, small sites).
    public func write(_ files: [String: Data]) throws(BuildError) -> Summary {
        let session = try open()
        try session.claim(Set(files.keys))
        for (path, data) in files.sorted(by: { $0.key < $1.key }) { try session.put(path, data) }
        return try session.finish()
    }

    /// Starts writing: checks the output folder and reads what the previous build left.
    public func open() throws(BuildError) -> Session {
        let fm = FileManager.default
        let out = output.standardizedFileURL.resolvingSymlinksInPath()
        try refuseDangerous(out)
        let parent = out.deletingLastPathComponent()
        let name = out.lastPathComponent
        recoverInterruptedSwap(out, parent: parent, name: name)
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: out.path, isDirectory: &isDir)
        var previous = Set<String>()
        var kept = 0
        var staging: URL?
        if exists {
            guard isDir.boolValue else { throw .output(path: out.path, reason: "output exists and is not a folder") }
            if let bytes = FileBytes.read(out.appendingPathComponent(Self.manifestName).path) {
                // (Room made first, each line made a string once: this was a twentieth of a
                // rebuild's serial part.)
                let lines = bytes.split(separator: UInt8(ascii: "\n"))
                previous.reserveCapacity(lines.count)
                for line in lines { previous.insert(String(decoding: line, as: UTF8.self)) }
            } else {
                let existing = Self.files(under: out)
                if !existing.isEmpty && !force {
                    throw .output(path: out.path,
                                  reason: "folder is not empty and was not written by govreport; pass --force to write into it (its files are kept)")
                }
                kept = existing.count
            }
        } else {
            staging = parent.appendingPathComponent(".\(name).govreport-new-\(getpid())")
            do {
                try fm.createDirectory(at: staging!, withIntermediateDirectories: true)
            } catch {
                throw .output(path: out.path, reason: error.localizedDescription)
            }
        }
        return Session(output: out, root: staging ?? out, staging: staging != nil, previous: previous, force: force, kept: kept)
    }

    /// One build's writes. `put` and `records` may be called from any thread.
    public final class Session: Sendable {
        public let output: URL
        /// Where files go now: the output, or the staging folder of a first build.
        let root: URL
        /// `root.path`, made once.
        let rootPath: String
        let staging: Bool
        /// What the previous build wrote (its manifest).
        public let previous: Set<String>
        let force: Bool
        let counts: Mutex<Summary>
        private let folders = Mutex<Set<String>>([])
        /// What the previous build wrote and this one did not claim, and the manifest `finish`
        /// writes, when it writes one: made while pages are written (sorting a full build's
        /// hundred thousand paths at the end was a visible part of the time one core worked
        /// while the other waited).
        private let claimed = Mutex<(stale: Set<String>, manifest: Pending<Data>?)>(([], nil))

        init(output: URL, root: URL, staging: Bool, previous: Set<String>, force: Bool, kept: Int) {
            self.output = output
            self.root = root
            rootPath = root.path
            self.staging = staging
            self.previous = previous
            self.force = force
            counts = Mutex(Summary(kept: kept))
            // Listed while the build reads its inputs: needed only once pages are written.
            let present = Pending<Set<String>>()
            self.present = present
            if staging {
                present.fulfil([])
            } else {
                let root = root
                Parallel.async { present.fulfil(Self.listing(root, previous)) }
            }
        }

        /// Declares every path this build writes, before any is written: refuses to overwrite
        /// a file govreport did not write, and records the paths in the manifest first, so a
        /// build killed part-way leaves no file the next build would take for a stranger's.
        public func claim(_ paths: Set<String>) throws(BuildError) {
            let stale = previous.subtracting(paths)
            // The previous manifest lists exactly `paths` when nothing but its own name is stale
            // and every path was in it (the paths it shares with `paths` are all of them).
            let listed = stale.allSatisfy { $0 == SiteWriter.manifestName } && previous.count - stale.count == paths.count
            var manifest: Pending<Data>?
            if staging || !listed {
                let made = Pending<Data>()
                Parallel.async { made.fulfil(Self.manifest(paths)) }
                manifest = made
            }
            claimed.withLock { $0 = (stale, manifest) }
            guard !staging else { return }
            // (One pass over the paths: a rebuild claims twenty thousand, nearly all known.)
            let added = paths.subtracting(previous)
            if !force {
                for path in added.sorted() where FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
                    throw .output(path: root.appendingPathComponent(path).path,
                                  reason: "a file govreport did not write is in the way; move it or pass --force")
                }
            }
            if !added.isEmpty { try writeManifest(Self.manifest(previous.union(added))) }
        }

        /// Whether the previous build's file for `path` is still there (so a page whose inputs
        /// did not change can be left alone).
        public func hasPrevious(_ path: String) -> Bool {
            !staging && previous.contains(path) && present.wait().contains(path)
        }

        /// The previous build's files still in the output, from one listing per folder (a
        /// lookup per page cost more than the rest of a rebuild that changes nothing).
        private let present: Pending<Set<String>>

        static func listing(_ root: URL, _ paths: Set<String>) -> Set<String> {
            var found = Set<String>(minimumCapacity: paths.count)
            // The site's few folders, found without making a string for each of its paths.
            var folders: [String] = []
            for path in paths {
                let folder = PathName.folder(path) ?? ""
                if !folders.contains(where: { String.sameBytes($0[...], folder) }) { folders.append(String(folder)) }
            }
            for folder in folders {
                let names = DirectoryListing.names(folder.isEmpty ? root.path : root.path + "/" + folder) ?? []
                let prefix = folder.isEmpty ? "" : folder + "/"
                for name in names { found.insert(prefix + name) }
            }
            return found
        }

        /// Counts a file left as the previous build wrote it.
        public func keep(_ path: String) {
            counts.withLock { $0.unchanged += 1 }
        }

        /// Writes one file, unless the same bytes are already there.
        public func put(_ path: String, _ data: Data) throws(BuildError) {
            let file = rootPath + "/" + path
            if !staging, previous.contains(path), let old = try? Data(contentsOf: URL(fileURLWithPath: file)), old == data {
                counts.withLock { $0.unchanged += 1 }
                return
            }
            try replace(file) { (handle: FileHandle) throws in try handle.write(contentsOf: data) }
            counts.withLock { $0.written += 1 }
        }

        /// The previous build's file for `path`, if it is still as that build left it (`left`'s
        /// stamp, as for an export): a file changed since is not trusted.
        func previousBytes(_ path: String, left: BuildCache.Export) -> [UInt8]? {
            guard !staging, previous.contains(path) else { return nil }
            let file = rootPath + "/" + path
            guard FileStamp.of(path: file) == left.stamp, let bytes = FileBytes.read(file), bytes.count == left.size else { return nil }
            return bytes
        }

        /// Writes through a temporary name in the same folder and renames over the target (a
        /// first build writes straight into its staging folder). With `unlessEqual`, a result
        /// equal to the file already there is dropped instead, and the answer is true.
        @discardableResult
        func replace(_ path: String, unlessEqual: Bool = false, _ fill: (FileHandle) throws -> Void) throws(BuildError) -> Bool {
            // On path strings (URL's path methods were a visible cost over 20,000 files).
            let folder = PathName.folder(path).map(String.init) ?? "."
            let known = folders.withLock { $0.contains(folder) }
            do {
                if !known {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    folders.withLock { _ = $0.insert(folder) }
                }
                // A first build writes straight into its staging folder (nobody reads it yet).
                let temp = staging ? path : folder + "/." + PathName.lastComponent(path) + ".govreport-tmp"
                // One open (creating and emptying the file): FileManager's createFile wrote an
                // empty file of its own first, which then had to be opened again.
                let descriptor = Glibc.open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
                guard descriptor >= 0 else {
                    throw BuildError.output(path: path, reason: "cannot create file: \(String(cString: strerror(errno)))")
                }
                let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
                do {
                    try fill(handle)
                    try handle.close()
                } catch {
                    try? handle.close()
                    try? FileManager.default.removeItem(atPath: temp)
                    throw error
                }
                if unlessEqual, Self.sameBytes(temp, path) {
                    try? FileManager.default.removeItem(atPath: temp)
                    return true
                }
                guard staging || rename(temp, path) == 0 else {
                    throw BuildError.output(path: path, reason: String(cString: strerror(errno)))
                }
                return false
            } catch let error as BuildError {
                throw error
            } catch {
                throw .output(path: path, reason: error.localizedDescription)
            }
        }

        /// Whether two files hold the same bytes, read a megabyte at a time (the exports run to
        /// hundreds of megabytes; mapping them whole would count against the memory budget).
        static func sameBytes(_ a: String, _ b: String) -> Bool {
            guard let sa = FileStamp.of(path: a), let sb = FileStamp.of(path: b), sa.size == sb.size,
                  let ha = FileHandle(forReadingAtPath: a), let hb = FileHandle(forReadingAtPath: b) else { return false }
            defer { try? ha.close(); try? hb.close() }
            while true {
                let x = (try? ha.read(upToCount: 1 << 20)) ?? nil
                let y = (try? hb.read(upToCount: 1 << 20)) ?? nil
                if x != y { return false }
                if x == nil || x!.isEmpty { return true }
            }
        }

        /// Removes a file that is not part of the site (the build cache).
        func removePrivate(_ name: String) {
            unlink(rootPath + "/" + name)
        }

        /// Whether a file that is not part of the site (the build cache) is there.
        func hasPrivate(_ name: String) -> Bool {
            access(rootPath + "/" + name, F_OK) == 0
        }

        /// Writes a file that is not part of the site (the build cache), not listed in the manifest.
        public func putPrivate(_ name: String, _ data: Data) throws(BuildError) {
            try replace(rootPath + "/" + name) { (handle: FileHandle) throws in try handle.write(contentsOf: data) }
        }

        /// `putPrivate` for a file made of parts, written one after the other.
        func putPrivate(_ name: String, _ parts: (head: [UInt8], body: [UInt8])) throws(BuildError) {
            try replace(rootPath + "/" + name) { (handle: FileHandle) throws in
                try handle.write(contentsOf: parts.head)
                try handle.write(contentsOf: parts.body)
            }
        }

        /// Removes what the previous build wrote and this one did not claim, writes the manifest
        /// (when it changed), and moves a first build into place.
        public func finish() throws(BuildError) -> Summary {
            let fm = FileManager.default
            var summary = counts.withLock { $0 }
            let (stale, manifest) = claimed.withLock { $0 }
            for path in stale where path != SiteWriter.manifestName {
                if (try? fm.removeItem(at: root.appendingPathComponent(path))) != nil { summary.removed += 1 }
            }
            if let manifest { try writeManifest(manifest.take()) }
            if staging {
                do {
                    try fm.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try fm.moveItem(at: root, to: output)
                } catch {
                    try? fm.removeItem(at: root)
                    throw .output(path: output.path, reason: error.localizedDescription)
                }
            }
            return summary
        }

        /// Abandons a first build's staging folder (a rebuild's files are whole and stay).
        public func abandon() {
            if staging { try? FileManager.default.removeItem(at: root) }
        }

        static func manifest(_ paths: Set<String>) -> Data {
            Data((paths.sorted().joined(separator: "\n") + "\n").utf8)
        }

        private func writeManifest(_ data: Data) throws(BuildError) {
            try replace(rootPath + "/" + SiteWriter.manifestName) { (handle: FileHandle) throws in try handle.write(contentsOf: data) }
        }
    }

    func refuseDangerous(_ out: URL) throws(BuildError) {
        let path = out.path
        if path == "/" { throw .output(path: path, reason: "refusing to write a site over the root folder") }
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        if path == home { throw .output(path: path, reason: "refusing to write a site over the home folder") }
        for input in inputs {
            let i = input.standardizedFileURL.resolvingSymlinksInPath().path
            if i == path || i.hasPrefix(path + "/") {
                throw .output(path: path, reason: "the output folder holds the input \(input.path); choose another --output")
            }
            var isDir: ObjCBool = false
            if path.hasPrefix(i + "/"), FileManager.default.fileExists(atPath: i, isDirectory: &isDir), isDir.boolValue {
                throw .output(path: path, reason: "the output folder is inside the input folder \(input.path): its pages would be read as reports")
            }
        }
    }

    /// Earlier versions swapped whole folders and a build killed between the two renames
    /// left the previous site under a backup name: put it back, and clear stale staging.
    func recoverInterruptedSwap(_ out: URL, parent: URL, name: String) {
        let fm = FileManager.default
        let entries = (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
        if !fm.fileExists(atPath: out.path), let old = entries.sorted().last(where: { $0.hasPrefix(".\(name).govreport-old-") }) {
            try? fm.moveItem(at: parent.appendingPathComponent(old), to: out)
        }
        for stale in entries where stale.hasPrefix(".\(name).govreport-") {
            try? fm.removeItem(at: parent.appendingPathComponent(stale))
        }
    }

    /// Every regular file under `folder`, as paths relative to it.
    static func files(under folder: URL) -> [String] {
        guard let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var result: [String] = []
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        for case let url as URL in e {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let p = url.standardizedFileURL.resolvingSymlinksInPath().path
            if p.hasPrefix(base) { result.append(String(p.dropFirst(base.count))) }
        }
        return result.sorted()
    }
}
