import CCmark
import Foundation
import GovReportIngest

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

    /// Renders Markdown written by users (notes), keeping only links and images whose
    /// destination is http(s), mailto or relative: anything else (javascript:, data:, file:,
    /// ftp:…) loses its destination. Raw HTML is shown escaped, as text, unless `options` has
    /// `.unsafe`.
    public static func userHTML(_ markdown: String, options: Options = .default) -> String {
        let bytes = Array(markdown.utf8)
        guard let document = bytes.withUnsafeBufferPointer({ p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(bytes.count, 1)) {
                cmark_parse_document($0, bytes.count, options.rawValue)
            }
        }) else { return "" }
        defer { cmark_node_free(document) }
        var rawHTML: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK { rawHTML.append(node) }
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else { continue }
            if !isAllowedDestination(String(cString: url)) { cmark_node_set_url(node, "") }
        }
        cmark_iter_free(iterator)
        if !options.contains(.unsafe) {
            // Raw HTML is shown as the text it is, escaped, rather than dropped: the reader sees
            // what the author wrote.
            for node in rawHTML {
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                let block = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
                let text = cmark_node_new(CMARK_NODE_TEXT)
                cmark_node_set_literal(text, block ? literal.trimmingCharacters(in: .newlines) : literal)
                if block {
                    let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)
                    cmark_node_append_child(paragraph, text)
                    cmark_node_insert_before(node, paragraph)
                } else {
                    cmark_node_insert_before(node, text)
                }
                cmark_node_free(node)
            }
        }
        guard let html = cmark_render_html(document, options.rawValue) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// http(s), mailto, fragments and relative paths.
    public static func isAllowedDestination(_ url: String) -> Bool {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let colon = trimmed.firstIndex(of: ":") else { return true }
        let scheme = trimmed[..<colon]
        // A colon after a slash, ? or # is part of a relative path, not a scheme.
        if scheme.contains(where: { "/?#".contains($0) }) { return true }
        return ["http", "https", "mailto"].contains(String(scheme))
    }

    /// The version of the linked libcmark, e.g. "0.30.2".
    public static var cmarkVersion: String { String(cString: cmark_version_string()) }

    /// Escapes text for inclusion in Markdown so that figures and names from reports are
    /// shown literally (no emphasis, links or HTML).
    public static func escape(_ text: String) -> String {
        // The punctuation is ASCII: text without any of its bytes (most text) is returned as
        // it is, text whose scalars are characters is escaped scalar by scalar.
        let special = escapedBytes
        guard text.utf8.contains(where: { special[Int($0)] }) else { return text }
        var out = ""
        guard text.scalarsAreCharacters else {
            for c in text {
                if escapedPunctuation.contains(c) { out.append("\\") }
                out.append(c)
            }
            return out
        }
        var scalars = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if u.isASCII && special[Int(u.value)] { scalars.append("\\") }
            scalars.append(u)
        }
        return String(scalars)
    }

    /// The punctuation Markdown gives meaning to, escaped wherever it appears.
    static let escapedPunctuation = "\\`*_{}[]()#+-.!<>&|~"

    /// Which bytes are that punctuation, by value.
    static let escapedBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b in escapedPunctuation.utf8 { table[Int(b)] = true }
        return table
    }()
}
