/// What an audio file's header says, read without decoding the audio.
public struct AudioFileInfo: Sendable, Equatable {
    /// The file's path.
    public var path: String
    /// Frames (samples per channel) the header declares.
    public var frames: Int
    /// Samples per second.
    public var sampleRate: Int
    /// Number of interleaved channels.
    public var channels: Int
    /// Container and encoding in libsndfile's words, e.g. "WAV (Microsoft), Signed 16 bit PCM".
    public var format: String

    /// Reads the header of the file at `path`; throws the same `AudioError`s as loading it would.
    public init(path: String) throws {
        let file = try SoundFile(source: .file(path))
        self.path = path
        self.frames = file.info.frames < Int64.max ? Int(file.info.frames) : 0
        self.sampleRate = file.sampleRate
        self.channels = Int(file.info.channels)
        self.format = file.formatDescription
    }

    /// Length in seconds according to the header.
    public var duration: Double {
        Double(frames) / Double(sampleRate)
    }
}
