import Foundation

/// The encodings government report files come in. Many are GBK/GB18030 with no marker,
/// so decoding tries strict UTF-8 first and falls back to GB18030 (a superset of GBK).
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 (BOM)"
    case gb18030 = "GB18030"

    /// kCFStringEncodingGB_18030_2000 with the CF flag, the form Foundation on Linux accepts.
    static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Decodes report bytes, normalising line ends to `\n`. Returns nil when the bytes are
    /// not text in any supported encoding.
    public static func decode(_ data: Data) -> (text: String, encoding: TextEncoding)? {
        var bytes = data
        var encoding = TextEncoding.utf8
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
            encoding = .utf8WithBOM
        }
        // Line ends normalised on the bytes (0x0D is a carriage return in GB18030 too: no
        // multi-byte sequence uses it), before decoding: NSString's replacing was slower.
        let unified: [UInt8]? = bytes.withUnsafeBytes { raw in
            // (memchr finds the first carriage return, or says there is none, far faster than a
            // loop over the bytes.)
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self),
                  var cr = memchr(base, 13, raw.count).map({ base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) })
            else { return nil }
            // The runs between carriage returns copied whole (a byte at a time, appended, was
            // most of reading a file written with CR LF): each CR written as a line feed, and a
            // line feed right after it dropped.
            let n = raw.count
            return [UInt8](unsafeUninitializedCapacity: n) { out, count in
                let to = out.baseAddress!
                var from = 0, o = 0
                while true {
                    (to + o).initialize(from: base + from, count: cr - from)
                    o += cr - from
                    to[o] = 10
                    o += 1
                    from = cr + 1
                    if from < n && base[from] == 10 { from += 1 }
                    guard from < n, let next = memchr(base + from, 13, n - from) else { break }
                    cr = base.distance(to: next.assumingMemoryBound(to: UInt8.self))
                }
                (to + o).initialize(from: base + from, count: n - from)
                count = o + n - from
            }
        }
        if let unified { bytes = Data(unified) }
        var text: String?
        // Validated on the raw buffer (`UTF8Validation`, faster than the standard library's
        // for Chinese text), then copied without a second check.
        let validated = bytes.withUnsafeBytes { raw -> String? in
            let b = raw.bindMemory(to: UInt8.self)
            return UTF8Validation.isValid(b) ? String(validUTF8: b) : nil
        }
        if let utf8 = validated {
            text = utf8
        } else if let gb = bytes.withUnsafeBytes({ GB18030Table.decode($0.bindMemory(to: UInt8.self)) })
                    ?? String(data: Data(bytes), encoding: foundationGB18030) {
            text = gb
            encoding = .gb18030
        }
        guard let decoded = text else { return nil }
        return (decoded, encoding)
    }

    /// Heuristic for PDF/image bytes saved under a `.txt` name: NUL bytes or a known binary
    /// signature in the first kilobyte.
    public static func looksBinary(_ data: Data) -> Bool {
        // On the raw buffer: Data's generic iterator was a visible cost over ten thousand files.
        data.withUnsafeBytes { raw in
            let head = UnsafeRawBufferPointer(rebasing: raw.prefix(1024))
            for signature: [UInt8] in [Array("%PDF".utf8), [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], [0x50, 0x4B, 0x03, 0x04]]
            where head.starts(with: signature) {
                return true
            }
            // (memchr, not a loop over the kilobyte's bytes: it is read for every file.)
            guard let base = head.baseAddress else { return false }
            return memchr(base, 0, head.count) != nil
        }
    }
}
