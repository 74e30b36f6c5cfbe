/// Where a reporting body sits, from the largest unit down. Reports name as much of it as
/// they like; absent levels stay nil rather than guessed.
public struct Region: Sendable, Hashable, Codable, Comparable {
    public var province: String?
    public var city: String?
    /// District (区) or county (县), or a county-level city.
    public var district: String?
    /// Street office (街道) or town (镇/乡).
    public var street: String?

    public init(province: String? = nil, city: String? = nil, district: String? = nil, street: String? = nil) {
        self.province = province
        self.city = city
        self.district = district
        self.street = street
    }

    public var isEmpty: Bool { province == nil && city == nil && district == nil && street == nil }

    /// The region written as one name, as reports write it ("西安市雁塔区漳浒寨街道").
    public var name: String {
        // Joined in place (an array of the parts per call was a visible part of the index).
        var name = province ?? ""
        if let city { name += city }
        if let district { name += district }
        if let street { name += street }
        return name
    }

    public static func < (a: Region, b: Region) -> Bool { a.name < b.name }
}
