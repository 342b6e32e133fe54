import MoodifyAudio
import MoodifyDSP
import MoodifyLearn

/// Why a model bundle could not serve as an emotion classifier, or a clip could not be classified;
/// each description is one sentence for a user.
public enum ClassifierError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The bundle file could not be read (missing, truncated, corrupted, foreign).
    case bundle(BundleError)
    /// The bundle lacks something a classifier needs, or its parts disagree.
    case invalidBundle(String)
    /// The bundle's feature set is unknown, or its width differs from the scaler's or the network's input.
    case featureSetMismatch(featureSet: String, reason: String)
    /// The audio could not be decoded.
    case audio(AudioError)
    /// The features could not be computed from the audio.
    case features(FeatureError)
    /// Less than `ClassifierError.minimumSpeech` seconds of sound remain once silence is trimmed.
    case noSpeech(seconds: Double)
    /// The network refused the features.
    case inference(String)

    /// Seconds of sound, after trimming silence, below which a clip is refused.
    public static let minimumSpeech = 0.2

    /// One clear sentence for a user.
    public var description: String {
        switch self {
        case .bundle(let error): error.description
        case .invalidBundle(let reason): "The model bundle cannot classify emotions: \(reason)."
        case .featureSetMismatch(let set, let reason): "The model bundle does not fit its feature set \"\(set)\": \(reason)."
        case .audio(let error): error.description
        case .features(let error): error.description
        case .noSpeech(let seconds):
            String(format: "The clip holds only %.2f s of sound above the silence threshold (30 dB below its loudest part); at least %.1f s of speech is needed.",
                   seconds, Self.minimumSpeech)
        case .inference(let reason): "The network could not classify the clip: \(reason)"
        }
    }
}
