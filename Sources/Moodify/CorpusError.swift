/// Why a corpus folder could not be read; each description is one sentence that says what to do.
public enum CorpusError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The folder does not exist.
    case folderMissing(path: String)
    /// The path is a file, not a folder.
    case notAFolder(path: String)
    /// The folder exists but could not be listed.
    case unreadableFolder(path: String, reason: String)
    /// The folder holds no .wav, .flac, .ogg or .mp3 file.
    case noAudioFiles(path: String)

    /// One clear sentence for a user.
    public var description: String {
        switch self {
        case .folderMissing(let path):
            return "No audio folder at \(path): put CREMA-D's AudioWAV/ folder there, or set MOODIFY_AUDIO to the folder that holds the clips."
        case .notAFolder(let path):
            return "\(path) is a file, but a folder of audio clips (such as CREMA-D's AudioWAV/) is needed."
        case .unreadableFolder(let path, let reason):
            return "The audio folder \(path) could not be listed: \(reason)."
        case .noAudioFiles(let path):
            return "The folder \(path) holds no .wav, .flac, .ogg or .mp3 files; point MOODIFY_AUDIO at CREMA-D's AudioWAV/ folder."
        }
    }
}
