import Foundation
import Testing
@testable import MoodifyLearn

@Suite("accuracy, confusion matrix, classification report")
struct MetricsTests {
    @Test("classification report text is byte-identical to scikit-learn's", arguments: 0..<6)
    func reportGolden(index: Int) throws {
        let c = try SklearnGolden.load("reports", as: SklearnGolden.Reports.self).cases[index]
        let report = try ClassificationReport(yTrue: c.yTrue, yPred: c.yPred, labels: c.labels, digits: c.digits)
        #expect(report.text == c.text, "case \(c.name)")
        // The averages follow the same Float64 operations as scikit-learn's (pairwise sums included): equal bits.
        #expect(report.macroPrecision == c.macroPrecision)
        #expect(report.macroRecall == c.macroRecall)
        #expect(report.macroF1 == c.macroF1)
        #expect(report.weightedF1 == c.weightedF1)
        #expect(report.accuracy == c.accuracy)
        #expect(try accuracy(c.yTrue, c.yPred) == report.accuracy)
        #expect(try confusionMatrix(c.yTrue, c.yPred, classes: c.labels.count) == c.confusion)
    }

    @Test("per-class scores, zero division and supports")
    func perClass() throws {
        let report = try ClassificationReport(yTrue: [0, 0, 1, 1, 2], yPred: [0, 1, 1, 1, 1], labels: ["a", "b", "c"])
        #expect(report.perClass.map(\.support) == [2, 2, 1])
        #expect(report.perClass[0] == .init(label: "a", precision: 1, recall: 0.5, f1: 2.0 / 3.0, support: 2))
        #expect(report.perClass[1].precision == 0.5)
        // Never predicted and wrong: precision 0/0 → 0 (scikit-learn's zero_division default prints 0.00).
        #expect(report.perClass[2] == .init(label: "c", precision: 0, recall: 0, f1: 0, support: 1))
        #expect(report.accuracy == 0.6)
    }

    @Test("metrics reject mismatched lengths, empty input and out-of-range codes")
    func errors() {
        #expect(throws: MetricsError.lengthMismatch(truth: 2, predicted: 1)) { try accuracy([0, 1], [0]) }
        #expect(throws: MetricsError.empty) { try accuracy([], []) }
        #expect(throws: MetricsError.codeOutOfRange(code: 3, classes: 3)) { try confusionMatrix([0, 3], [0, 1], classes: 3) }
        #expect(throws: MetricsError.codeOutOfRange(code: -1, classes: 2)) {
            try ClassificationReport(yTrue: [0, 1], yPred: [-1, 1], labels: ["x", "y"])
        }
        #expect(throws: MetricsError.invalidDigits(-1)) { try ClassificationReport(yTrue: [0], yPred: [0], labels: ["x"], digits: -1) }
    }

    @Test("numpySum reproduces NumPy's pairwise order")
    func pairwiseOrder() {
        // Ones next to ±1e16 are lost or kept depending on the order of additions: np.sum of this array
        // (NumPy 2.4, eight accumulators) is 8.0, while Python's left-to-right sum() gives 1.0.
        var values = [Double](repeating: 0, count: 17)
        for i in 0..<8 { values[i] = i.isMultiple(of: 2) ? 1e16 : 1 }
        for i in 8..<16 { values[i] = i.isMultiple(of: 2) ? -1e16 : 1 }
        #expect(numpySum(values) == 8)
        #expect(values.reduce(0.0) { $0 + $1 } == 1)
    }
}
