import Foundation

/// A folder of speech clips named by CREMA-D's rule, such as CREMA-D's `AudioWAV/` or the FLAC development set.
public struct Corpus: Sendable {
    /// The folder the clips were read from.
    public var path: String
    /// Clips whose names parse, sorted by file name.
    public var clips: [Clip]
    /// Audio file names that do not follow `ACTOR_SENTENCE_EMOTION_LEVEL`, sorted; they are not in `clips`.
    public var unparsed: [String]

    /// File extensions read as audio, compared case-insensitively.
    public static let audioExtensions: Set<String> = ["wav", "flac", "ogg", "mp3"]

    /// A corpus of the given clips (a subset of another, or clips found elsewhere).
    public init(path: String, clips: [Clip], unparsed: [String] = []) {
        self.path = path
        self.clips = clips
        self.unparsed = unparsed
    }

    /// Lists every .wav/.flac/.ogg/.mp3 file directly in the folder, sorted by name, and parses the names.
    public init(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CorpusError.folderMissing(path: path)
        }
        guard isDirectory.boolValue else { throw CorpusError.notAFolder(path: path) }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw CorpusError.unreadableFolder(path: path, reason: (error as NSError).localizedDescription)
        }
        let audio = names
            .filter { Self.audioExtensions.contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard !audio.isEmpty else { throw CorpusError.noAudioFiles(path: path) }
        self.path = path
        self.clips = []
        self.unparsed = []
        for name in audio {
            if let clip = Clip(fileName: name, path: (path as NSString).appendingPathComponent(name)) {
                clips.append(clip)
            } else {
                unparsed.append(name)
            }
        }
    }

    /// The number of clips.
    public var count: Int { clips.count }
    /// Each clip's emotion, in clip order.
    public var labels: [String] { clips.map(\.emotion) }
    /// Each clip's speaker, in clip order.
    public var speakers: [String] { clips.map(\.speaker) }
    /// Each clip's full path, in clip order.
    public var files: [String] { clips.map(\.path) }

    /// The development corpus: `$MOODIFY_AUDIO` when it names a folder, else `../shared/corpus/crema-d-dev`
    /// when that exists; nil when neither does.
    public static var developmentPath: String? {
        let candidates = [ProcessInfo.processInfo.environment["MOODIFY_AUDIO"], "../shared/corpus/crema-d-dev"]
        for case let candidate? in candidates where !candidate.isEmpty {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
        }
        return nil
    }
}
