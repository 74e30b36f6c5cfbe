import Foundation

/// Writes the files of a site to an output folder, safely:
///
/// - the new site is assembled in a temporary folder next to the output and swapped in at
///   the end, so a build killed part-way leaves the previous site whole;
/// - a manifest (`.govreport-manifest`) records what govreport wrote: files it did not write
///   are carried over untouched and never deleted, and a non-empty folder without a manifest
///   is refused unless `force`;
/// - files whose bytes did not change are hard-linked from the previous site, so they keep
///   their modification time;
/// - `/`, the home folder, and folders that hold or lie inside the inputs are refused.
public struct SiteWriter {
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
        /// Files in the output that govreport did not write, kept as they were.
        public var kept = 0
    }

    public func write(_ files: [String: Data]) throws(BuildError) -> Summary {
        let fm = FileManager.default
        let out = output.standardizedFileURL.resolvingSymlinksInPath()
        try refuseDangerous(out)
        let parent = out.deletingLastPathComponent()
        let name = out.lastPathComponent
        let temp = parent.appendingPathComponent(".\(name).govreport-new-\(getpid())")
        let backup = parent.appendingPathComponent(".\(name).govreport-old-\(getpid())")
        recoverInterruptedSwap(out, parent: parent, name: name)

        var previous = Set<String>()
        var existing: [String] = []
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: out.path, isDirectory: &isDir)
        if exists {
            guard isDir.boolValue else { throw .output(path: out.path, reason: "output exists and is not a folder") }
            existing = Self.files(under: out)
            if let text = try? String(contentsOf: out.appendingPathComponent(Self.manifestName), encoding: .utf8) {
                previous = Set(text.split(separator: "\n").map(String.init))
            } else if !existing.isEmpty && !force {
                throw .output(path: out.path,
                              reason: "folder is not empty and was not written by govreport; pass --force to write into it (its files are kept)")
            }
        }
        let foreign = existing.filter { !previous.contains($0) && $0 != Self.manifestName }
        if !force, let clash = foreign.first(where: { files[$0] != nil }) {
            throw .output(path: out.appendingPathComponent(clash).path,
                          reason: "a file govreport did not write is in the way; move it or pass --force")
        }

        var summary = Summary()
        do {
            try? fm.removeItem(at: temp)
            try fm.createDirectory(at: temp, withIntermediateDirectories: true)
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let old = out.appendingPathComponent(path)
                let new = temp.appendingPathComponent(path)
                try fm.createDirectory(at: new.deletingLastPathComponent(), withIntermediateDirectories: true)
                if exists, previous.contains(path), let bytes = try? Data(contentsOf: old), bytes == data,
                   (try? fm.linkItem(at: old, to: new)) != nil {
                    summary.unchanged += 1
                } else {
                    try data.write(to: new)
                    summary.written += 1
                }
            }
            for path in foreign where files[path] == nil {
                let new = temp.appendingPathComponent(path)
                try fm.createDirectory(at: new.deletingLastPathComponent(), withIntermediateDirectories: true)
                if (try? fm.linkItem(at: out.appendingPathComponent(path), to: new)) == nil {
                    try fm.copyItem(at: out.appendingPathComponent(path), to: new)
                }
                summary.kept += 1
            }
            summary.removed = previous.subtracting(files.keys).subtracting([Self.manifestName]).count
            try Data((files.keys.sorted().joined(separator: "\n") + "\n").utf8)
                .write(to: temp.appendingPathComponent(Self.manifestName))
            if exists {
                try fm.moveItem(at: out, to: backup)
                try fm.moveItem(at: temp, to: out)
                try? fm.removeItem(at: backup)
            } else {
                try fm.createDirectory(at: parent, withIntermediateDirectories: true)
                try fm.moveItem(at: temp, to: out)
            }
        } catch {
            try? fm.removeItem(at: temp)
            throw .output(path: out.path, reason: "\(error.localizedDescription)")
        }
        return summary
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

    /// A build killed between the two renames of the swap leaves the previous site under its
    /// backup name: put it back.
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
