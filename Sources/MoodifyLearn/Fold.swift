/// One cross-validation fold: sorted row indices to train on and to test on.
public struct Fold: Sendable, Equatable {
    /// Rows to train on, ascending.
    public var train: [Int]
    /// Rows to test on, ascending.
    public var test: [Int]

    /// A fold over the given rows.
    public init(train: [Int], test: [Int]) {
        self.train = train
        self.test = test
    }

    /// The folds described by each sample's test-fold number in `0..<splits`.
    static func folds(testFoldOf assignment: [Int], splits: Int) -> [Fold] {
        (0..<splits).map { f in
            var fold = Fold(train: [], test: [])
            for (row, owner) in assignment.enumerated() {
                if owner == f { fold.test.append(row) } else { fold.train.append(row) }
            }
            return fold
        }
    }
}

extension Array where Element == String {
    /// The distinct strings in Unicode code-point order (as NumPy's `unique` sorts), and each element's index among them.
    func uniqueSortedInverse() -> (unique: [String], inverse: [Int]) {
        let unique = Array(Set(self)).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        let index = Dictionary(uniqueKeysWithValues: unique.enumerated().map { ($1, $0) })
        return (unique, map { index[$0]! })
    }
}

extension Array where Element == Int {
    /// The distinct values in ascending order, and each element's index among them.
    func uniqueSortedInverse() -> (unique: [Int], inverse: [Int]) {
        let unique = Array(Set(self)).sorted()
        let index = Dictionary(uniqueKeysWithValues: unique.enumerated().map { ($1, $0) })
        return (unique, map { index[$0]! })
    }
}
