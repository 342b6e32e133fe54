import Testing
@testable import MoodifyLearn

@Suite("f1 score and balanced accuracy")
struct ClassMetricsTests {
    @Test("f1 averages equal scikit-learn's bit for bit", arguments: 0..<6)
    func f1Golden(index: Int) throws {
        let c = try SklearnGolden.load("reports", as: SklearnGolden.Reports.self).cases[index]
        let labels = Array(c.labels.indices)
        // Same Float64 operations as scikit-learn's (pairwise sums): equal bits.
        #expect(try f1Score(c.yTrue, c.yPred, average: .macro, labels: labels) == c.macroF1, "case \(c.name)")
        #expect(try f1Score(c.yTrue, c.yPred, average: .weighted, labels: labels) == c.weightedF1, "case \(c.name)")
        #expect(try f1Score(c.yTrue, c.yPred, average: .micro, labels: labels) == c.accuracy, "case \(c.name)")
    }

    @Test("balanced accuracy is the macro recall over the classes that occur in y_true", arguments: 0..<6)
    func balancedGolden(index: Int) throws {
        let c = try SklearnGolden.load("reports", as: SklearnGolden.Reports.self).cases[index]
        let present = Set(c.yTrue).count
        let score = try balancedAccuracy(c.yTrue, c.yPred)
        if present == c.labels.count {
            #expect(score == c.macroRecall, "case \(c.name)")
        } else {
            // absent-class: scikit-learn drops the class with no true member; the golden macro recall counts it as 0.
            // 1e-12: two Float64 divisions of a sum of a few terms differ by a few ulps at most.
            #expect(abs(score - c.macroRecall * Double(c.labels.count) / Double(present)) < 1e-12, "case \(c.name)")
        }
    }

    @Test("labels default to the classes present; errors for mismatched or empty input")
    func defaultsAndErrors() throws {
        // Class 2 only predicted: its f1 is 0 and it counts in the macro mean, as in scikit-learn.
        #expect(try f1Scores([0, 0, 1, 1], [0, 2, 1, 1]) == [2.0 / 3.0, 1, 0])
        #expect(try f1Score([0, 0, 1, 1], [0, 2, 1, 1]) == (2.0 / 3.0 + 1) / 3)
        #expect(try balancedAccuracy([0, 0, 1, 1], [0, 2, 1, 1]) == 0.75)
        #expect(throws: MetricsError.lengthMismatch(truth: 2, predicted: 1)) { try f1Score([0, 1], [0]) }
        #expect(throws: MetricsError.empty) { try balancedAccuracy([], []) }
    }
}
