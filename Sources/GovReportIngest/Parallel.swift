import Dispatch
import Synchronization

/// How the loops over files and pages share the cores: every core unless the command line
/// says otherwise (`--jobs`). A shared machine may want fewer threads; one job runs every loop
/// in order on the calling thread and every background step in place — the single-threaded
/// run whose output every other run must equal, byte for byte.
public enum Parallel {
    /// The threads a loop may use, 0 for every core: set once, before any work starts.
    private static let width = Atomic<Int>(0)

    /// Limits the rest of the process to `jobs` threads (nil or 0: every core).
    public static func limit(to jobs: Int?) { width.store(max(0, jobs ?? 0), ordering: .relaxed) }

    /// The limit set, 0 for every core.
    public static var jobs: Int { width.load(ordering: .relaxed) }

    /// `body` for each index in `0..<iterations`: on every core (libdispatch's
    /// `concurrentPerform`), on `jobs` threads taking the next index as each finishes one, or,
    /// with one job, in order on this thread.
    public static func forEach(_ iterations: Int, jobs: Int = Parallel.jobs, _ body: @Sendable (Int) -> Void) {
        if jobs == 1 || iterations <= 1 {
            for i in 0..<iterations { body(i) }
        } else if jobs <= 0 {
            DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
        } else {
            let next = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: min(jobs, iterations)) { _ in
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < iterations else { return }
                    body(i)
                }
            }
        }
    }

    /// `work` on a thread of its own, or, with one job, here and now (what waits for its result
    /// comes after it in a build, so nothing waits for work not yet started).
    public static func async(jobs: Int = Parallel.jobs, _ work: @escaping @Sendable () -> Void) {
        if jobs == 1 { work() } else { DispatchQueue.global().async(execute: work) }
    }
}
