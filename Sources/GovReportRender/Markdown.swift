import CCmark
import Foundation

/// The one way prose becomes HTML on the site: CommonMark through libcmark. Raw HTML in the
/// Markdown is dropped unless the caller opts in, so text from reports and notes cannot
/// inject markup.
public enum Markdown {
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// Curly quotes, en and em dashes, ellipses.
        public static let smart = Options(rawValue: CMARK_OPT_SMART)
        /// Replace invalid UTF-8 with U+FFFD instead of passing it through.
        public static let validateUTF8 = Options(rawValue: CMARK_OPT_VALIDATE_UTF8)
        /// Keep raw HTML and dangerous links. Off by default; only for trusted input.
        public static let unsafe = Options(rawValue: CMARK_OPT_UNSAFE)
        /// Soft line breaks as `<br />`.
        public static let hardBreaks = Options(rawValue: CMARK_OPT_HARDBREAKS)

        public static let `default`: Options = [.smart, .validateUTF8]
    }

    /// Renders CommonMark to an HTML fragment.
    public static func html(_ markdown: String, options: Options = .default) -> String {
        let bytes = Array(markdown.utf8)
        guard let buffer = bytes.withUnsafeBufferPointer({ p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                cmark_markdown_to_html($0, bytes.count, options.rawValue)
            }
        }) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// The version of the linked libcmark, e.g. "0.30.2".
    public static var cmarkVersion: String { String(cString: cmark_version_string()) }

    /// Escapes text for inclusion in Markdown so that figures and names from reports are
    /// shown literally (no emphasis, links or HTML).
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_{}[]()#+-.!<>&|~".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
