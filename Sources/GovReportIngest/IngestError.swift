/// Why a file could not be turned into text. Each case names the file, so that a folder of
/// reports with one bad file still builds and the user knows which file to look at.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case binary(path: String)
    case undecodable(path: String)
    case notFound(path: String)
    case tooLarge(path: String, bytes: Int)
    case brokenLink(path: String)

    public var path: String {
        switch self {
        case .unreadable(let p, _), .empty(let p), .binary(let p), .undecodable(let p), .notFound(let p),
             .tooLarge(let p, _), .brokenLink(let p): p
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let p, let reason): "\(p): error: cannot read file: \(reason)"
        case .empty(let p): "\(p): error: file is empty"
        case .binary(let p): "\(p): error: file is binary data, not report text"
        case .undecodable(let p): "\(p): error: text is neither UTF-8 nor GB18030"
        case .notFound(let p): "\(p): error: no such file or folder"
        case .tooLarge(let p, let bytes):
            "\(p): error: file is \(bytes / 1_048_576) MB, larger than any report (limit \(SourceText.sizeLimit / 1_048_576) MB); skipped"
        case .brokenLink(let p): "\(p): error: symbolic link to a file that does not exist"
        }
    }

    public var diagnostic: Diagnostic {
        let message = description.split(separator: ": error: ", maxSplits: 1).last.map(String.init) ?? description
        return Diagnostic(.error, SourceLocation(path: path, line: 0), message)
    }
}
