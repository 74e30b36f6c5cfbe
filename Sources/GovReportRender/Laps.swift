import Foundation

/// The time each step of a build took, printed to standard error when `GOVREPORT_TIMING` is
/// set (how the benchmark's rebuild figures are broken down); does nothing otherwise.
final class Laps {
    private var clock = Date()
    private let indent: String

    init(indent: Int = 0) { self.indent = String(repeating: " ", count: indent) }

    /// Prints the time since the previous lap (or since this was made) under `what`.
    func lap(_ what: String) {
        guard SiteBuilder.tracing else { return }
        FileHandle.standardError.write(Data("timing: \(indent)\(what) \(Int(Date().timeIntervalSince(clock) * 1000)) ms\n".utf8))
        clock = Date()
    }
}
