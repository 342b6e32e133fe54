import Foundation

/// Precision, recall, F1 and support per class with their averages, and the text scikit-learn's
/// `classification_report` prints for them (byte for byte; 0 where a ratio has no denominator).
public struct ClassificationReport: Sendable {
    /// One class's scores.
    public struct ClassScore: Sendable, Equatable {
        /// The class name.
        public var label: String
        /// Correct predictions of the class over all predictions of it (0 when never predicted).
        public var precision: Double
        /// Correct predictions of the class over its true members (0 when it has none).
        public var recall: Double
        /// Harmonic mean of precision and recall, as 2·tp / (true + predicted).
        public var f1: Double
        /// Number of true members.
        public var support: Int
    }

    /// Scores per class, in code order.
    public var perClass: [ClassScore]
    /// Fraction of correct predictions.
    public var accuracy: Double
    /// Unweighted mean of the per-class precisions.
    public var macroPrecision: Double
    /// Unweighted mean of the per-class recalls.
    public var macroRecall: Double
    /// Unweighted mean of the per-class F1 scores.
    public var macroF1: Double
    /// Support-weighted mean of the per-class precisions.
    public var weightedPrecision: Double
    /// Support-weighted mean of the per-class recalls.
    public var weightedRecall: Double
    /// Support-weighted mean of the per-class F1 scores.
    public var weightedF1: Double
    /// The report in scikit-learn's layout.
    public var text: String

    /// Scores class codes `yPred` against `yTrue`; code `i` is named `labels[i]`; `digits` decimals in the text.
    public init(yTrue: [Int], yPred: [Int], labels: [String], digits: Int = 2) throws {
        guard digits >= 0 else { throw MetricsError.invalidDigits(digits) }
        let classes = labels.count
        try validateCodes(yTrue, yPred, classes: classes)
        let counts = ClassCounts(yTrue, yPred, labels: Array(0..<classes))
        let precision = counts.precision, recall = counts.recall, f1 = counts.f1
        perClass = (0..<classes).map { c in
            ClassScore(label: labels[c], precision: precision[c], recall: recall[c], f1: f1[c], support: counts.trueCounts[c])
        }
        let n = Double(classes)
        let weights = counts.trueCounts.map(Double.init)
        let totalWeight = numpySum(weights)
        func macro(_ v: [Double]) -> Double { numpySum(v) / n }
        func weighted(_ v: [Double]) -> Double { numpySum(zip(v, weights).map { $0 * $1 }) / totalWeight }
        accuracy = ClassCounts.ratio(counts.truePositives.reduce(0, +), yTrue.count)
        macroPrecision = macro(precision)
        macroRecall = macro(recall)
        macroF1 = macro(f1)
        weightedPrecision = weighted(precision)
        weightedRecall = weighted(recall)
        weightedF1 = weighted(f1)

        let width = max(labels.map(\.unicodeScalars.count).max() ?? 0, "weighted avg".count, digits)
        func pad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.unicodeScalars.count)) + s }
        func number(_ v: Double) -> String { pad(String(format: "%.\(digits)f", v), 9) }
        func row(_ name: String, _ p: Double, _ r: Double, _ f: Double, _ s: Int) -> String {
            "\(pad(name, width))  \(number(p)) \(number(r)) \(number(f)) \(pad(String(s), 9))\n"
        }
        let support = yTrue.count
        var out = pad("", width) + " " + ["precision", "recall", "f1-score", "support"].map { " " + pad($0, 9) }.joined() + "\n\n"
        for s in perClass { out += row(s.label, s.precision, s.recall, s.f1, s.support) }
        out += "\n"
        out += "\(pad("accuracy", width))  \(pad("", 9)) \(pad("", 9)) \(number(accuracy)) \(pad(String(support), 9))\n"
        out += row("macro avg", macroPrecision, macroRecall, macroF1, support)
        out += row("weighted avg", weightedPrecision, weightedRecall, weightedF1, support)
        text = out
    }
}
