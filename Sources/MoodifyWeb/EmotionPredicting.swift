import Moodify
import MoodifyAudio

/// What the web app needs from a classifier: a description for `/api/model` and a prediction per clip.
/// `EmotionClassifier` conforms; tests use a fake.
public protocol EmotionPredicting: Sendable {
    /// What `GET /api/model` reports: name, classes, feature set and the bundle's metadata.
    var modelDescription: ModelDescription { get }
    /// The emotion of one decoded clip at any sample rate; throws `ClassifierError.noSpeech` when trimming
    /// silence leaves less than `ClassifierError.minimumSpeech` seconds.
    func predict(_ audio: AudioBuffer) throws -> Prediction
}

extension EmotionClassifier: EmotionPredicting {
    /// The bundle's name, classes, feature set, feature parameters, metadata and members.
    public var modelDescription: ModelDescription {
        let parameters = members.count == 1 ? members[0].featureParameters
            : Dictionary(members.flatMap { member in member.featureParameters.map { (member.featureSet + "." + $0.key, $0.value) } }) { first, _ in first }
        return ModelDescription(name: bundle.name, classes: classes, featureSet: featureSet, featureParameters: parameters,
                                metadata: bundle.metadata, members: members)
    }
}
