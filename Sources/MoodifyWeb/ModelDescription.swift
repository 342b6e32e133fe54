import Moodify

/// What `GET /api/model` reports about the loaded model.
public struct ModelDescription: Sendable, Equatable {
    /// The model's name.
    public var name: String
    /// The class labels in output order.
    public var classes: [String]
    /// The feature set the model reads ("method1"); an ensemble's sets joined by "+" ("logmel_frames+method3").
    public var featureSet: String
    /// The feature set's parameters as the bundle recorded them (the set's own description when it recorded none); an
    /// ensemble's members' parameters with keys prefixed by their set ("method3.parameters").
    public var featureParameters: [String: String]
    /// The bundle's training and evaluation metadata (dates, accuracy, corpus, protocol …).
    public var metadata: [String: String]
    /// The networks: one for a single-network bundle, several for an ensemble.
    public var members: [ClassifierMember]

    /// A description from all its fields.
    public init(name: String, classes: [String], featureSet: String,
                featureParameters: [String: String] = [:], metadata: [String: String] = [:], members: [ClassifierMember] = []) {
        self.name = name
        self.classes = classes
        self.featureSet = featureSet
        self.featureParameters = featureParameters
        self.metadata = metadata
        self.members = members
    }
}
