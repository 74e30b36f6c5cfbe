/// Bytes gathered, handed on and gathered again, many times over: a web page's text runs and
/// table cells, a few bytes each, hundreds a page. An array whose own count is only ever
/// grown, the bytes in use counted apart: emptying it is setting that count to 0. (Emptied
/// with `removeAll(keepingCapacity:)`, an array went through its generic `replaceSubrange`,
/// some 80 instructions, twice for every cell of every table; appended to, through its
/// generic `append(contentsOf:)` and a call to `memcpy` for a byte or two.)
struct ReusableBytes {
    private var storage: [UInt8] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func removeAll() { count = 0 }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(bytes, after: (0, 0), count: 0)
    }

    /// `bytes`, after the first `count` (at most two) of `prefix`: a line after the line feed
    /// that ends the one before and the tab that makes it a cell, in one step.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, after prefix: (UInt8, UInt8), count prefixCount: Int) {
        let need = count + prefixCount + bytes.count
        guard need > count else { return }
        if need > storage.count {
            storage.append(contentsOf: repeatElement(0, count: Swift.max(need - storage.count, storage.count, 64)))
        }
        let at = count
        storage.withUnsafeMutableBufferPointer { buffer in
            var to = buffer.baseAddress! + at
            if prefixCount > 0 { to[0] = prefix.0; to += 1 }
            if prefixCount > 1 { to[0] = prefix.1; to += 1 }
            guard let from = bytes.baseAddress else { return }
            // (Most runs are a few bytes: copied here rather than through a call.)
            if bytes.count <= 16 {
                for k in 0..<bytes.count { to[k] = from[k] }
            } else {
                to.update(from: from, count: bytes.count)
            }
        }
        count = need
    }

    /// The bytes in use, as an array of their own.
    var array: [UInt8] { withBytes { Array($0) } }

    /// The bytes in use.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }
}
