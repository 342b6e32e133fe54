import Foundation

extension EmotionClassifier {
    /// The bundle's card as `:help model` shows it: the bundle, its feature set and classes, an ensemble's members (feature
    /// set, share of the mean, parameter count and the set's parameters), then every metadata entry (training data,
    /// protocol, cross-validated scores, calibration, …) one per line, in key order.
    public func card(path: String) -> String {
        let metadata = bundle.metadata
        let members: [String] = isEnsemble ? self.members.enumerated().map { index, member -> String in
            let parameters = member.featureParameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            return "member \(index + 1): \(member.featureSet) · weight " + String(format: "%.3g", member.weight)
                + " · input \(member.inputShape) · \(member.parameterCount) params · \(parameters)"
        } : []
        let width = (metadata.keys.map(\.count).max() ?? 0) + 2
        let lines = metadata.keys.sorted().map { key in
            (key + ":").padding(toLength: width, withPad: " ", startingAt: 0) + metadata[key]!
        }
        return (["Model \(path) · features \(featureSet) · classes \(classes.joined(separator: " "))"] + members + lines)
            .joined(separator: "\n")
    }
}
