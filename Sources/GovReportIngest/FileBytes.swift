import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A whole file read with one `open`, one `fstat` and `read`s straight into the buffer that
/// is returned: Foundation's attribute dictionary (asked for the size of every report) and
/// its copy of each file were a visible part of reading ten thousand files.
public enum FileBytes {
    public enum Failure: Error, Equatable {
        /// The call failed with this `errno`.
        case system(Int32)
        /// Larger than the limit (the size in bytes); nothing was read.
        case tooLarge(Int)

        public var reason: String {
            switch self {
            case .system(let code): String(cString: strerror(code))
            case .tooLarge(let bytes): "\(bytes) bytes is too large"
            }
        }
    }

    /// The file's bytes; nil when it cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        try? bytes(path, limit: .max)
    }

    public static func bytes(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        var failure: Failure?
        let bytes = try withOpenFile(path, limit: limit) { (descriptor: Int32, size: Int) throws(Failure) -> [UInt8] in
            [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                do throws(Failure) {
                    count = try fill(descriptor, UnsafeMutableRawBufferPointer(buffer))
                } catch {
                    failure = error
                    count = 0
                }
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// The file's bytes as `Data`, refusing a file larger than `limit` before reading it.
    public static func data(_ path: String, limit: Int) throws(Failure) -> Data {
        try withOpenFile(path, limit: limit) { (descriptor: Int32, size: Int) throws(Failure) -> Data in
            // Into a buffer of its own handed to the data, not a zeroed one (`Data(count:)`
            // wrote every byte of every file once before reading it).
            guard size > 0, let base = malloc(size) else { return Data() }
            let count: Int
            do throws(Failure) {
                count = try fill(descriptor, UnsafeMutableRawBufferPointer(start: base, count: size))
            } catch {
                free(base)
                throw error
            }
            return Data(bytesNoCopy: base, count: count, deallocator: .free)
        }
    }

    private static func withOpenFile<T>(_ path: String, limit: Int, _ body: (Int32, Int) throws(Failure) -> T) throws(Failure) -> T {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .system(errno) }
        // A folder opens, but reading it fails the way Foundation reports it.
        if info.st_mode & S_IFMT == S_IFDIR { throw .system(EISDIR) }
        let size = Int(info.st_size)
        guard size <= limit else { throw .tooLarge(size) }
        return try body(descriptor, size)
    }

    /// Reads into `buffer` until it is full or the file ends (a file that shrank meanwhile
    /// gives what it has).
    private static func fill(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) throws(Failure) -> Int {
        var done = 0
        while done < buffer.count {
            let n = Glibc.read(descriptor, buffer.baseAddress! + done, buffer.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw .system(errno)
            }
            if n == 0 { break }
            done += n
        }
        return done
    }
}
