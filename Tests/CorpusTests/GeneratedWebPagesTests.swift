import Foundation
import GovReportCorpus
@testable import GovReportIngest
import Testing

/// The generated web pages (their tables, prose, titles, charsets) read by the streaming
/// reader give exactly the lines and source lines of the walk over libxml2's document tree;
/// every one is read by the direct reader (`HTMLDirectReader`), not left to libxml2.
@Suite struct GeneratedWebPagesTests {
    @Test func generatedPagesReadAsTheTreeReadsThem() throws {
        let generator = CorpusGenerator(options: .init(count: 400, seed: 11))
        var pages = 0
        for i in 0..<400 {
            let item = generator.item(i)
            guard item.path.hasSuffix(".html"), let (text, _) = TextEncoding.decode(item.bytes) else { continue }
            pages += 1
            let tree = HTMLText.linesByTree(fromHTML: text)
            let events = HTMLText.lines(fromHTML: text)
            #expect(tree.lines.count > 20, "\(item.path)")
            #expect(events.lines == tree.lines, "\(item.path)")
            #expect(events.sourceLines == tree.sourceLines, "\(item.path)")
            // Read by the direct reader, not left to libxml2 (its lines are the events' above).
            #expect(HTMLDirectReader.lines(HTMLText.utf8DeclaringCharset(text)) != nil, "\(item.path)")
        }
        #expect(pages >= 20)
    }
}
