import Testing
@testable import GovReportRender

/// Fields are found by their names' keys, then their text: what a name scan would find.
@Suite struct TemplateObjectTests {
    /// `field(key:name:)` with the name's bytes.
    static func field(_ value: TemplateValue, _ name: String, key: UInt64? = nil) -> TemplateValue? {
        var name = name
        return name.withUTF8 { value.field(key: key ?? TemplateName.key(String(decoding: $0, as: UTF8.self)), name: $0) }
    }

    @Test func keyedLookupsFindWhatTheNamesSay() {
        // Names short enough to be their own key and longer ones that are hashed, ASCII and not.
        let letters = ["a", "b", "_", "1", "政", "é", "A"]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var names: [String] = []
            while names.count < 12 {
                let name = (0..<Int.random(in: 0...14, using: &random)).map { _ in letters.randomElement(using: &random)! }.joined()
                if !names.contains(name) { names.append(name) }
            }
            let present = Array(names.prefix(8)), absent = names.suffix(4)
            var object = TemplateObject()
            for (i, name) in present.enumerated() { object.set(name, .text("v\(i)")) }
            let shared = TemplateObject(names: TemplateName.list(present), values: present.indices.map { .text("v\($0)") })
            for (i, name) in present.enumerated() {
                #expect(object[name] == .text("v\(i)"), "\(name.debugDescription)")
                #expect(shared[name, TemplateName.key(name)] == .text("v\(i)"))
                #expect(TemplateValue.object(shared).field(name, key: TemplateName.key(name)) == .text("v\(i)"))
                // As a template's name is looked up: by its key and bytes.
                #expect(Self.field(.object(shared), name) == .text("v\(i)"), "\(name.debugDescription)")
            }
            for name in absent {
                #expect(object[name] == nil && shared[name] == nil, "\(name.debugDescription)")
                #expect(Self.field(.object(shared), name) == nil, "\(name.debugDescription)")
            }
            // Setting a present name replaces its value.
            object.set(present[3], .bool(true))
            #expect(object[present[3]] == .bool(true) && object.names.count == present.count)
        }
    }

    @Test func namesSharingAKeyAreToldApartByTheirText() {
        let object = TemplateObject(names: [TemplateName("first", key: 7), TemplateName("second", key: 7), TemplateName("third", key: 8)],
                                    values: [.text("1"), .text("2"), .null])
        #expect(object["second", 7] == .text("2"))
        #expect(object["first", 7] == .text("1"))
        #expect(object["other", 7] == nil)
        // Null reads as absent, so that lookups climb.
        #expect(object["third", 8] == nil)
        // Long names (hashed keys) sharing a key, looked up by bytes as templates do.
        let hashed: UInt64 = 1 << 63 | 7
        let long = TemplateObject(names: [TemplateName("firstLongName", key: hashed), TemplateName("secondLongName", key: hashed)],
                                  values: [.text("1"), .text("2")])
        #expect(Self.field(.object(long), "secondLongName", key: hashed) == .text("2"))
        #expect(Self.field(.object(long), "firstLongName", key: hashed) == .text("1"))
        #expect(Self.field(.object(long), "otherLongName", key: hashed) == nil)
        // Distinct short names have distinct keys: a key of eight bytes or fewer is the bytes.
        #expect(TemplateName.key("cells") != TemplateName.key("cell") && TemplateName.key("ab") != TemplateName.key("ba"))
    }
}
