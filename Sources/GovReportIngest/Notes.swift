import Foundation

/// Commentary users write in Markdown for the site: a `.md` file beside a report (same name)
/// for that report's page, and in a notes folder `<report file name>.md` for a report or
/// `<agency name>.md` for an agency's page.
public struct Notes: Sendable {
    /// Report source path → Markdown.
    public var reports: [String: String] = [:]
    /// File stem in the notes folder → Markdown (matched against agency names and report stems).
    public var named: [String: String] = [:]

    public init() {}

    /// - Parameter listed: the `.md` names of folders already listed (`InputCollector.collectListing`);
    ///   other folders are listed here.
    public static func collect(beside inputs: [InputCollector.Input], folder: URL?,
                               listed: [String: Set<String>] = [:]) -> (Notes, [IngestError]) {
        var notes = Notes()
        var errors: [IngestError] = []
        func read(_ url: URL, _ display: String) -> String? {
            guard let data = try? Data(contentsOf: url) else { errors.append(.unreadable(path: display, reason: "cannot read notes")); return nil }
            guard let (text, _) = TextEncoding.decode(data) else { errors.append(.undecodable(path: display)); return nil }
            return text
        }
        // One listing per folder instead of one lookup per report; the inputs come folder by
        // folder, so a folder is looked up once for its run of reports, and a folder without
        // a note costs nothing more per report (hashing every report's folder and name was a
        // tenth of a rebuild's serial reading).
        var listings: [String: Set<String>] = [:]
        var current: (name: Substring, folder: String, notes: Set<String>)?
        for input in inputs {
            let name = PathName.folder(input.path) ?? "."
            if current == nil || !String.sameBytes(current!.name, name) {
                let folder = name.isEmpty ? "/" : String(name)
                if listings[folder] == nil {
                    listings[folder] = listed[folder] ?? Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                }
                current = (name, folder, listings[folder]!.filter { $0.hasSuffix(".md") })
            }
            guard let (_, folder, notesHere) = current, !notesHere.isEmpty else { continue }
            let stem = String(PathName.stem(PathName.lastComponent(input.path)))
            if notesHere.contains(stem + ".md"),
               let text = read(URL(fileURLWithPath: folder).appendingPathComponent(stem + ".md"), (input.displayPath as NSString).deletingPathExtension + ".md") {
                notes.reports[input.displayPath] = text
            }
        }
        if let folder {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            if names.isEmpty && !FileManager.default.fileExists(atPath: folder.path) { errors.append(.notFound(path: folder.path)) }
            for name in names.sorted() where name.lowercased().hasSuffix(".md") {
                if let text = read(folder.appendingPathComponent(name), folder.appendingPathComponent(name).path) {
                    notes.named[String(name.dropLast(3))] = text
                }
            }
        }
        return (notes, errors)
    }

    /// The notes for a report: beside it, or in the folder under its file name.
    public func forReport(source: String) -> String? {
        if !reports.isEmpty, let text = reports[source] { return text }
        guard !named.isEmpty else { return nil }
        return named[String(PathName.stem(PathName.lastComponent(source)))]
    }

    public func forAgency(_ name: String) -> String? { named.isEmpty ? nil : named[name] }
}
