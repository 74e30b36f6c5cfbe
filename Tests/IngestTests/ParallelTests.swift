import Dispatch
import Foundation
@testable import GovReportIngest
import Synchronization
import Testing

/// `Parallel` visits every index once however many jobs it is given; one job visits them in
/// order on the calling thread and runs background work in place.
@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 2, 3, 8])
    func everyIndexIsVisitedOnce(jobs: Int) {
        for iterations in [0, 1, 2, 7, 1_000] {
            let visits = Mutex([Int](repeating: 0, count: iterations))
            Parallel.forEach(iterations, jobs: jobs) { i in visits.withLock { $0[i] += 1 } }
            let counts = visits.withLock { $0 }
            #expect(counts == [Int](repeating: 1, count: iterations), "jobs \(jobs), \(iterations) iterations")
        }
    }

    @Test func oneJobRunsInOrderOnTheCallingThread() {
        let caller = pthread_self()
        let seen = Mutex<(order: [Int], elsewhere: Int)>(([], 0))
        Parallel.forEach(500, jobs: 1) { i in
            let here = pthread_equal(pthread_self(), caller) != 0
            seen.withLock { $0.order.append(i); if !here { $0.elsewhere += 1 } }
        }
        let (order, elsewhere) = seen.withLock { $0 }
        #expect(order == Array(0..<500))
        #expect(elsewhere == 0)

        let ran = Atomic<Bool>(false)
        Parallel.async(jobs: 1) { ran.store(true, ordering: .relaxed) }
        let ranHere = ran.load(ordering: .relaxed)
        #expect(ranHere, "one job runs background work before returning")

        let done = DispatchSemaphore(value: 0)
        Parallel.async(jobs: 0) { done.signal() }
        #expect(done.wait(timeout: .now() + 10) == .success)
    }
}
