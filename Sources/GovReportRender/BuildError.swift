/// Why a build stopped. Each case names the step and the path involved, so the message
/// tells the user what to fix. Problems with single reports are not build errors: they
/// become diagnostics and the rest of the corpus still builds.
public enum BuildError: Error, Sendable, CustomStringConvertible {
    case resources(reason: String)
    case templates(path: String, reason: String)
    case output(path: String, reason: String)
    case noInputs
    case config(path: String, reason: String)

    public var description: String {
        switch self {
        case .resources(let reason): "error: \(reason)"
        case .templates(let path, let reason): "\(path): error: \(reason)"
        case .output(let path, let reason): "\(path): error: \(reason)"
        case .noInputs: "error: no report files found in the inputs"
        case .config(let path, let reason): "\(path): error: \(reason)"
        }
    }
}
