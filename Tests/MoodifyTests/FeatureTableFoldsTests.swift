@testable import Moodify
import MoodifyLearn
import Testing

@Suite struct FeatureTableFoldsTests {
    /// A table of three clips (corpus indices 0, 2 and 5: clip 1 was skipped) with four versions each.
    private let table = FeatureTable(
        featureSet: "method2", columns: ["a"], X: Matrix(rows: 12, cols: 1), labels: Array(repeating: "ANG", count: 12),
        speakers: Array(repeating: "1001", count: 12), files: Array(repeating: "x.flac", count: 12),
        clips: [0, 0, 0, 0, 2, 2, 2, 2, 5, 5, 5, 5], variants: [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3],
        augmented: true, skipped: [], cachedClips: 0)

    @Test func originalsAreTheFirstVersionOfEachClip() {
        #expect(table.originalRows == [0, 4, 8])
        #expect(table.originRows == [0, 0, 0, 0, 4, 4, 4, 4, 8, 8, 8, 8])
    }

    @Test func trainingTakesEveryVersionAndTestingOnlyOriginals() throws {
        let folds = try table.rowFolds(clipFolds: [Fold(train: [0, 2], test: [1]), Fold(train: [1], test: [0, 2])])
        #expect(folds[0] == Fold(train: [0, 1, 2, 3, 8, 9, 10, 11], test: [4]))
        #expect(folds[1] == Fold(train: [4, 5, 6, 7], test: [0, 8]))
    }
}
