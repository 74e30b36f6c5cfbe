import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator, set up for a build: its heaps backed by transparent huge pages and grown
/// 32 MB at a time, and each thread keeping up to 1,000 freed blocks of a size (not 7) for
/// the next allocation of that size. A build touches its memory once (a rebuild of 10,000
/// reports faults in some 30,000 pages of 4 KB; with huge pages some 6,000), and the default
/// growth asks the kernel for more heap thousands of times. Reading makes and frees millions
/// of small strings and arrays in bursts larger than seven: past the thread's cache, each went
/// through the allocator's shared bins (3 % of a build's instructions; a full build of 10,000
/// reports × 0.90 in time for some 7 MB more memory). glibc reads these settings only when a
/// program starts, so the program starts itself again with them, once, before doing anything.
///
/// Left alone when `GLIBC_TUNABLES` is already set (the user's own settings win; set it empty
/// to run without these, e.g. under valgrind, whose client this re-start would escape).
enum AllocatorTuning {
    static let variable = "GLIBC_TUNABLES"
    static let settings = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=33554432:glibc.malloc.tcache_count=1000"
    /// Set alongside, so that the restarted program knows the settings are its own.
    static let marker = "GOVREPORT_ALLOCATOR_TUNED"

    static func applyByRestarting() {
        #if os(Linux)
        guard getenv(variable) == nil else { return }
        setenv(variable, settings, 1)
        setenv(marker, "1", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Not restarted (no /proc, say): go on as started.
        unsetenv(variable)
        unsetenv(marker)
        #endif
    }

    /// Whether this process runs with the settings it gave itself.
    static var isTuned: Bool { getenv(marker) != nil }

    /// The environment as the user started the program: what programs it starts get (the
    /// benchmark's builds tune themselves or not, as each program does; Hugo is not given
    /// settings meant for this program).
    static func userEnvironment() -> [String] {
        var entries: [String] = []
        var at = environ
        while let entry = at.pointee {
            entries.append(String(cString: entry))
            at += 1
        }
        guard isTuned else { return entries }
        return entries.filter { !$0.hasPrefix(variable + "=") && !$0.hasPrefix(marker + "=") }
    }
}
