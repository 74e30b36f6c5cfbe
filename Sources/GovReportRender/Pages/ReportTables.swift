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
        guard let edition = checked.report.edition, edition.hasTables else {
            proactive = []
            applications = nil
            reviews = nil
            return
        }
        var tables: [ProactiveTable] = []
        for row in FigureKeys.proactiveRows(edition) {
            let view = RowView(id: "proactive-\(row.key)", headers: [HeaderCellView(text: row.label, rowspan: 1, colspan: 1)],
                               cells: FigureKeys.proactivePlacedKeys(row, edition).map(cells.cell), cls: "")
            if let last = tables.last, last.article == row.article, last.columns == row.columns.map(\.label) {
                tables[tables.count - 1] = ProactiveTable(article: last.article, columns: last.columns, rows: last.rows + [view])
            } else {
                tables.append(ProactiveTable(article: row.article, columns: row.columns.map(\.label), rows: [view]))
            }
        }
        proactive = tables

        let rows = FigureKeys.applicationRows(edition)
        let outcomeCount = FigureKeys.outcomeRows(edition).count + 1
        var views: [RowView] = []
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
            let rowCells = FigureKeys.applicationPlacedKeys(row.key).map(cells.cell)
            views.append(RowView(id: "row-\(row.key)", headers: headers, cells: rowCells,
                                 cls: row.key == "outcome_total" ? "total" : ""))
        }
        applications = ApplicationsTable(rows: views)
        reviews = ReviewTable(cells: FigureKeys.reviewPlacedKeys.map { cells.cell($0) })
    }
}
