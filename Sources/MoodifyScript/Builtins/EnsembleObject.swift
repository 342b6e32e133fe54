import Foundation
import MoodifyLearn

/// An ensemble bundle as scripts see it (from `load_model`): `.members` (each a model with its scaler and feature
/// set), `.weights`, `.labels`, `.metadata`, `.feature_set` ("logmel_frames+method3"); `predict_file` and `evaluate`
/// take it as they take a one-network model.
struct EnsembleObject: HostObject {
    /// The bundle the ensemble was read from.
    let ensemble: EnsembleBundle
    /// The members as model objects, labelled with the ensemble's classes.
    let members: [ModelObject]

    /// The object of an ensemble bundle.
    init(ensemble: EnsembleBundle) throws {
        self.ensemble = ensemble
        members = try ensemble.members.map { member in
            var network = member.network
            network.labels = ensemble.labels
            return try ModelObject(bundle: network)
        }
    }

    /// The members' feature sets joined by "+".
    private var featureSet: String { ensemble.members.map { $0.network.featureSet ?? "?" }.joined(separator: "+") }

    /// Every member's parameter count.
    private var parameterCount: Int { (try? members.map { try $0.withModel(\.parameterCount) }.reduce(0, +)) ?? 0 }

    var typeName: String { "Ensemble" }
    var summary: String {
        "Ensemble \"\(ensemble.name)\" · \(members.count) members (\(featureSet)) · \(parameterCount) params"
    }

    var display: String {
        let total = ensemble.members.map(\.weight).reduce(0, +)
        let lines = zip(ensemble.members, members).enumerated().map { index, pair in
            "member \(index + 1) · weight " + String(format: "%.3g", pair.0.weight / total) + " · " + pair.1.summary
        }
        return ([summary] + lines).joined(separator: "\n")
    }

    var propertyNames: [String] {
        ["count_params", "feature_set", "label_encoder", "labels", "members", "metadata", "name", "weights"]
    }

    func property(_ name: String) throws -> Value? {
        switch name {
        case "count_params": return .number(Double(parameterCount))
        case "feature_set": return .string(featureSet)
        case "label_encoder": return ensemble.labels.map { .object(LabelEncoderObject(encoder: LabelEncoder(classes: $0), codes: [])) } ?? .null
        case "labels": return ensemble.labels.map { .strings($0) } ?? .null
        case "members": return .list(members.map { .object($0) })
        case "metadata": return .dictionary(ValueDictionary(ensemble.metadata.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        case "name": return .string(ensemble.name)
        case "weights": return .doubles(ensemble.members.map(\.weight))
        default: return nil
        }
    }

    var length: Int? { members.count }
    var elements: [Value]? { members.map { .object($0) } }
}
