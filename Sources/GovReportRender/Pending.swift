import Dispatch

/// A value made on another thread; every wait returns it once it is there.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let ready = DispatchSemaphore(value: 0)

    func fulfil(_ value: Value) {
        self.value = value
        ready.signal()
    }

    func wait() -> Value {
        ready.wait()
        ready.signal()  // for the next wait
        return value!
    }
}
