import Foundation

/// Locates the real CREMA-D development clips: `$MOODIFY_AUDIO`, else `../shared/corpus/crema-d-dev`
/// relative to the package root.
enum TestCorpus {
    /// The package root, derived from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The corpus folder, whether or not it exists.
    static var path: String {
        if let env = ProcessInfo.processInfo.environment["MOODIFY_AUDIO"], !env.isEmpty { return env }
        return packageRoot.appendingPathComponent("../shared/corpus/crema-d-dev").standardizedFileURL.path
    }

    /// Whether the corpus folder is there.
    static var available: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The full path of one clip.
    static func clip(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }
}

/// A fresh temporary folder, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "moodify-audio-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A path inside the folder.
    func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }
}
