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
}
