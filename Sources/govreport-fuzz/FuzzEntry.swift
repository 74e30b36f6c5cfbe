import Foundation
import GovReportCheck
import GovReportIngest
import GovReportParse

/// One fuzz input through the stages that read untrusted bytes: decoding, HTML, parsing and
/// checking. Built two ways: with `-DFUZZING -sanitize=fuzzer` it is a libFuzzer target
/// (`Scripts/fuzz.sh`); otherwise it replays the files it is given (regressions).
enum FuzzOne {
    static let parser: ReportParser = {
        guard let root = ResourceLocator.root(),
              let dictionary = try? LabelDictionary.load(from: root.appendingPathComponent("Resources/labels/labels.tsv")),
              let gazetteer = try? Gazetteer.load(from: root.appendingPathComponent("Resources/regions.tsv")) else {
            fatalError("run from the govreport folder: Resources/ not found")
        }
        return ReportParser(dictionary: dictionary, gazetteer: gazetteer)
    }()

    static func run(_ data: Data) {
        guard !TextEncoding.looksBinary(data), let (text, encoding) = TextEncoding.decode(data) else { return }
        let source: SourceText
        if text.drop { $0.isWhitespace }.first == "<" {
            // The direct reader must read a page as libxml2 does, or leave it to libxml2.
            precondition(HTMLText.readersAgree(onHTML: text), "the direct HTML reader differs from libxml2's")
            // (The page's lines in one buffer, as a build reads them; its lines as strings
            // make the same source.)
            let page = HTMLText.page(fromHTML: text)
            source = SourceText(path: "fuzz.html", page: page, encoding: encoding)
            let byLines = SourceText(path: "fuzz.html", lines: page.lines, originalLines: page.sourceLines, encoding: encoding)
            precondition(source.text == byLines.text && source.lines == byLines.lines, "a page's buffer differs from its lines")
        } else {
            source = SourceText(path: "fuzz.txt", text: text, encoding: encoding)
        }
        let checked = ConsistencyChecker().check(parser.parse(source))
        _ = checked.diagnostics.count
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzOne.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}

typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: FuzzCallback) -> CInt

/// SwiftPM links an executable target's entry point under this name; hand over to libFuzzer.
@_cdecl("govreport_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { bytes, size in fuzzTestOneInput(bytes, size) }
}
#else
@main
struct Replay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            FuzzOne.run(try Data(contentsOf: URL(fileURLWithPath: path)))
            print("ok \(path)")
        }
    }
}
#endif
