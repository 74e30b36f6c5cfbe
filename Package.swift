// swift-tools-version:6.0
import PackageDescription

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
        .target(name: "GovReportIngest", dependencies: ["CLibXML2"]),
        // Stage 2: sections, tables, labels, metadata.
        .target(name: "GovReportParse", dependencies: ["GovReportIngest"]),
        // Stage 3: consistency rules and inference.
        .target(name: "GovReportCheck", dependencies: ["GovReportParse"]),
        // Stage 4: grouping, indicators, links between years.
        .target(name: "GovReportAnalyse", dependencies: ["GovReportCheck"]),
        // Realistic generated reports with exact ground truth, for tests and the benchmark.
        .target(name: "GovReportCorpus", dependencies: ["GovReportParse"]),
        // Stage 5: Markdown through cmark, SVG charts, compiled Mustache templates, the site writer.
        .target(
            name: "GovReportRender",
            dependencies: [
                "GovReportAnalyse", "CCmark",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "govreport",
            dependencies: [
                "GovReportRender", "GovReportCorpus", "GovReportCheck",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Shared by the tests: the package root, the samples, the dictionary.
        .target(name: "TestSupport", dependencies: ["GovReportCheck"], path: "Tests/TestSupport"),
        // libFuzzer target over ingest, parse and check (Scripts/fuzz.sh); a replayer otherwise.
        .executableTarget(name: "govreport-fuzz", dependencies: ["GovReportCheck"]),
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
