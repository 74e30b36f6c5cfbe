import GovReportAnalyse
import Foundation

/// The Mustache templates of the site: the bundled `Templates/` folder, with any file of the
/// same name in the user's `--templates` folder taking its place. Compiled once per build.
public struct TemplateSet: Sendable {
    public static let names = ["layout", "index", "report", "agency", "year", "city", "province", "quality"]

    let templates: [String: Template]
    /// Where each template was loaded from, for error messages.
    public let origins: [String: String]
    /// The templates' own text, hashed: a change of template invalidates the build cache.
    public let fingerprint: UInt64

    public init(defaults: URL, overrides: URL? = nil) throws(BuildError) {
        var templates: [String: Template] = [:]
        var origins: [String: String] = [:]
        var fingerprint = Fingerprint()
        for name in Self.names {
            var url = defaults.appendingPathComponent("\(name).mustache")
            if let overrides, FileManager.default.fileExists(atPath: overrides.appendingPathComponent("\(name).mustache").path) {
                url = overrides.appendingPathComponent("\(name).mustache")
            }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw .templates(path: url.path, reason: "cannot read template ‘\(name)’")
            }
            do {
                templates[name] = try Template(text)
            } catch {
                throw .templates(path: "\(url.path):\(error.line)", reason: "not a valid Mustache template: \(error.message)")
            }
            fingerprint.add(name)
            fingerprint.add(text)
            origins[name] = url.path
        }
        self.templates = templates
        self.origins = origins
        self.fingerprint = fingerprint.value
    }

    /// The page as UTF-8 bytes.
    func render(_ value: TemplateValue, _ name: String, keyed: KeyedSection? = nil) throws(BuildError) -> Data {
        guard let template = templates[name] else {
            throw .templates(path: origins[name] ?? name, reason: "template ‘\(name)’ not found")
        }
        return TemplateRenderer(library: templates).render(template, value, keyed: keyed).takeData()
    }

    func render(_ view: Any, _ name: String) throws(BuildError) -> Data {
        try render(TemplateValue(view), name)
    }
}
