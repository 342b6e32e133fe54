import Foundation

/// The model bundle Moodify uses unless another is named: `MOODIFY_MODEL` if set, else `Models/default.moodify`
/// in the working directory (the bundle the repository ships, trained by `Notebooks/train_default.moodify`).
public enum DefaultModel {
    /// The name that stands for the default bundle wherever a bundle path is expected.
    public static let name = "default"

    /// The default bundle's path.
    public static var path: String {
        if let path = ProcessInfo.processInfo.environment["MOODIFY_MODEL"], !path.isEmpty { return path }
        return "Models/default.moodify"
    }

    /// The default bundle's path for the name "default", the argument itself otherwise.
    public static func resolve(_ pathOrName: String) -> String {
        pathOrName == name ? path : pathOrName
    }
}
