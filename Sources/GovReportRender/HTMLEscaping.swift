/// Escaping for text placed in HTML and SVG, in element content and in quoted attributes.
/// Everything from a report passes through here or through Mustache's `{{ }}`, which
/// escapes the same five characters.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
