/// How `f1Score` combines the per-class scores, as scikit-learn's `average` argument.
public enum F1Average: String, Sendable, CaseIterable {
    /// The unweighted mean of the per-class scores.
    case macro
    /// The mean weighted by each class's support.
    case weighted
    /// F1 of the pooled counts (equal to accuracy when every class is scored).
    case micro
}

/// The class codes scored when none are given: those in either list, ascending (as scikit-learn's `unique_labels`).
private func presentLabels(_ yTrue: [Int], _ yPred: [Int]) -> [Int] {
    Array(Set(yTrue).union(yPred)).sorted()
}

/// Checks that the two lists pair up and are not empty.
private func checkPairs(_ yTrue: [Int], _ yPred: [Int]) throws {
    guard yTrue.count == yPred.count else { throw MetricsError.lengthMismatch(truth: yTrue.count, predicted: yPred.count) }
    guard !yTrue.isEmpty else { throw MetricsError.empty }
}

/// Each label's F1 score, as scikit-learn's `f1_score(average=None)`; `labels` defaults to the codes present.
public func f1Scores(_ yTrue: [Int], _ yPred: [Int], labels: [Int]? = nil) throws -> [Double] {
    try checkPairs(yTrue, yPred)
    return ClassCounts(yTrue, yPred, labels: labels ?? presentLabels(yTrue, yPred)).f1
}

/// The F1 score averaged over `labels` (default: the codes present), as scikit-learn's `f1_score`.
public func f1Score(_ yTrue: [Int], _ yPred: [Int], average: F1Average = .macro, labels: [Int]? = nil) throws -> Double {
    try checkPairs(yTrue, yPred)
    let counts = ClassCounts(yTrue, yPred, labels: labels ?? presentLabels(yTrue, yPred))
    switch average {
    case .macro:
        return numpySum(counts.f1) / Double(max(counts.f1.count, 1))
    case .weighted:
        let support = counts.trueCounts.map(Double.init)
        let total = numpySum(support)
        return total == 0 ? 0 : numpySum(zip(counts.f1, support).map { $0 * $1 }) / total
    case .micro:
        return ClassCounts.ratio(2 * counts.truePositives.reduce(0, +),
                                 counts.trueCounts.reduce(0, +) + counts.predictedCounts.reduce(0, +))
    }
}

/// The mean recall over the classes present in `yTrue`, as scikit-learn's `balanced_accuracy_score`.
public func balancedAccuracy(_ yTrue: [Int], _ yPred: [Int]) throws -> Double {
    try checkPairs(yTrue, yPred)
    let present = Array(Set(yTrue)).sorted()
    return numpySum(ClassCounts(yTrue, yPred, labels: present).recall) / Double(present.count)
}
