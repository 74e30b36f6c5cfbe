import Foundation

/// The bytes of a page being rendered, appended by copying into storage that doubles as it
/// fills. The renderer appends a million pieces a build, mostly a few bytes long; an array's
/// generic append (a uniqueness check, a sequence copy) cost several times the copy itself.
/// Used by one rendering at a time, never shared between threads.
final class PageBytes {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 32_768) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var last: UInt8? { count > 0 ? base[count - 1] : nil }
    var isEmpty: Bool { count == 0 }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).update(from: start, count: bytes.count)
        count += bytes.count
    }

    /// The text's UTF-8 bytes.
    func append(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    func append(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    func append(_ other: PageBytes) {
        append(UnsafeBufferPointer(start: other.base, count: other.count))
    }

    /// Drops the bytes past `count` (what a record plan wrote before finding it does not fit).
    func truncate(to count: Int) {
        precondition(count >= 0 && count <= self.count)
        self.count = count
    }

    /// A copy of the bytes.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes as `Data`, copied once.
    var data: Data { Data(bytes: base, count: count) }

    /// The bytes as `Data` that takes over the storage, leaving this empty: a page's bytes
    /// copied once more on their way to the file were a visible part of writing the site.
    func takeData() -> Data {
        guard count > 0 else { return Data() }
        let data = Data(bytesNoCopy: base, count: count, deallocator: .custom { pointer, _ in pointer.deallocate() })
        capacity = 16
        base = .allocate(capacity: capacity)
        count = 0
        return data
    }

    private func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = size
    }
}
