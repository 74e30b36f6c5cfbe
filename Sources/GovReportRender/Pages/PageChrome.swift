/// What every page's layout needs: where the site root is relative to the page (so links
/// stay relative and the site works from `file://`), the title and the breadcrumbs.
struct PageChrome {
    struct Crumb {
        let label: String
        let href: String?
        /// The page itself: marked `aria-current`.
        let current: Bool

        init(label: String, href: String?, current: Bool = false) {
            self.label = label
            self.href = href
            self.current = current
        }
    }

    /// "" for pages at the root, "../" for pages one folder down.
    let root: String
    let title: String
    let siteTitle: String
    let crumbs: [Crumb]
    let stylesheet: String
    let generator: String
    /// The `lang` of the page (settings: `language`).
    let language: String
    let subtitle: String?
    /// The stylesheet's text for `--standalone` pages, which carry their CSS inline.
    var inlineStyle: String? = nil
    /// The Content-Security-Policy: no script, no external load.
    var contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
}

/// One table cell as shown: its text, CSS classes and a tooltip explaining it.
struct CellView: Sendable {
    let text: String
    let cls: String
    let note: String?
    /// The canonical figure key, written as `data-key` so the page can be read back.
    let key: String?

    init(text: String, cls: String, note: String? = nil, key: String? = nil) {
        self.text = text
        self.cls = cls
        self.note = note
        self.key = key
    }
}

/// A header cell of a table body row, with its spans.
struct HeaderCellView: Sendable {
    let text: String
    /// nil when 1, so that templates write the attribute only when it matters
    /// (Mustache sees stored properties only).
    let rowspan: String?
    let colspan: String?

    init(text: String, rowspan: Int, colspan: Int) {
        self.text = text
        self.rowspan = rowspan > 1 ? String(rowspan) : nil
        self.colspan = colspan > 1 ? String(colspan) : nil
    }
}

struct RowView: Sendable {
    let id: String
    let headers: [HeaderCellView]
    let cells: [CellView]
    let cls: String
}

struct IssueView {
    let kind: String
    /// "第 12 行：", or empty when the issue concerns the whole file.
    let at: String
    let text: String
    let anchor: String

    init(kind: String, line: Int, text: String, anchor: String) {
        self.kind = kind
        at = line > 0 ? "第 \(line) 行：" : ""
        self.text = text
        self.anchor = anchor
    }
}

struct LinkView {
    let label: String
    let href: String
    let current: Bool
}
