import Foundation
import Mustache

/// The Mustache templates of the site: the bundled `Templates/` folder, with any file of the
/// same name in the user's `--templates` folder taking its place.
public struct TemplateSet: Sendable {
    public static let names = ["layout", "index", "report", "agency", "year", "city", "province", "quality"]

    let library: MustacheLibrary
    /// Where each template was loaded from, for error messages.
    public let origins: [String: String]

    public init(defaults: URL, overrides: URL? = nil) throws(BuildError) {
        var library = MustacheLibrary()
        var origins: [String: String] = [:]
        for name in Self.names {
            var url = defaults.appendingPathComponent("\(name).mustache")
            if let overrides, FileManager.default.fileExists(atPath: overrides.appendingPathComponent("\(name).mustache").path) {
                url = overrides.appendingPathComponent("\(name).mustache")
            }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw .templates(path: url.path, reason: "cannot read template ‘\(name)’")
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw .templates(path: url.path, reason: "not a valid Mustache template: \(error)")
            }
            origins[name] = url.path
        }
        self.library = library
        self.origins = origins
    }

    func render(_ object: Any, _ name: String) throws(BuildError) -> String {
        guard let html = library.render(object, withTemplate: name) else {
            throw .templates(path: origins[name] ?? name, reason: "template ‘\(name)’ not found")
        }
        return html
    }
}
