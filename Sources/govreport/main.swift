import Foundation
import GovReportIngest
import GovReportParse
import GovReportCheck
import GovReportAnalyse

let root = ResourceLocator.root()!
let dict = try LabelDictionary.load(from: root.appendingPathComponent("Resources/labels/labels.tsv"))
for path in CommandLine.arguments.dropFirst() {
    let src = try SourceText.load(fileAt: URL(fileURLWithPath: path), displayPath: path)
    let r = ReportParser(dictionary: dict).parse(src)
    let c = ConsistencyChecker().check(r)
    print(ExportRecord.json(ExportRecord.object(c)))
    for d in c.diagnostics { print(d) }
}
