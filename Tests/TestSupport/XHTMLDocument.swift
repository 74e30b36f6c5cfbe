import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A generated page read back with an XML parser: the site writes XHTML-compatible HTML, so
/// a strict parser both proves it well-formed and collects its links, ids and SVG values.
public final class XHTMLDocument: NSObject, XMLParserDelegate {
    public private(set) var wellFormed = false
    public private(set) var error: String?
    /// Every href and src, in order.
    public private(set) var links: [String] = []
    public private(set) var ids: Set<String> = []
    public private(set) var svgCount = 0
    /// `data-key` → `data-value` of the elements inside SVG charts.
    public private(set) var chartValues: [(key: String, value: String)] = []
    /// The attribute dictionaries of every element, for targeted checks.
    public private(set) var elements: [(name: String, attributes: [String: String])] = []
    /// Text of the table cells that carry a figure key (`<td data-key=…>`), outside charts.
    public private(set) var cellText: [String: String] = [:]

    private var svgDepth = 0
    private var keyStack: [String?] = []

    public init(data: Data) {
        super.init()
        // The DOCTYPE "html" has no DTD; XMLParser accepts it as is.
        let parser = XMLParser(data: data)
        parser.delegate = self
        wellFormed = parser.parse()
        if !wellFormed { error = parser.parserError.map { "\($0)" } ?? "unknown error" }
    }

    public convenience init(contentsOf url: URL) throws {
        self.init(data: try Data(contentsOf: url))
    }

    public func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                       attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        if let href = attributes["href"] { links.append(href) }
        if let src = attributes["src"] { links.append(src) }
        if let id = attributes["id"] { ids.insert(id) }
        if name == "svg" { svgCount += 1; svgDepth += 1 }
        keyStack.append(name == "td" && svgDepth == 0 ? attributes["data-key"] : nil)
        if let key = keyStack.last ?? nil { cellText[key] = "" }
        if svgDepth > 0, let key = attributes["data-key"], let value = attributes["data-value"] {
            chartValues.append((key, value))
        }
    }

    public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "svg" { svgDepth -= 1 }
        keyStack.removeLast()
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let key = keyStack.last ?? nil { cellText[key, default: ""] += string }
    }
}
