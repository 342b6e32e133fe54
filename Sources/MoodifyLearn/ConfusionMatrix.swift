/// Counts of (true class, predicted class) pairs: row = truth, column = prediction, as scikit-learn's `confusion_matrix`.
public func confusionMatrix(_ yTrue: [Int], _ yPred: [Int], classes: Int) throws -> [[Int]] {
    try validateCodes(yTrue, yPred, classes: classes)
    var counts = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
    for (t, p) in zip(yTrue, yPred) { counts[t][p] += 1 }
    return counts
}
