import Foundation

/// What a generated report says, exactly: the ground truth the accuracy test compares the
/// parser and the checker against. Written as one JSON line per report in `truth.jsonl`.
public struct ReportTruth: Codable, Sendable, Equatable {
    public var file: String
    public var agency: String
    public var province: String?
    public var city: String?
    public var district: String?
    public var street: String?
    public var year: Int
    public var template: String
    public var published: String?
    /// Every figure the report states: a number, or nil for a cell printed blank. Cells the
    /// text lost (damage) are absent.
    public var figures: [String: Double?]
    /// The rules the report breaks on purpose (empty for a clean report).
    public var brokenRules: [Int]
    public var layout: String
    public var encoding: String
    public var damage: [String]

    enum CodingKeys: String, CodingKey {
        case file, agency, province, city, district, street, year, template, published, figures
        case brokenRules = "broken_rules", layout, encoding, damage
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(agency, forKey: .agency)
        try c.encode(province, forKey: .province)
        try c.encode(city, forKey: .city)
        try c.encode(district, forKey: .district)
        try c.encode(street, forKey: .street)
        try c.encode(year, forKey: .year)
        try c.encode(template, forKey: .template)
        try c.encode(published, forKey: .published)
        // Explicit nulls for blank cells.
        var f = c.nestedContainer(keyedBy: AnyKey.self, forKey: .figures)
        for (k, v) in figures.sorted(by: { $0.key < $1.key }) { try f.encode(v, forKey: AnyKey(k)) }
        try c.encode(brokenRules, forKey: .brokenRules)
        try c.encode(layout, forKey: .layout)
        try c.encode(encoding, forKey: .encoding)
        try c.encode(damage, forKey: .damage)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        agency = try c.decode(String.self, forKey: .agency)
        province = try c.decodeIfPresent(String.self, forKey: .province)
        city = try c.decodeIfPresent(String.self, forKey: .city)
        district = try c.decodeIfPresent(String.self, forKey: .district)
        street = try c.decodeIfPresent(String.self, forKey: .street)
        year = try c.decode(Int.self, forKey: .year)
        template = try c.decode(String.self, forKey: .template)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        let f = try c.nestedContainer(keyedBy: AnyKey.self, forKey: .figures)
        var figures: [String: Double?] = [:]
        for key in f.allKeys { figures[key.stringValue] = .some(try f.decodeIfPresent(Double.self, forKey: key)) }
        self.figures = figures
        brokenRules = try c.decode([Int].self, forKey: .brokenRules)
        layout = try c.decode(String.self, forKey: .layout)
        encoding = try c.decode(String.self, forKey: .encoding)
        damage = try c.decode([String].self, forKey: .damage)
    }

    init(file: String, agency: String, region: (String?, String?, String?, String?), year: Int, template: String,
         published: String?, figures: [String: Double?], brokenRules: [Int], layout: String, encoding: String, damage: [String]) {
        self.file = file
        self.agency = agency
        (province, city, district, street) = region
        self.year = year
        self.template = template
        self.published = published
        self.figures = figures
        self.brokenRules = brokenRules
        self.layout = layout
        self.encoding = encoding
        self.damage = damage
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
