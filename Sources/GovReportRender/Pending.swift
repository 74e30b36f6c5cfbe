import Dispatch
import Synchronization

/// A value made on another thread; every wait returns it once it is there. Once it is, a
/// wait is one atomic load (the site writer asks for its listing once per page).
final class Pending<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let ready = DispatchSemaphore(value: 0)
    private let done = Atomic<Bool>(false)

    func fulfil(_ value: Value) {
        self.value = value
        done.store(true, ordering: .releasing)
        ready.signal()
    }

    func wait() -> Value {
        if done.load(ordering: .acquiring) { return value! }
        ready.wait()
        ready.signal()  // for the next wait
        return value!
    }

    /// `wait()` for the value's one consumer: the value is moved out, not shared with this
    /// holder, so that the consumer's changes to it do not copy its buffers (the build cache's
    /// archive, 48 MB at 50,000 reports, was copied whole twice on its way to the file: fresh
    /// memory that the kernel zeroed, a tenth of the cache's work). Waits after it fail.
    func take() -> Value {
        _ = wait()
        return value.take()!
    }
}
