import Foundation
import MoodifyDSP

/// An on-disk store of per-clip feature rows, keyed by the SHA-256 of the clip file's bytes, the feature set's
/// parameters, the augmentation settings and `FeatureCache.version`: a renamed or moved clip still hits, an edited
/// clip or a changed feature definition misses. A hit needs no decoding.
///
/// Each entry is one file `<set>-<key>.f32`: the 8 bytes "MDFYFEAT", the row and column counts (UInt32 little-endian),
/// then the rows as float32 little-endian. Entries are written atomically, so parallel workers and interrupted runs
/// never leave a partial entry; an unreadable or malformed entry counts as a miss.
public struct FeatureCache: Sendable {
    /// Changes whenever the stored layout or the meaning of a key changes, invalidating older entries.
    public static let version = "moodify-feature-cache v1"
    private static let signature = Array("MDFYFEAT".utf8)

    /// The folder holding the entries (created on the first store).
    public let folder: String

    /// A cache in `folder`.
    public init(folder: String = FeatureCache.defaultFolder) {
        self.folder = folder
    }

    /// `$MOODIFY_CACHE` when set, else `.moodify-cache` in the working directory.
    public static var defaultFolder: String {
        if let folder = ProcessInfo.processInfo.environment["MOODIFY_CACHE"], !folder.isEmpty { return folder }
        return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(".moodify-cache")
    }

    /// The hex SHA-256 of a file's bytes.
    public static func contentHash(of bytes: Data) -> String {
        SHA256.hex(bytes)
    }

    /// The entry key of a clip's rows: its content hash, the set's parameters, whether it is augmented, the seed of
    /// the noise when some is drawn (augmented rows, noisy degradations), and the degradation's key if there is one.
    public static func key(contentHash: String, featureSet: FeatureSet, augment: Bool, seed: UInt64,
                           degradation: String? = nil) -> String {
        var settings = augment ? "augment=true seed=\(seed)" : "augment=false"
        if let degradation { settings += " degradation=\(degradation) seed=\(seed)" }
        return SHA256.hex(Array([version, featureSet.parameters, settings, contentHash].joined(separator: "\n").utf8))
    }

    /// The rows stored under `key` for `featureSet`, or nil on a miss.
    public func rows(forKey key: String, featureSet: FeatureSet) -> [[Float]]? {
        guard let data = FileManager.default.contents(atPath: path(forKey: key, featureSet: featureSet)) else { return nil }
        let bytes = [UInt8](data)
        let header = Self.signature.count + 8
        guard bytes.count >= header, Array(bytes[0..<Self.signature.count]) == Self.signature else { return nil }
        let rows = Int(Self.readUInt32(bytes, at: Self.signature.count))
        let cols = Int(Self.readUInt32(bytes, at: Self.signature.count + 4))
        guard cols == featureSet.columns.count, rows > 0, bytes.count == header + 4 * rows * cols else { return nil }
        return (0..<rows).map { r in
            (0..<cols).map { c in Float(bitPattern: Self.readUInt32(bytes, at: header + 4 * (r * cols + c))) }
        }
    }

    /// Stores `rows` (all of one width) under `key`, replacing any entry atomically.
    public func store(_ rows: [[Float]], forKey key: String, featureSet: FeatureSet) throws {
        var data = Data(Self.signature)
        Self.append(UInt32(rows.count), to: &data)
        Self.append(UInt32(rows.first?.count ?? 0), to: &data)
        for row in rows {
            for value in row { Self.append(value.bitPattern, to: &data) }
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path(forKey: key, featureSet: featureSet)), options: .atomic)
    }

    /// The number of entries in the folder.
    public var entryCount: Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".f32") }.count
    }

    private func path(forKey key: String, featureSet: FeatureSet) -> String {
        (folder as NSString).appendingPathComponent("\(featureSet.name)-\(key).f32")
    }

    private static func append(_ value: UInt32, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    private static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
