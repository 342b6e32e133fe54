/// One clip of a corpus named by CREMA-D's rule `ACTOR_SENTENCE_EMOTION_LEVEL.ext`, e.g. `1001_DFA_ANG_XX.wav`.
public struct Clip: Sendable, Hashable {
    /// The full path of the audio file.
    public var path: String
    /// The actor's id, e.g. "1001".
    public var speaker: String
    /// The sentence code, e.g. "DFA".
    public var sentence: String
    /// The emotion label, e.g. "ANG".
    public var emotion: String
    /// The intensity, e.g. "HI", "MD", "LO" or "XX" (unspecified).
    public var level: String

    /// A clip with every field given.
    public init(path: String, speaker: String, sentence: String, emotion: String, level: String) {
        self.path = path
        self.speaker = speaker
        self.sentence = sentence
        self.emotion = emotion
        self.level = level
    }

    /// Parses a file name (with its extension) into a clip at `path`, or nil when the name does not have
    /// exactly four non-empty `_`-separated fields of ASCII letters and digits.
    public init?(fileName: String, path: String) {
        let stem = fileName.lastIndex(of: ".").map { String(fileName[..<$0]) } ?? fileName
        let fields = stem.split(separator: "_", omittingEmptySubsequences: false)
        guard fields.count == 4, fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) else {
            return nil
        }
        self.init(path: path, speaker: String(fields[0]), sentence: String(fields[1]),
                  emotion: String(fields[2]), level: String(fields[3]))
    }
}
