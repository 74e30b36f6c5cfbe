import Dispatch

extension Array where Element: Sendable {
    /// `map` on every core, a chunk of elements at a time, with the results in order (the
    /// same array as `map` gives). For work on every report of a corpus.
    public func parallelMap<T>(chunk: Int = 64, _ transform: (Element) -> T) -> [T] {
        guard !isEmpty else { return [] }
        let count = self.count
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each chunk initialises its own slots, so no two threads touch the same one.
            nonisolated(unsafe) let out = buffer.baseAddress!
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                Parallel.forEach((count + chunk - 1) / chunk) { c in
                    for i in c * chunk..<Swift.min(count, c * chunk + chunk) { (out + i).initialize(to: transform(self[i])) }
                }
            }
            initialized = count
        }
    }
}
