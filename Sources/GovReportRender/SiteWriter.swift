import Foundation

/// Writes the files of a site to an output folder. It keeps a manifest of what it wrote, so
/// that a rebuild removes only its own stale files and never a file it did not write, and it
/// leaves files whose bytes did not change untouched (their modification time too).
public struct SiteWriter {
    public static let manifestName = ".govreport-manifest"

    public let output: URL
    public let force: Bool

    public init(output: URL, force: Bool = false) {
        self.output = output
        self.force = force
    }

    public struct Summary: Sendable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    public func write(_ files: [String: Data]) throws(BuildError) -> Summary {
        let fm = FileManager.default
        let manifestURL = output.appendingPathComponent(Self.manifestName)
        var previous: [String] = []
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: output.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw .output(path: output.path, reason: "output exists and is not a folder") }
            if let text = try? String(contentsOf: manifestURL, encoding: .utf8) {
                previous = text.split(separator: "\n").map(String.init)
            } else if !force, let contents = try? fm.contentsOfDirectory(atPath: output.path), !contents.isEmpty {
                throw .output(path: output.path,
                              reason: "folder is not empty and was not written by govreport; pass --force to write into it")
            }
        }
        var summary = Summary()
        do {
            try fm.createDirectory(at: output, withIntermediateDirectories: true)
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let url = output.appendingPathComponent(path)
                if let existing = try? Data(contentsOf: url), existing == data {
                    summary.unchanged += 1
                    continue
                }
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
                summary.written += 1
            }
            let current = Set(files.keys)
            for path in previous where !current.contains(path) && !path.contains("..") {
                let url = output.appendingPathComponent(path)
                if fm.fileExists(atPath: url.path) {
                    try fm.removeItem(at: url)
                    summary.removed += 1
                }
            }
            let manifest = files.keys.sorted().joined(separator: "\n") + "\n"
            if (try? String(contentsOf: manifestURL, encoding: .utf8)) != manifest {
                try Data(manifest.utf8).write(to: manifestURL, options: .atomic)
            }
        } catch {
            throw .output(path: output.path, reason: "\(error.localizedDescription)")
        }
        return summary
    }
}
