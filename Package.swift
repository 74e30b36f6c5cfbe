// swift-tools-version:6.0
import PackageDescription

// Release builds carry the Swift runtime, libdispatch and Foundation inside the program
// instead of loading them (what `swift build --static-swift-stdlib` does, made the default):
// each call into the runtime — retains and releases are a sixth of a build — is then a
// direct call rather than one through the dynamic linker's table, and the program starts
// without binding thousands of symbols. Extraction and a full build of 10,000 reports took
// × 0.90 and × 0.92 the time in paired runs (README, "Speed"). Every module that imports
// Foundation is compiled against the static runtime's module maps too, so that their
// objects ask the linker for the libraries static Foundation needs. Debug builds and the
// tests link dynamically.
// (Linux only: Apple's platforms have no static Swift runtime.)
// Release builds also optimise across the program's modules (`-cross-module-optimization`:
// the stages' small functions and generic code specialised where another stage calls them),
// 0.5 % fewer instructions for a build; `-enable-cmo-everything` fails to link.
let staticRuntime: [SwiftSetting] = [.unsafeFlags(["-static-stdlib", "-cross-module-optimization"], .when(platforms: [.linux], configuration: .release))]
let staticLink: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]

let package = Package(
    name: "govreport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "govreport", targets: ["govreport"]),
        .library(name: "GovReportRender", targets: ["GovReportRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev). Every piece of prose goes through it.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libxml2's HTML parser, for reports saved as web pages (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Stage 1: files, encodings, HTML, line numbers, diagnostics.
        .target(name: "GovReportIngest", dependencies: ["CLibXML2"], swiftSettings: staticRuntime),
        // Stage 2: sections, tables, labels, metadata.
        .target(name: "GovReportParse", dependencies: ["GovReportIngest"], swiftSettings: staticRuntime),
        // Stage 3: consistency rules and inference.
        .target(name: "GovReportCheck", dependencies: ["GovReportParse"], swiftSettings: staticRuntime),
        // Stage 4: grouping, indicators, links between years.
        .target(name: "GovReportAnalyse", dependencies: ["GovReportCheck"], swiftSettings: staticRuntime),
        // Realistic generated reports with exact ground truth, for tests and the benchmark.
        .target(name: "GovReportCorpus", dependencies: ["GovReportParse"], swiftSettings: staticRuntime),
        // Stage 5: Markdown through cmark, SVG charts, compiled Mustache templates, the site writer.
        .target(
            name: "GovReportRender",
            dependencies: [
                "GovReportAnalyse", "CCmark",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: staticRuntime
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "govreport",
            dependencies: [
                "GovReportRender", "GovReportCorpus", "GovReportCheck",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticRuntime,
            linkerSettings: staticLink
        ),
        // Shared by the tests: the package root, the samples, the dictionary.
        .target(name: "TestSupport", dependencies: ["GovReportCheck"], path: "Tests/TestSupport"),
        // libFuzzer target over ingest, parse and check (Scripts/fuzz.sh); a replayer otherwise.
        .executableTarget(name: "govreport-fuzz", dependencies: ["GovReportCheck"], swiftSettings: staticRuntime, linkerSettings: staticLink),
        .testTarget(name: "IngestTests", dependencies: ["GovReportIngest", "TestSupport"]),
        .testTarget(name: "ParseTests", dependencies: ["GovReportParse", "TestSupport"], exclude: ["FuzzRegressions"]),
        .testTarget(name: "CheckTests", dependencies: ["GovReportCheck", "TestSupport"]),
        .testTarget(name: "CorpusTests", dependencies: ["GovReportCorpus", "GovReportRender", "TestSupport"]),
        // swift-mustache is the reference the template engine is compared with, byte for byte.
        .testTarget(name: "RenderTests", dependencies: [
            "GovReportRender", "GovReportCorpus", "TestSupport", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .testTarget(name: "SiteTests", dependencies: ["GovReportRender", "TestSupport"]),
        // Runs the built `govreport` binary as a user would: exit codes, output formats.
        .testTarget(name: "CLITests", dependencies: ["govreport", "TestSupport"]),
    ]
)
