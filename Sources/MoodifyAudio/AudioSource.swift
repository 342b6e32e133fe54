import Foundation

/// Where encoded audio comes from: a file on disk, or bytes in memory with a name for messages.
enum AudioSource {
    case file(String)
    case memory([UInt8], name: String)

    /// The path, or the name given to in-memory bytes, used in every error.
    var name: String {
        switch self {
        case .file(let path): return path
        case .memory(_, let name): return name
        }
    }

    /// Checks what can be known before libsndfile sees the bytes: existence, kind, size, permission.
    /// Returns the size in bytes.
    func checkReadable() throws(AudioError) -> Int {
        switch self {
        case .memory(let bytes, let name):
            if bytes.isEmpty { throw .emptyFile(path: name) }
            return bytes.count
        case .file(let path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .fileNotFound(path: path)
            }
            if isDirectory.boolValue { throw .isDirectory(path: path) }
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw .unreadable(path: path, reason: "permission denied")
            }
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let size = attributes[.size] as? Int else {
                throw .unreadable(path: path, reason: "its size could not be determined")
            }
            if size == 0 { throw .emptyFile(path: path) }
            return size
        }
    }

    /// Up to `count` bytes starting at `offset` (fewer at the end of the data).
    func bytes(at offset: Int, count: Int) -> [UInt8] {
        switch self {
        case .memory(let bytes, _):
            guard offset < bytes.count else { return [] }
            return Array(bytes[offset..<min(bytes.count, offset + count)])
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
            defer { try? handle.close() }
            guard (try? handle.seek(toOffset: UInt64(offset))) != nil,
                  let data = try? handle.read(upToCount: count) else { return [] }
            return [UInt8](data)
        }
    }
}
