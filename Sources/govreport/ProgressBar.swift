import Foundation
import GovReportRender
import Synchronization

/// A one-line progress bar on standard error for long builds: reports read, pages written,
/// rate. Drawn only on a terminal, at most ten times a second.
final class ProgressBar: Sendable {
    let enabled: Bool
    private let state = Mutex<(last: Date, start: Date, drawn: Bool)>((Date.distantPast, Date(), false))

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ p: BuildProgress) {
        guard enabled else { return }
        let now = Date()
        let line: String? = state.withLock { s in
            guard now.timeIntervalSince(s.last) >= 0.1 || p.done == p.total else { return nil }
            s.last = now
            s.drawn = true
            let rate = Double(p.done) / max(now.timeIntervalSince(s.start), 0.001)
            let width = 30
            let filled = p.total > 0 ? width * p.done / p.total : width
            return "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
                + "\(p.done)/\(p.total) \(p.stage.rawValue) (\(Int(rate))/s)\u{1B}[K"
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    func finish() {
        guard enabled, state.withLock({ $0.drawn }) else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
