import Foundation
import GovReportIngest

/// Reads who published a report, about which year, in which region and when: from the title
/// line, the closing signature, or the chrome of the web page it was copied from.
struct MetadataExtractor {
    let source: SourceText
    /// The gazetteer's cities, to find where a city name starts in running text (its own
    /// table, not a set copied from it for every report: that copy hashed every city name).
    var gazetteer = Gazetteer()

    struct Result {
        var agency: Agency?
        var region = Region()
        var year: Int?
        var published: String?
        var titleLine: Int?
        var diagnostics: [Diagnostic] = []
    }

    /// The title and the date, as expressions: matched by `MetadataPatterns`, scalar by scalar;
    /// these are the reference a test holds it to.
    static let title = try! NSRegularExpression(pattern: #"^(.*?)(\d{4})\s*年度?\s*政府信息公开(?:工作)?年度?报告"#)
    static let date = try! NSRegularExpression(pattern: #"(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?"#)
    static let chrome = try! NSRegularExpression(pattern: #"(发布机构|发文机关|发布日期)\s*[:：]\s*([^\s:：]*)"#)
    static let signatureName = try! NSRegularExpression(
        pattern: #"^(\p{Han}{2,40}?(?:人民政府办公室|人民政府|办公室|办事处|委员会|管委会|局|中心|厅|署|院|政府))\s*(?:\d{4}\s*年.*)?$"#)
    /// The words a signature name ends with (one of them must be in the line for
    /// `signatureName` to match: a byte test first, the expression only on such lines).
    static let signatureEndings = ["办公室", "办事处", "委员会", "管委会", "局", "中心", "厅", "署", "院", "政府"]
    static let regionParts = try! NSRegularExpression(
        pattern: #"^(\p{Han}{2,6}?(?:省|自治区))?(\p{Han}{2,5}?市)?(\p{Han}{1,5}?(?:区|县|旗))?(\p{Han}{2,5}?(?:街道|镇|乡)(?=办事处|人民政府|政府|党工委|$))?"#)
    static let regionInText = try! NSRegularExpression(pattern: #"(\p{Han}{1,3})市(\p{Han}{1,4}?[区县])"#)
    /// (Matched by `MetadataPatterns.firstYear`; the reference a test holds it to.)
    static let firstYear = try! NSRegularExpression(pattern: #"^\s*(\d{4})\s*年"#)

    /// Whether 0-based line `i` holds `word`, looked for in the line's bytes where they are.
    func has(_ i: Int, _ word: String) -> Bool {
        source.withLineBytes(i) { line in word.withUTF8Bytes { ByteSearch.contains(line, $0) } }
    }

    func extract() -> Result {
        var result = Result()
        let lineCount = source.lineCount
        var titleAgency: String?

        for i in 0..<min(40, lineCount) {
            // The regular expressions only run on lines holding their fixed words (all of them:
            // the overview's paragraphs name 政府信息公开 too), looked for where the line is.
            guard has(i, "政府信息公开"), has(i, "报告") else { continue }
            let t = TextNormalizer.halfWidth(source.line(i)).trimmedSpaces
            if let m = MetadataPatterns.title(in: t) {
                let prefix = String(t[m.prefix]).trimmedSpaces
                result.year = Int(t[m.year])
                result.titleLine = i + 1
                // (Two characters or more: looked for past the first, not every character
                // counted — the count broke the whole name into characters.)
                if !prefix.isEmpty && !prefix.dropFirst().isEmpty { titleAgency = prefix }
                break
            }
        }

        // Web-page chrome: 发布机构 / 发文机关 / 发布日期.
        var chromeAgency: String?
        // (On the expression's own words: prose that only mentions 发布 is passed over. All
        // three start with 发: a line without it is passed over in one search, not three.)
        // (A text file none of whose text holds them is passed over in three searches, not
        // sixty: most reports were not copied from a web page.)
        let mayHaveChrome = source.wholeText.map { $0.includes("发布机构") || $0.includes("发布日期") || $0.includes("发文机关") } ?? true
        for i in 0..<(mayHaveChrome ? min(60, lineCount) : 0) where has(i, "发")
            && (has(i, "发布机构") || has(i, "发布日期") || has(i, "发文机关")) {
            let t = TextNormalizer.halfWidth(source.line(i))
            for m in Self.chrome.matches(in: t, range: NSRange(t.startIndex..., in: t)) {
                let field = String(t[t.scalarRange(m.range(at: 1))])
                let value = String(t[t.scalarRange(m.range(at: 2))])
                guard !value.isEmpty else { continue }
                if field == "发布日期", result.published == nil { result.published = Self.isoDate(value) }
                if field == "发布机构" || (field == "发文机关" && chromeAgency == nil) { chromeAgency = value }
            }
        }

        // Closing signature: the last lines, a body name and/or a date.
        var signatureAgency: String?
        var signatureLine: Int?
        // (By index from the end: reversing the enumerated lines made an array of all of them.)
        for i in (0..<lineCount).reversed().prefix(8) {
            let t = TextNormalizer.halfWidth(source.line(i)).trimmedSpaces
            // At most 60 characters (no more bytes than that says so without counting them).
            // (Counted by scalars where each is a character: counting characters broke the
            // text into graphemes for every longer line of every report's end.)
            guard !t.isEmpty, t.utf8.count <= 60 || (t.scalarsAreCharacters ? t.unicodeScalars.count : t.count) <= 60 else { continue }
            if signatureAgency == nil, Self.signatureEndings.contains(where: { t.includes($0) }),
               let name = Self.signatureAgencies.value(t, Self.signatureAgency(in:)) {
                signatureAgency = name
                signatureLine = i + 1
            }
            // (The digit looked for in the line's bytes: through the generic UTF-8 view it
            // cost some ten instructions a byte.)
            if t.withUTF8Bytes({ $0.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) }), let m = MetadataPatterns.date(in: t), m.whole == t.startIndex..<t.endIndex
                || t.hasSuffix("日") {
                let date = Self.isoDate(String(t[m.whole]))
                if result.published == nil { result.published = date }
            }
        }

        if let name = titleAgency {
            result.agency = Agency(name: name, source: .title)
        } else if let name = signatureAgency {
            result.agency = Agency(name: name, source: .signature)
            result.diagnostics.append(Diagnostic(.note, source.location(signatureLine ?? 0),
                                                 "no title line: agency ‘\(name)’ taken from the closing signature"))
        } else if let name = chromeAgency {
            result.agency = Agency(name: name, source: .webPageChrome)
            result.diagnostics.append(Diagnostic(.note, source.location(0),
                                                 "no title line or signature: agency ‘\(name)’ taken from the web page's 发布机构"))
        } else {
            result.diagnostics.append(Diagnostic(.warning, source.location(1), "agency not found (no title, signature or 发布机构)"))
        }

        if var agency = result.agency {
            result.region = Self.regions.value(agency.name, Self.region(of:))
            // "区人民政府办公室": the name leaves out its own region; complete it from the text.
            if result.region.city == nil && result.region.district == nil, let first = agency.name.first, "区县市镇".contains(first),
               let (city, district) = mostFrequentRegion() {
                result.region = Region(city: city, district: district)
                agency.printedName = agency.name
                agency.name = city + district + agency.name.dropFirst()
                result.diagnostics.append(Diagnostic(.note, source.location(0),
                    "agency printed as ‘\(agency.printedName!)’; completed as ‘\(agency.name)’ from the region the text names most (\(city)\(district))"))
            }
            result.agency = agency
        }

        if result.year == nil {
            for i in 0..<min(30, lineCount) {
                guard has(i, "年") else { continue }
                let t = TextNormalizer.halfWidth(source.line(i))
                // (A year of digits of another script is no year this program reads.)
                if let digits = MetadataPatterns.firstYear(in: t), let year = Int(t[digits]) {
                    result.year = year
                    result.diagnostics.append(Diagnostic(.note, source.location(i + 1),
                        "no title line: year \(year) taken from the opening sentence"))
                    break
                }
            }
        }
        if result.year == nil, let published = result.published, let y = Int(published.prefix(4)) {
            let month = Int(published.dropFirst(5).prefix(2)) ?? 1
            result.year = month <= 6 ? y - 1 : y
            result.diagnostics.append(Diagnostic(.warning, source.location(0),
                "year not stated: \(result.year!) inferred from the publication date \(published)"))
        }
        if result.year == nil {
            result.diagnostics.append(Diagnostic(.warning, source.location(1), "year reported on not found"))
        }
        return result
    }

    /// A date's ISO form, remembered by its text (the dates reports are signed on come back
    /// report after report; each read cost some five thousand instructions).
    static func isoDate(_ text: String) -> String? { isoDates.value(text, isoDateRead) }

    static let isoDates = TextMemo<String?>(limit: 4_096)

    /// `isoDate`, read from the text.
    static func isoDateRead(_ text: String) -> String? {
        guard let m = MetadataPatterns.date(in: text), let y = Int(text[m.year]), let mo = Int(text[m.month]), let d = Int(text[m.day]),
              (1...12).contains(mo), (1...31).contains(d) else { return nil }
        // As String(format: "%04d-%02d-%02d"), without the trip through Foundation's formatter.
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        }
        return padded(y, 4) + "-" + padded(mo, 2) + "-" + padded(d, 2)
    }

    /// Regions by agency name and the agency a signature line names, remembered across the
    /// build's reports: an agency's name and signature come back every year, and the two
    /// expressions cost some twenty thousand instructions a line each.
    static let regions = TextMemo<Region>()
    static let signatureAgencies = TextMemo<String?>()

    /// The agency a closing signature line names, if it is one (answered by `MetadataPatterns`
    /// where it can tell, by the expression otherwise).
    static func signatureAgency(in line: String) -> String? {
        if let known = MetadataPatterns.knownSignatureName(line) { return known ? line : nil }
        return Self.signatureName.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)).map {
            String(line[line.scalarRange($0.range(at: 1))])
        }
    }

    /// The region named at the start of an agency's name (a name of ideographs alone read by
    /// `MetadataPatterns`, any other by the expression).
    static func region(of name: String) -> Region {
        if let s = MetadataPatterns.ideographs(name) {
            let parts = MetadataPatterns.regionParts(ideographs: s).map { range in
                range.map { r in String(String.UnicodeScalarView(s[r].map { Unicode.Scalar($0)! })) }
            }
            return Region(province: parts[0], city: parts[1], district: parts[2], street: parts[3])
        }
        guard let m = regionParts.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) else { return Region() }
        func group(_ i: Int) -> String? {
            let r = m.range(at: i)
            return r.location == NSNotFound ? nil : String(name[name.scalarRange(r)])
        }
        return Region(province: group(1), city: group(2), district: group(3), street: group(4))
    }

    /// The "<city>市<district>区" the text names most. Running text gives no word boundaries,
    /// so the city is the known city ending at 市 if there is one, else its last two characters.
    func mostFrequentRegion() -> (String, String)? {
        var counts: [String: (count: Int, first: Int, city: String, district: String)] = [:]
        var order = 0
        for i in 0..<source.lineCount where has(i, "市") {
            let line = source.line(i)
            for m in Self.regionInText.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                let before = String(line[line.scalarRange(m.range(at: 1))])
                let district = String(line[line.scalarRange(m.range(at: 2))])
                let candidates = (1...before.count).map { String(before.suffix($0)) + "市" }
                let city = candidates.first { gazetteer.provinceOfCity[$0] != nil } ?? (String(before.suffix(2)) + "市")
                let key = city + district
                counts[key, default: (0, order, city, district)].count += 1
                order += 1
            }
        }
        return counts.values.max { ($0.count, -$0.first) < ($1.count, -$1.first) }.map { ($0.city, $0.district) }
    }
}
