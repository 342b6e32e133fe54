import CSndFile

/// Read-only bytes in memory presented to libsndfile through its virtual I/O callbacks.
/// A class because libsndfile holds a pointer to it for as long as the sound file is open.
final class MemoryStream {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The callback table for `sf_open_virtual`; each callback finds the stream through `user_data`.
    static let callbacks = SF_VIRTUAL_IO(
        get_filelen: { userData in
            sf_count_t(MemoryStream.from(userData).bytes.count)
        },
        seek: { offset, whence, userData in
            let stream = MemoryStream.from(userData)
            let base: Int
            switch whence {
            case SEEK_CUR: base = stream.position
            case SEEK_END: base = stream.bytes.count
            default: base = 0
            }
            stream.position = min(max(base + Int(offset), 0), stream.bytes.count)
            return sf_count_t(stream.position)
        },
        read: { destination, count, userData in
            let stream = MemoryStream.from(userData)
            let n = min(Int(count), stream.bytes.count - stream.position)
            guard n > 0, let destination else { return 0 }
            stream.bytes.withUnsafeBytes { source in
                destination.copyMemory(from: source.baseAddress! + stream.position, byteCount: n)
            }
            stream.position += n
            return sf_count_t(n)
        },
        write: { _, _, _ in 0 },
        tell: { userData in
            sf_count_t(MemoryStream.from(userData).position)
        }
    )

    private static func from(_ userData: UnsafeMutableRawPointer?) -> MemoryStream {
        Unmanaged<MemoryStream>.fromOpaque(userData!).takeUnretainedValue()
    }
}
