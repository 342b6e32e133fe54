import Foundation
import MoodifyLearn

/// How a classifier did on a set of labelled clips: one prediction per clip, the usual scores, scikit-learn's
/// classification report and the confusion matrix, and the clips that could not be classified.
public struct EvaluationReport: Sendable {
    /// One clip's outcome.
    public struct ClipPrediction: Sendable, Equatable {
        /// The clip's file.
        public var path: String
        /// Its true emotion.
        public var actual: String
        /// The most probable class.
        public var predicted: String
        /// Each class's probability, in the classifier's class order.
        public var probabilities: [Double]

        /// A clip's outcome with every field given.
        public init(path: String, actual: String, predicted: String, probabilities: [Double]) {
            self.path = path
            self.actual = actual
            self.predicted = predicted
            self.probabilities = probabilities
        }
    }

    /// The classifier's classes, in its output order.
    public var classes: [String]
    /// Every classified clip, in corpus (or table) order.
    public var predictions: [ClipPrediction]
    /// The clips that could not be classified, with the reason.
    public var skipped: [FeatureTable.SkippedClip]
    /// The labels the scores are over: the classifier's classes that occur as actual or predicted labels, in its
    /// order, then actual labels it does not know, sorted (scikit-learn's default when the classes are sorted).
    public let labels: [String]
    /// Each clip's actual label as a position in `labels`.
    public let yTrue: [Int]
    /// Each clip's predicted label as a position in `labels`.
    public let yPred: [Int]
    /// Precision, recall, F1 and support per label and their averages, with scikit-learn's text.
    public let report: ClassificationReport
    /// Counts with rows = actual label, columns = predicted label, in `labels` order.
    public let confusion: [[Int]]
    /// Unweighted average recall over the labels that occur as actual labels (scikit-learn's balanced accuracy).
    public let uar: Double

    /// A report over the given predictions; throws when there are none.
    public init(classes: [String], predictions: [ClipPrediction], skipped: [FeatureTable.SkippedClip]) throws {
        guard !predictions.isEmpty else { throw MetricsError.empty }
        let seen = Set(predictions.map(\.actual) + predictions.map(\.predicted))
        let unknown = Set(predictions.map(\.actual)).subtracting(classes).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        let labels = classes.filter(seen.contains) + unknown
        let code = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        self.classes = classes
        self.predictions = predictions
        self.skipped = skipped
        self.labels = labels
        yTrue = predictions.map { code[$0.actual]! }
        yPred = predictions.map { code[$0.predicted]! }
        report = try ClassificationReport(yTrue: yTrue, yPred: yPred, labels: labels)
        confusion = try confusionMatrix(yTrue, yPred, classes: labels.count)
        uar = try balancedAccuracy(yTrue, yPred)
    }

    /// The fraction of clips whose predicted label is the actual one.
    public var accuracy: Double { report.accuracy }
    /// The unweighted mean of the per-label F1 scores.
    public var macroF1: Double { report.macroF1 }

    /// The probabilities of every clip, one row per clip in `classes` order.
    public var probabilities: Matrix {
        Matrix(rowArrays: predictions.map { $0.probabilities.map(Float.init) })
    }

    /// Each clip's actual class as a position in `classes` (for calibration), or nil when some actual label is not a class.
    public var actualClassCodes: [Int]? {
        let code = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let codes = predictions.compactMap { code[$0.actual] }
        return codes.count == predictions.count ? codes : nil
    }

    /// One line: clips, accuracy, macro-F1, UAR and how many clips were skipped.
    public var summary: String {
        String(format: "Evaluation of %d clips · accuracy %.4f · macro-F1 %.4f · UAR %.4f", predictions.count, accuracy, macroF1, uar)
            + (skipped.isEmpty ? "" : " · \(skipped.count) skipped")
    }
}
