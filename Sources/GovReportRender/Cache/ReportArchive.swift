import GovReportCheck
import GovReportIngest
import GovReportParse

/// What reading one input gave: a checked report, or the error that stopped it. This is what
/// the build cache keeps per input file.
enum ReadOutcome: Sendable {
    case report(CheckedReport)
    case failure(Diagnostic)
}

extension ArchiveWriter {
    mutating func outcome(_ outcome: ReadOutcome) {
        switch outcome {
        case .failure(let d):
            bool(false)
            diagnostic(d)
        case .report(let c):
            bool(true)
            report(c.report)
            int(c.inferred.count)
            for (key, inference) in c.inferred {
                string(key)
                double(inference.value)
                int(inference.rule)
                string(inference.reason)
            }
            int(c.violations.count)
            for v in c.violations {
                int(v.rule)
                string(v.message)
                int(v.keys.count)
                for k in v.keys { string(k) }
                string(v.location.path)
                int(v.location.line)
            }
        }
    }

    mutating func diagnostic(_ d: Diagnostic) {
        string(d.severity.rawValue)
        string(d.location.path)
        int(d.location.line)
        string(d.message)
    }

    mutating func report(_ r: Report) {
        string(r.source)
        bool(r.agency != nil)
        if let a = r.agency {
            string(a.name)
            string(a.printedName)
            string(a.source.rawValue)
        }
        string(r.region.province)
        string(r.region.city)
        string(r.region.district)
        string(r.region.street)
        int(r.year ?? Int.min)
        string(r.edition?.rawValue)
        string(r.published)
        int(r.titleLine ?? Int.min)
        // The key set as a layout (keys by string number, in key order), then the values.
        var ids: [Int] = []
        var figures: [Figure] = []
        ids.reserveCapacity(r.figures.count)
        figures.reserveCapacity(r.figures.count)
        r.figures.forEachPlaced { place, key, figure in
            ids.append(intern(key, place: place))
            figures.append(figure)
        }
        int(layout(ids))
        self.figures(figures)
        int(r.sectionLines.count)
        for (section, line) in r.sectionLines {
            int(section.rawValue)
            int(line)
        }
        int(r.sectionNumbers.count)
        for (section, number) in r.sectionNumbers {
            int(section.rawValue)
            string(number)
        }
        int(r.diagnostics.count)
        for d in r.diagnostics { diagnostic(d) }
        bool(r.isRecognised)
    }
}

extension ArchiveReader {
    mutating func outcome() throws(Malformed) -> ReadOutcome {
        guard try bool() else { return .failure(try diagnostic()) }
        let r = try report()
        var inferred: [String: CheckedReport.Inference] = [:]
        let inferredCount = try int()
        for _ in 0..<max(0, inferredCount) {
            let key = try string()
            guard let value = try double() else { throw Malformed() }
            inferred[key] = CheckedReport.Inference(value: value, rule: try int(), reason: try string())
        }
        var violations: [Violation] = []
        let violationCount = try int()
        for _ in 0..<max(0, violationCount) {
            let rule = try int()
            let message = try string()
            let keyCount = try int()
            var keys: [String] = []
            for _ in 0..<max(0, keyCount) { keys.append(try string()) }
            let location = SourceLocation(path: try string(), line: try int())
            violations.append(Violation(rule: rule, message: message, keys: keys, location: location))
        }
        return .report(CheckedReport(report: r, inferred: inferred, violations: violations))
    }

    mutating func diagnostic() throws(Malformed) -> Diagnostic {
        guard let severity = Diagnostic.Severity(rawValue: try string()) else { throw Malformed() }
        let location = SourceLocation(path: try string(), line: try int())
        return Diagnostic(severity, location, try string())
    }

    /// The places of a layout's keys (see `places`), found on first use.
    mutating func places(_ layout: Int) -> [Int?] {
        if let found = places[layout] { return found }
        let found = layouts[layout].map { FigureKeys.place(of: table[$0]) }
        places[layout] = found
        return found
    }

    /// Finds the places of every layout's keys ahead (for readers copied from this one).
    mutating func findAllPlaces() {
        for layout in layouts.indices { _ = places(layout) }
    }

    mutating func report() throws(Malformed) -> Report {
        var r = Report(source: try string())
        if try bool() {
            let name = try string()
            let printed = try optionalString()
            guard let source = Agency.Source(rawValue: try string()) else { throw Malformed() }
            r.agency = Agency(name: name, printedName: printed, source: source)
        }
        r.region = Region(province: try optionalString(), city: try optionalString(),
                          district: try optionalString(), street: try optionalString())
        let year = try int()
        r.year = year == Int.min ? nil : year
        if let edition = try optionalString() {
            guard let e = Edition(rawValue: edition) else { throw Malformed() }
            r.edition = e
        }
        r.published = try optionalString()
        let titleLine = try int()
        r.titleLine = titleLine == Int.min ? nil : titleLine
        let layout = try int()
        guard layout >= 0, layout < layouts.count else { throw Malformed() }
        let ids = layouts[layout]
        let places = self.places(layout)
        var placed: [(place: Int, figure: Figure)] = []
        placed.reserveCapacity(ids.count)
        var others: [(key: String, figure: Figure)] = []
        // The figures (most of a report's bytes) read from the buffer in one pass: through
        // `double()`, `int()` and `bool()` each number cost some sixty instructions.
        var at = self.at
        let complete = bytes.withUnsafeBufferPointer { buffer -> Bool in
            var cursor = ByteCursor(bytes: buffer, at: at)
            defer { at = cursor.at }
            for i in ids.indices {
                guard let tag = cursor.byte() else { return false }
                let value: Double?
                switch tag {
                case 0: value = nil
                case 1:
                    guard let n = cursor.int() else { return false }
                    value = Double(n)
                case 2:
                    guard let bits = cursor.uint64() else { return false }
                    value = Double(bitPattern: bits)
                default: return false
                }
                guard let line = cursor.int(), let prose = cursor.byte() else { return false }
                let figure = Figure(value, line: line, origin: prose != 0 ? .prose : .table)
                if let place = places[i] { placed.append((place, figure)) } else { others.append((table[ids[i]], figure)) }
            }
            return true
        }
        self.at = at
        guard complete else { throw Malformed() }
        // A layout naming a key twice is not one this program wrote.
        guard var figures = Figures(placed: placed) else { throw Malformed() }
        for (key, figure) in others { figures[key] = figure }
        guard figures.count == ids.count else { throw Malformed() }
        r.figures = figures
        let lineCount = try int()
        guard (0...Section.allCases.count).contains(lineCount) else { throw Malformed() }
        for _ in 0..<lineCount {
            guard let section = Section(rawValue: try int()) else { throw Malformed() }
            r.sectionLines[section] = try int()
        }
        let numberCount = try int()
        guard (0...Section.allCases.count).contains(numberCount) else { throw Malformed() }
        for _ in 0..<numberCount {
            guard let section = Section(rawValue: try int()) else { throw Malformed() }
            r.sectionNumbers[section] = try string()
        }
        for _ in 0..<max(0, try int()) { r.diagnostics.append(try diagnostic()) }
        r.isRecognised = try bool()
        return r
    }
}
