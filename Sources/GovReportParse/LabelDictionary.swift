import Foundation
import GovReportIngest

/// The official row labels of the report tables and the variants seen in real reports,
/// loaded from `Resources/labels/labels.tsv`. Cells are matched against it with a tolerant
/// matcher (prefix and edit distance), so that OCR damage is handled by data, not by
/// special cases in code.
public final class LabelDictionary: Sendable {
    public enum Table: String, Sendable {
        /// Rows of section 三.
        case applications
        /// The (三)…(六) group headings of section 三.
        case group
        /// Rows of section 二.
        case proactive
    }

    public struct Entry: Sendable {
        public let table: Table
        public let key: String
        public let phrase: [Character]
        /// The phrase as `TextNormalizer.characterCodes`, what matching compares.
        let codes: [UInt32]

        public init(table: Table, key: String, phrase: [Character]) {
            self.table = table
            self.key = LabelDictionary.rowKeyLiterals[key] ?? key
            self.phrase = phrase
            codes = TextNormalizer.characterCodes(String(phrase))
        }
    }

    /// The rows' keys as the program writes them (`FigureKeys`' row definitions), by their
    /// text: a dictionary's keys are these instances, not strings read from its file. Each
    /// match hands its key on, every row's figures and ledger keep it, from both cores; a
    /// literal keeps no reference count, where a string read at run time had its count
    /// changed on memory both cores share (the keys of more than fifteen bytes, most of the
    /// applications table's).
    static let rowKeyLiterals: [String: String] = {
        var keys: [String: String] = [:]
        for edition in Edition.allCases {
            for row in FigureKeys.applicationRows(edition) { keys[row.key] = row.key }
            for row in FigureKeys.proactiveRows(edition) { keys[row.key] = row.key }
        }
        return keys
    }()

    public struct Match: Sendable, Equatable {
        public let key: String
        public let distance: Int
    }

    public let entries: [Entry]
    /// Phrase → key, per table, for the exact matches that are most of the work.
    let exact: [Table: [[UInt32]: String]]
    /// Matches already computed: report labels repeat across a corpus.
    let memo = MatchMemo()
    /// Rows' labels already found by their texts (`RawRow.label(matching:pure:memo:isFragment:)`),
    /// per table.
    let applicationRowLabels = TextMemo<FoundLabel?>(limit: 4_096)
    let proactiveRowLabels = TextMemo<FoundLabel?>(limit: 4_096)
    /// Fragment answers already computed (`isFragment`): what a text is does not depend on
    /// the dictionary, so one memo serves them all.
    static let fragments = TextMemo<Bool>()

    public init(entries: [Entry]) {
        self.entries = entries
        var exact: [Table: [[UInt32]: String]] = [:]
        for e in entries where exact[e.table]?[e.codes] == nil { exact[e.table, default: [:]][e.codes] = e.key }
        self.exact = exact
    }

    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(String)
        case malformed(path: String, line: Int)
        public var description: String {
            switch self {
            case .unreadable(let p): "\(p): error: cannot read the label dictionary"
            case .malformed(let p, let l): "\(p):\(l): error: expected 'table<TAB>key<TAB>phrase'"
            }
        }
    }

    public static func load(from url: URL) throws -> LabelDictionary {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw LoadError.unreadable(url.path) }
        return try parse(text, path: url.lastPathComponent)
    }

    public static func parse(_ text: String, path: String) throws -> LabelDictionary {
        var entries: [Entry] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: true).map(String.init)
            guard parts.count == 3, let table = Table(rawValue: parts[0]) else {
                throw LoadError.malformed(path: path, line: i + 1)
            }
            entries.append(Entry(table: table, key: parts[1], phrase: Array(TextNormalizer.labelKey(parts[2]))))
        }
        return LabelDictionary(entries: entries)
    }

    /// The best entry of `table` for a cell's text, or nil. Exact matches, and prefix matches of
    /// phrases of four or more characters (labels followed by a remark), score 0; a text of six
    /// or more characters that is the start of a longer phrase (a label cut where the line
    /// wrapped) is compared with that start;
    /// otherwise up to one edit per four characters of the phrase is tolerated.
    public func match(_ text: String, in table: Table) -> Match? {
        memo.of(table).value(text) { compute($0, in: table) }
    }

    /// Whether a text is too short to be a label (two characters or fewer once normalised):
    /// a fragment left by extraction ("†", "开", "_"). Remembered like the matches: the
    /// header cells of every table are asked about in every report.
    public func isFragment(_ text: String) -> Bool { Self.fragments.value(text, Self.isFragment) }

    static func isFragment(_ text: String) -> Bool { TextNormalizer.labelKey(text).count <= 2 }

    func compute(_ text: String, in table: Table) -> Match? {
        let t = TextNormalizer.characterCodes(TextNormalizer.labelKey(text))
        guard !t.isEmpty else { return nil }
        if let key = exact[table]?[t] { return Match(key: key, distance: 0) }
        var best: (distance: Int, length: Int, key: String)?
        for entry in entries where entry.table == table {
            let p = entry.codes
            let tolerance = p.count / 4
            var d: Int
            if t == p || (p.count >= 4 && t.starts(with: p)) {
                d = 0
            } else if t.count >= 6 && t.count < p.count - tolerance {
                // A label cut short where the line wrapped: compare with the same length of the phrase.
                d = TextNormalizer.editDistance(t, Array(p.prefix(t.count)), limit: t.count / 4)
                guard d <= t.count / 4 else { continue }
            } else {
                guard abs(t.count - p.count) <= tolerance || t.count > p.count else { continue }
                d = TextNormalizer.editDistance(t, p, limit: tolerance)
                if t.count > p.count && p.count >= 4 {
                    d = min(d, TextNormalizer.editDistance(Array(t.prefix(p.count)), p, limit: tolerance))
                }
                guard d <= tolerance else { continue }
            }
            if best == nil || d < best!.distance || (d == best!.distance && p.count > best!.length) {
                best = (d, p.count, entry.key)
            }
        }
        return best.map { Match(key: $0.key, distance: $0.distance) }
    }
}

/// Label matches already computed, shared by every parse of a build (report labels repeat
/// across a corpus): a text memo per table, keyed by the text's bytes. Canonically equal
/// texts in other bytes are merely computed twice, to the same result.
final class MatchMemo: Sendable {
    private let applications = TextMemo<LabelDictionary.Match?>()
    private let group = TextMemo<LabelDictionary.Match?>()
    private let proactive = TextMemo<LabelDictionary.Match?>()

    /// The memo of a table's matches.
    func of(_ table: LabelDictionary.Table) -> TextMemo<LabelDictionary.Match?> {
        switch table {
        case .applications: applications
        case .group: group
        case .proactive: proactive
        }
    }
}
