import GovReportCheck
import GovReportParse

/// The three tables of a report laid out as the official format prints them, with the
/// official row and column labels.
struct ReportTables {
    struct ProactiveTable {
        let article: String
        let columns: [String]
        let rows: [RowView]
    }

    struct ApplicationsTable {
        let rows: [RowView]
    }

    struct ReviewTable {
        let cells: [CellView]
    }

    let proactive: [ProactiveTable]
    let applications: ApplicationsTable?
    let reviews: ReviewTable?

    init(_ checked: CheckedReport) {
        let cells = FigureCells(checked)
        guard let edition = checked.report.edition, edition.hasTables, let layout = Self.layouts[edition] else {
            proactive = []
            applications = nil
            reviews = nil
            return
        }
        func row(_ r: Layout.Row) -> RowView { RowView(id: r.id, headers: r.headers, cells: r.keys.map(cells.cell), cls: r.cls) }
        proactive = layout.proactive.map { ProactiveTable(article: $0.article, columns: $0.columns, rows: $0.rows.map(row)) }
        applications = ApplicationsTable(rows: layout.applications.map(row))
        reviews = ReviewTable(cells: FigureKeys.reviewPlacedKeys.map { cells.cell($0) })
    }

    /// The tables of an edition without their cells: tables, rows, headers, classes and the
    /// keys of each row's cells. The same for every report of the edition, so made once (the
    /// headers' grouping hashed and compared Chinese group names on every report page).
    struct Layout {
        struct Row {
            let id: String
            let headers: [HeaderCellView]
            let cls: String
            let keys: [PlacedKey]
        }

        struct Proactive {
            let article: String
            let columns: [String]
            let rows: [Row]
        }

        let proactive: [Proactive]
        let applications: [Row]

        init(_ edition: Edition) {
            var tables: [Proactive] = []
            for row in FigureKeys.proactiveRows(edition) {
                let view = Row(id: "proactive-\(row.key)", headers: [HeaderCellView(text: row.label, rowspan: 1, colspan: 1)],
                               cls: "", keys: FigureKeys.proactivePlacedKeys(row, edition))
                if let last = tables.last, last.article == row.article, last.columns == row.columns.map(\.label) {
                    tables[tables.count - 1] = Proactive(article: last.article, columns: last.columns, rows: last.rows + [view])
                } else {
                    tables.append(Proactive(article: row.article, columns: row.columns.map(\.label), rows: [view]))
                }
            }
            proactive = tables

            let rows = FigureKeys.applicationRows(edition)
            let outcomeCount = FigureKeys.outcomeRows(edition).count + 1
            var views: [Row] = []
            var seenGroups = Set<String>()
            for row in rows {
                var headers: [HeaderCellView] = []
                switch row.key {
                case "new", "carried_over", "carried_forward":
                    headers.append(HeaderCellView(text: row.label, rowspan: 1, colspan: 3))
                default:
                    if row.key == "disclosed" {
                        headers.append(HeaderCellView(text: "三、本年度办理结果", rowspan: outcomeCount, colspan: 1))
                    }
                    if let group = row.group {
                        if seenGroups.insert(group).inserted {
                            headers.append(HeaderCellView(text: group, rowspan: rows.filter { $0.group == group }.count, colspan: 1))
                        }
                        headers.append(HeaderCellView(text: row.label, rowspan: 1, colspan: 1))
                    } else {
                        headers.append(HeaderCellView(text: row.label, rowspan: 1, colspan: 2))
                    }
                }
                views.append(Row(id: "row-\(row.key)", headers: headers, cls: row.key == "outcome_total" ? "total" : "",
                                 keys: FigureKeys.applicationPlacedKeys(row.key)))
            }
            applications = views
        }
    }

    static let layouts: [Edition: Layout] = Dictionary(uniqueKeysWithValues: Edition.allCases.filter(\.hasTables).map { ($0, Layout($0)) })
}
