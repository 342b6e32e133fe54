import Foundation

/// Finds DejaVu Sans on disk the way fontconfig would: well-known package paths first, then a search of the
/// usual font folders.
enum FontLocator {
    /// The file name of the regular face.
    static let fileName = "DejaVuSans.ttf"

    /// Paths where distributions install DejaVu Sans.
    static let knownPaths = [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",  // Debian, Ubuntu: fonts-dejavu-core
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",           // Fedora
        "/usr/share/fonts/TTF/DejaVuSans.ttf",              // Arch
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
        "/usr/local/share/fonts/DejaVuSans.ttf",
        "/opt/homebrew/share/fonts/DejaVuSans.ttf",
    ]

    /// The folders fontconfig scans by default, for a user with the given home folder.
    static func fontFolders(home: String, environment: [String: String]) -> [String] {
        let dataHome = environment["XDG_DATA_HOME"] ?? home + "/.local/share"
        return ["/usr/share/fonts", "/usr/local/share/fonts", dataHome + "/fonts", home + "/.fonts",
                "/Library/Fonts", home + "/Library/Fonts"]
    }

    /// The path of DejaVuSans.ttf: `MOODIFY_FONT` if set, else the first known or found file.
    static func dejaVuSans(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let files = FileManager.default
        if let chosen = environment["MOODIFY_FONT"], !chosen.isEmpty {
            guard files.isReadableFile(atPath: chosen) else { throw PlotError.fontNotFound(searched: [chosen]) }
            return chosen
        }
        if let found = knownPaths.first(where: { files.isReadableFile(atPath: $0) }) {
            return found
        }
        let folders = fontFolders(home: environment["HOME"] ?? NSHomeDirectory(), environment: environment)
        for folder in folders {
            if let found = search(folder, depth: 4) { return found }
        }
        throw PlotError.fontNotFound(searched: knownPaths.prefix(1) + folders)
    }

    /// Looks for DejaVuSans.ttf under `folder`, at most `depth` levels down, in sorted order.
    private static func search(_ folder: String, depth: Int) -> String? {
        let files = FileManager.default
        guard depth > 0, let entries = try? files.contentsOfDirectory(atPath: folder) else { return nil }
        let sorted = entries.sorted()
        if sorted.contains(fileName), files.isReadableFile(atPath: folder + "/" + fileName) {
            return folder + "/" + fileName
        }
        for entry in sorted {
            var isFolder: ObjCBool = false
            let path = folder + "/" + entry
            if files.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
               let found = search(path, depth: depth - 1) {
                return found
            }
        }
        return nil
    }
}
