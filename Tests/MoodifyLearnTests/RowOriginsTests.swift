import MoodifyLearn
import Testing

@Suite struct RowOriginsTests {
    /// Rows 0, 2 and 5 are originals; 1 and 3 are copies of 0, 4 of 2, 6 and 7 of 5.
    private let source = [0, 0, 2, 0, 2, 5, 5, 5]

    @Test func originalsAreTheRowsThatAreTheirOwnSource() throws {
        #expect(try RowOrigins(source: source).originals == [0, 2, 5])
    }

    @Test func copiesTrainWithTheirOriginalAndOnlyOriginalsAreTested() throws {
        let folds = try RowOrigins(source: source).rowFolds([Fold(train: [0, 2], test: [1]), Fold(train: [1], test: [2, 0])])
        #expect(folds[0] == Fold(train: [0, 1, 3, 5, 6, 7], test: [2]))
        #expect(folds[1] == Fold(train: [2, 4], test: [5, 0]))  // test rows keep the fold's order
    }

    @Test func sourcesMustBeOriginalsInRange() {
        #expect(throws: LearnError.invalidArgument("row 1 comes from row 9, outside 0..<3")) { try RowOrigins(source: [0, 9, 2]) }
        #expect(throws: LearnError.invalidArgument("row 2 comes from row 1, which is itself a copy of row 0")) {
            try RowOrigins(source: [0, 0, 1])
        }
        #expect(throws: LearnError.invalidArgument("fold 1 refers to originals outside 0..<2")) {
            try RowOrigins(source: [0, 1, 0]).rowFolds([Fold(train: [0], test: [2])])
        }
    }
}
