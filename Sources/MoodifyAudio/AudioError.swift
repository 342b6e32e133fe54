/// Everything that can go wrong reading or writing audio; each case names the file and reads as one sentence.
public enum AudioError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Nothing exists at the path.
    case fileNotFound(path: String)
    /// The path is a folder, not a file.
    case isDirectory(path: String)
    /// The file has zero bytes.
    case emptyFile(path: String)
    /// The file exists but the operating system refused to read it.
    case unreadable(path: String, reason: String)
    /// The bytes are not a sound file libsndfile recognises (text, an image, random bytes).
    case notAudio(path: String)
    /// The file looks like audio but its header is damaged.
    case malformed(path: String, reason: String)
    /// The file stops before the end of the audio its header announces.
    case truncated(path: String, reason: String)
    /// The sample encoding is one libsndfile cannot decode (an unknown WAV codec, 16-bit float, …).
    case unsupportedFormat(path: String, format: String)
    /// The file is well formed but holds no audio frames.
    case noFrames(path: String)
    /// A float file holds a NaN or infinite sample.
    case nonFiniteSample(path: String, frame: Int)
    /// A sample rate that is zero, negative or absurd was asked for or found in a header.
    case invalidSampleRate(path: String, rate: Int)
    /// Writing the file failed.
    case writeFailed(path: String, reason: String)

    /// One clear sentence for a user.
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "No audio file at \(path): the file does not exist."
        case .isDirectory(let path):
            return "\(path) is a folder, not an audio file."
        case .emptyFile(let path):
            return "\(path) is empty (0 bytes), so there is no audio to load."
        case .unreadable(let path, let reason):
            return "\(path) could not be read: \(reason)."
        case .notAudio(let path):
            return "\(path) is not an audio file that can be decoded (WAV, FLAC, OGG/Vorbis or MP3 expected)."
        case .malformed(let path, let reason):
            return "\(path) has a damaged audio header: \(reason)."
        case .truncated(let path, let reason):
            return "\(path) is truncated: \(reason)."
        case .unsupportedFormat(let path, let format):
            return "\(path) uses an unsupported sample format (\(format)); convert it to PCM or float WAV, or FLAC."
        case .noFrames(let path):
            return "\(path) is a valid audio file but contains no samples."
        case .nonFiniteSample(let path, let frame):
            return "\(path) contains a NaN or infinite sample at frame \(frame)."
        case .invalidSampleRate(let path, let rate):
            return "\(path): \(rate) Hz is not a usable sample rate."
        case .writeFailed(let path, let reason):
            return "Could not write \(path): \(reason)."
        }
    }
}
