import Foundation

/// Which province a city belongs to, from `Resources/regions.tsv`. Reports name their city
/// and district but rarely their province; the gazetteer fills it in (a fact, not a guess,
/// and only for cities it lists).
public struct Gazetteer: Sendable {
    public let provinceOfCity: [String: String]

    public init(provinceOfCity: [String: String] = [:]) {
        self.provinceOfCity = provinceOfCity
    }

    public static func load(from url: URL) throws -> Gazetteer {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw LabelDictionary.LoadError.unreadable(url.path) }
        var map: [String: String] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t").map(String.init)
            guard parts.count == 2 else { throw LabelDictionary.LoadError.malformed(path: url.lastPathComponent, line: i + 1) }
            map[parts[0]] = parts[1]
        }
        return Gazetteer(provinceOfCity: map)
    }

    /// The region with its province filled in where the city is known.
    public func complete(_ region: Region) -> Region {
        guard region.province == nil, let city = region.city, let province = provinceOfCity[city] else { return region }
        var r = region
        if province != city { r.province = province }
        return r
    }
}
