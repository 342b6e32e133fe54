/// Per-label counts of true members, predictions and correct predictions, the basis of precision,
/// recall and F1 (scikit-learn's `multilabel_confusion_matrix` reduced to what the scores need).
struct ClassCounts {
    /// Correct predictions of each label.
    var truePositives: [Int]
    /// True members of each label (its support).
    var trueCounts: [Int]
    /// Predictions of each label.
    var predictedCounts: [Int]

    /// Counts for `labels` (class codes, in the order wanted); pairs naming other codes count only where they match a label.
    init(_ yTrue: [Int], _ yPred: [Int], labels: [Int]) {
        let position = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        truePositives = [Int](repeating: 0, count: labels.count)
        trueCounts = truePositives
        predictedCounts = truePositives
        for (t, p) in zip(yTrue, yPred) {
            let ti = position[t]
            if let ti { trueCounts[ti] += 1 }
            if let pi = position[p] { predictedCounts[pi] += 1 }
            if t == p, let ti { truePositives[ti] += 1 }
        }
    }

    /// `a / b`, or 0 when `b` is 0 (scikit-learn's zero_division default).
    static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }

    /// Each label's precision.
    var precision: [Double] { zip(truePositives, predictedCounts).map { Self.ratio($0, $1) } }
    /// Each label's recall.
    var recall: [Double] { zip(truePositives, trueCounts).map { Self.ratio($0, $1) } }
    /// Each label's F1, as 2·tp / (true + predicted).
    var f1: [Double] { truePositives.indices.map { Self.ratio(2 * truePositives[$0], trueCounts[$0] + predictedCounts[$0]) } }
}
