import Foundation

/// The time each step of a build took and the memory resident after it, printed to standard
/// error when `GOVREPORT_TIMING` is set (how the benchmark's figures are broken down: which
/// step holds the peak memory); does nothing otherwise.
final class Laps {
    private var clock = Date()
    private let indent: String

    init(indent: Int = 0) { self.indent = String(repeating: " ", count: indent) }

    /// Prints the time since the previous lap (or since this was made) under `what`, and the
    /// resident memory now.
    func lap(_ what: String) {
        guard SiteBuilder.tracing else { return }
        FileHandle.standardError.write(Data("timing: \(indent)\(what) \(Int(Date().timeIntervalSince(clock) * 1000)) ms, \(Self.residentMB()) MB resident\n".utf8))
        clock = Date()
    }

    /// The process's resident memory now, in MB (from /proc; 0 where there is none).
    static func residentMB() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
