import Foundation

/// Finds the folder that holds `Resources/` and `Templates/` (the package root), so that
/// `govreport build` with no arguments finds the bundled reports wherever it is run from.
/// Order: `$GOVREPORT_HOME`, the current folder and its parents, the executable's folder and
/// its parents, then the source tree this binary was built from.
public enum ResourceLocator {
    public static func root(file: String = #filePath) -> URL? {
        var candidates: [URL] = []
        if let home = ProcessInfo.processInfo.environment["GOVREPORT_HOME"], !home.isEmpty {
            candidates.append(URL(fileURLWithPath: home))
        }
        candidates += ancestors(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        candidates += ancestors(URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent())
        // Sources/GovReportIngest/ResourceLocator.swift → the package root.
        candidates.append(URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())
        return candidates.first { isRoot($0) }?.standardizedFileURL
    }

    static func ancestors(_ url: URL) -> [URL] {
        var result: [URL] = []
        var current = url.standardizedFileURL
        for _ in 0..<8 {
            result.append(current)
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return result
    }

    static func isRoot(_ url: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: url.appendingPathComponent("Resources/labels/labels.tsv").path)
            && fm.fileExists(atPath: url.appendingPathComponent("Templates").path)
    }
}
