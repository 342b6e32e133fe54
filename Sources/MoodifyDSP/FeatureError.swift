/// What can go wrong computing a named feature set; each case reads as one sentence for a user.
public enum FeatureError: Error, CustomStringConvertible, Equatable, Sendable {
    /// No feature set has this name.
    case unknownSet(name: String, known: [String])
    /// The audio holds a NaN or infinite sample.
    case nonFiniteSample(index: Int, value: Float)
    /// The audio's sample rate is zero or negative.
    case invalidSampleRate(Int)
    /// The audio holds no samples.
    case emptyAudio
    /// A part of the analysis refused the audio (for example a clip too short for the constant-Q transform).
    case analysisFailed(String)

    /// One clear sentence for a user.
    public var description: String {
        switch self {
        case .unknownSet(let name, let known):
            return "There is no feature set named \"\(name)\"; the known sets are \(known.map { "\"\($0)\"" }.joined(separator: ", "))."
        case .nonFiniteSample(let index, let value):
            return "The audio holds a non-finite sample (\(value)) at index \(index), so no features can be computed from it."
        case .invalidSampleRate(let rate):
            return "The audio's sample rate \(rate) Hz is not a positive number of samples per second."
        case .emptyAudio:
            return "The audio holds no samples, so no features can be computed from it."
        case .analysisFailed(let reason):
            return "The features could not be computed: \(reason)"
        }
    }
}
