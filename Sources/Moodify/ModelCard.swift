extension EmotionClassifier {
    /// The bundle's card as `:help model` shows it: the bundle, its feature set and classes, then every metadata entry
    /// (training data, protocol, cross-validated scores, calibration, …) one per line, in key order.
    public func card(path: String) -> String {
        let metadata = bundle.metadata
        let width = (metadata.keys.map(\.count).max() ?? 0) + 2
        let lines = metadata.keys.sorted().map { key in
            (key + ":").padding(toLength: width, withPad: " ", startingAt: 0) + metadata[key]!
        }
        return (["Model \(path) · features \(featureSet) · classes \(classes.joined(separator: " "))"] + lines)
            .joined(separator: "\n")
    }
}
