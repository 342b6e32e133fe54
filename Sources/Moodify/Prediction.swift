import Foundation

/// What the classifier heard in one clip: the most likely emotion and every class's probability.
public struct Prediction: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The most likely class, e.g. "ANG".
    public var emotion: String
    /// The class names in the model's output order.
    public var classes: [String]
    /// Each class's probability; they sum to 1.
    public var probabilities: [String: Double]
    /// The clip's length in seconds.
    public var duration: Double
    /// Seconds of sound the features were computed from: at most the first 30 s, after trimming silence.
    public var analysedDuration: Double
    /// Whether the clip was longer than 30 s, so only its first 30 s were analysed.
    public var truncated: Bool

    /// A prediction from probabilities in class order; the emotion is the most probable class (the first on ties).
    public init(classes: [String], probabilities: [Double], duration: Double, analysedDuration: Double, truncated: Bool) {
        precondition(classes.count == probabilities.count && !classes.isEmpty, "one probability per class is needed")
        self.emotion = classes[Self.mostProbable(probabilities)]
        self.classes = classes
        self.probabilities = Dictionary(uniqueKeysWithValues: zip(classes, probabilities))
        self.duration = duration
        self.analysedDuration = analysedDuration
        self.truncated = truncated
    }

    /// The index of the largest probability, the first on ties.
    static func mostProbable(_ probabilities: [Double]) -> Int {
        probabilities.indices.max { probabilities[$0] < probabilities[$1] || (probabilities[$0] == probabilities[$1] && $0 > $1) }!
    }

    /// The probabilities in class order.
    public var orderedProbabilities: [Double] { classes.map { probabilities[$0] ?? 0 } }

    /// The original notebooks' printout: "Prediction Probabilities:" then one "ANG: 62.93%" line per class.
    public var description: String {
        (["Prediction Probabilities:"] + classes.map { "\($0): " + String(format: "%.2f%%", 100 * (probabilities[$0] ?? 0)) })
            .joined(separator: "\n")
    }
}
