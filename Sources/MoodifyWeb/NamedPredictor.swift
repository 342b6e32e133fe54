import Moodify
import MoodifyAudio

/// A predictor shown under another name (the bundle's file name rather than the network's "sequential").
public struct NamedPredictor: EmotionPredicting {
    /// The predictor that does the work.
    public let base: any EmotionPredicting
    /// The name the page and the API show.
    public let name: String

    /// `base`, shown as `name`.
    public init(_ base: any EmotionPredicting, name: String) {
        self.base = base
        self.name = name
    }

    /// The base's description under the new name.
    public var modelDescription: ModelDescription {
        var description = base.modelDescription
        description.name = name
        return description
    }

    /// The base's prediction.
    public func predict(_ audio: AudioBuffer) throws -> Prediction {
        try base.predict(audio)
    }
}
