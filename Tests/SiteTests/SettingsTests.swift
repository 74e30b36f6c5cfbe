import Foundation
@testable import GovReportRender
import TestSupport
import Testing

/// Site settings from YAML, the sitemap, and `--standalone` pages.
@Suite struct SettingsTests {
    func write(_ yaml: String) throws -> URL {
        let url = Fixtures.temporaryFolder().appendingPathComponent("govreport.yml")
        try Data(yaml.utf8).write(to: url)
        return url
    }

    @Test func yamlSettingsShapeTheSite() throws {
        let url = try write("""
        title: 西安市政府信息公开年报汇总
        subtitle: 市政务公开办
        base_url: https://gk.example.gov.cn/annual
        language: zh-Hans-CN
        lead_indicators: [received, refusal_rate, reviews]
        """)
        let settings = try SiteSettings.load(from: url)
        #expect(settings.baseURL == "https://gk.example.gov.cn/annual/")
        #expect(settings.leadIndicators == [.received, .refusal_rate, .reviews])
        let result = try SiteBuilder(resources: Fixtures.root, settings: settings).build(["Resources/samples"], relativeTo: Fixtures.root)
        let index = String(decoding: result.files["index.html"]!, as: UTF8.self)
        #expect(index.contains("<html lang=\"zh-Hans-CN\">"))
        #expect(index.contains("<h1>西安市政府信息公开年报汇总</h1>"))
        #expect(index.contains("<th scope=\"col\">新收申请</th><th scope=\"col\">不予公开率</th><th scope=\"col\">复议诉讼</th>"))
        let sitemap = String(decoding: try #require(result.files["sitemap.xml"]), as: UTF8.self)
        #expect(sitemap.contains("<loc>https://gk.example.gov.cn/annual/index.html</loc>"))
        #expect(sitemap.components(separatedBy: "<url>").count - 1 == result.files.keys.filter { $0.hasSuffix(".html") }.count)
        #expect(XHTMLDocument(data: Data(sitemap.utf8)).wellFormed)
    }

    @Test func badSettingsNameTheFileAndTheProblem() throws {
        for (yaml, fragment) in [("lead_indicators: [speed]", "unknown indicator ‘speed’"),
                                 ("base_url: ftp://x", "base_url must be an http(s) URL"),
                                 ("language: '<script>'", "language tag"),
                                 ("title: [unclosed", "not valid settings")] {
            let url = try write(yaml)
            #expect(throws: BuildError.self) { try SiteSettings.load(from: url) }
            do { _ = try SiteSettings.load(from: url) } catch {
                #expect(error.description.hasPrefix(url.path + ": error: "))
                #expect(error.description.contains(fragment), "\(error.description)")
            }
        }
        #expect(try SiteBuilder(resources: Fixtures.root).build(["Resources/samples"], relativeTo: Fixtures.root).files["sitemap.xml"] == nil)
    }

    @Test func standalonePagesCarryTheirStyleAllowedByHash() throws {
        var settings = SiteSettings()
        settings.standalone = true
        let result = try SiteBuilder(resources: Fixtures.root, settings: settings).build(["Resources/samples"], relativeTo: Fixtures.root)
        #expect(result.files["assets/style.css"] == nil)
        let css = try Data(contentsOf: Fixtures.root.appendingPathComponent("Resources/style.css"))
        let hash = Data(SHA256.digest(Array(css))).base64EncodedString()
        for (path, data) in result.files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("rel=\"stylesheet\""), "\(path)")
            #expect(html.contains("<style>" + String(decoding: css, as: UTF8.self) + "</style>"), "\(path)")
            #expect(html.contains("style-src 'sha256-\(hash)'"), "\(path)")
        }
    }

    @Test func sha256KnownAnswers() {
        func hex(_ s: String) -> String { SHA256.digest(Array(s.utf8)).map { String(format: "%02x", $0) }.joined() }
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
