import Foundation

/// The decoded text of one input file, split into lines with their numbers. Every later
/// stage addresses text by line so that figures and diagnostics point back into the file.
public struct SourceText: Sendable {
    public let path: String
    public let encoding: TextEncoding
    /// The text the lines are parts of: the file's own, or the lines made from another format
    /// (HTML) one after another, each ended by a line feed but the last. The lines are read
    /// where they are in it (`withLineBytes`), made strings only where one is needed
    /// (`line(_:)`): a string of its own for every line, made and freed, was some 5 % of
    /// reading.
    public let text: String
    /// Where each line ends among `text`'s bytes (at its line feed, or the text's end); a
    /// line starts one byte past the end of the line before it.
    @usableFromInline let lineEnds: [Int]
    /// For text made from another format (HTML), the line of the original file each line came
    /// from; nil when the lines are the file's own.
    public let originalLines: [Int]?

    /// The text the lines were cut from, when the file was text (nil for lines made from
    /// another format): what reads the whole text at once reads it in one piece, not line by
    /// line (most lines are short, and each line's start and end cost as much as its bytes).
    public var wholeText: String? { originalLines == nil ? text : nil }

    public init(path: String, text: String, encoding: TextEncoding = .utf8) {
        self.path = path
        self.encoding = encoding
        // Split on the byte, not on Characters: grapheme breaking is the slow part of reading.
        // Each line feed found with memchr (a loop over the bytes was most of the split).
        var text = text
        var ends: [Int] = []
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            // (Room for a line every 24 bytes, about as long as report lines run: grown from
            // empty, the array was copied some eight times a report.)
            ends.reserveCapacity(bytes.count / 24 + 8)
            var start = 0
            while start < bytes.count, let hit = memchr(base + start, 10, bytes.count - start) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                ends.append(i)
                start = i + 1
            }
            if start < bytes.count { ends.append(bytes.count) }
        }
        self.text = text
        lineEnds = ends
        originalLines = nil
    }

    /// The lines of a web page (`HTMLText.page(fromHTML:)`), its buffer made the text.
    public init(path: String, page: HTMLText.Page, encoding: TextEncoding) {
        // (Valid by construction, checked once unless the reader that wrote it knows: a page
        // that somehow is not goes the way of separate lines, each repaired.)
        guard page.isKnownValid || page.withBytes(UTF8Validation.isValid) else {
            self.init(path: path, lines: page.lines, originalLines: page.sourceLines, encoding: encoding)
            return
        }
        self.init(path: path, encoding: encoding, text: page.withBytes { String(validUTF8: $0) },
                  lineEnds: page.ends, originalLines: page.sourceLines)
    }

    private init(path: String, encoding: TextEncoding, text: String, lineEnds: [Int], originalLines: [Int]?) {
        self.path = path
        self.encoding = encoding
        self.text = text
        self.lineEnds = lineEnds
        self.originalLines = originalLines
    }

    /// Lines made from another format, joined into one text (see `text`) as a web page's are.
    public init(path: String, lines: [String], originalLines: [Int]?, encoding: TextEncoding) {
        var page = HTMLText.Page()
        // (The page's own line numbers go unused: `originalLines` are kept.)
        for (k, line) in lines.enumerated() { line.withUTF8Bytes { page.append($0, from: k + 1) } }
        // (Strings' bytes are valid UTF-8, and so is their join.)
        self.init(path: path, encoding: encoding, text: page.withBytes { String(validUTF8: $0) },
                  lineEnds: page.ends, originalLines: originalLines)
    }

    public var lineCount: Int { lineEnds.count }

    /// The bytes of 0-based line `i` (without its line feed) among `text`'s bytes.
    @inlinable public func lineRange(_ i: Int) -> Range<Int> {
        (i == 0 ? 0 : lineEnds[i - 1] + 1)..<lineEnds[i]
    }

    /// Calls `body` with the text's bytes, where they are.
    @inlinable @inline(__always)
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try text.withUTF8Bytes(body)
    }

    /// Calls `body` with the bytes of 0-based line `i`, where they are in the text.
    @inlinable @inline(__always)
    public func withLineBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let range = lineRange(i)
        return try text.withUTF8Bytes { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// 0-based line `i` as a string of its own.
    public func line(_ i: Int) -> String {
        withLineBytes(i) { String(validUTF8: $0) }
    }

    /// Every line as a string of its own (for what reads a few texts: the readers of a build
    /// read the lines where they are).
    public var lines: [String] { (0..<lineCount).map(line) }

    /// The line of the original file for 1-based line `n` of `lines`.
    public func originalLine(_ n: Int) -> Int {
        guard let map = originalLines, n >= 1, n <= map.count else { return n }
        return map[n - 1]
    }

    public static let htmlExtensions: Set<String> = ["html", "htm", "shtml", "xhtml"]

    /// Real reports are well under a megabyte; anything past this is not one, and reading it
    /// would only cost time and memory.
    public static let sizeLimit = 16 * 1_048_576

    /// Reads and decodes a file. `displayPath` is what diagnostics and pages show.
    public static func load(fileAt url: URL, displayPath: String) throws(IngestError) -> SourceText {
        try decode(try read(fileAt: url, displayPath: displayPath), from: url, displayPath: displayPath)
    }

    /// The bytes of a file, refusing what is too large to be a report without reading it.
    public static func read(fileAt url: URL, displayPath: String) throws(IngestError) -> Data {
        try read(filePath: url.path, displayPath: displayPath)
    }

    /// `read(fileAt:)` by path (a URL made for every file of a build was a visible cost).
    public static func read(filePath: String, displayPath: String) throws(IngestError) -> Data {
        do {
            return try FileBytes.data(filePath, limit: sizeLimit)
        } catch {
            switch error {
            case .tooLarge(let size): throw .tooLarge(path: displayPath, bytes: size)
            case .system: throw .unreadable(path: displayPath, reason: error.reason)
            }
        }
    }

    /// Decodes bytes already read from `url` (its extension says whether they are HTML).
    public static func decode(_ data: Data, from url: URL, displayPath: String) throws(IngestError) -> SourceText {
        try decode(data, fromPath: url.path, displayPath: displayPath)
    }

    /// `decode(_:from:)` by path: the file name's extension says whether the bytes are HTML.
    public static func decode(_ data: Data, fromPath path: String, displayPath: String) throws(IngestError) -> SourceText {
        if data.isEmpty || data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .empty(path: displayPath)
        }
        if TextEncoding.looksBinary(data) { throw .binary(path: displayPath) }
        guard let (text, encoding) = TextEncoding.decode(data) else { throw .undecodable(path: displayPath) }
        if htmlExtensions.contains(PathName.pathExtension(PathName.lastComponent(path)).lowercased()) {
            let page = HTMLText.page(fromHTML: text)
            if page.ends.isEmpty { throw .empty(path: displayPath) }
            return SourceText(path: displayPath, page: page, encoding: encoding)
        }
        return SourceText(path: displayPath, text: text, encoding: encoding)
    }

    public func location(_ line: Int) -> SourceLocation { SourceLocation(path: path, line: line) }
}
