/// Which original row every row of a table came from, when some rows are augmented copies of others: an original
/// row is its own origin. Folds are made over the originals; each original's copies then join the training side of
/// its fold only, and only originals are tested, so no copy of a tested sample is trained on.
public struct RowOrigins: Sendable, Equatable {
    /// For each row, the row of the original it was made from (itself for an original).
    public let source: [Int]
    /// The original rows, ascending; folds over the originals index this list.
    public let originals: [Int]

    /// The origins of `source.count` rows; every source must be an original row (its own source).
    public init(source: [Int]) throws {
        for (row, origin) in source.enumerated() {
            guard source.indices.contains(origin) else {
                throw LearnError.invalidArgument("row \(row) comes from row \(origin), outside 0..<\(source.count)")
            }
            guard source[origin] == origin else {
                throw LearnError.invalidArgument("row \(row) comes from row \(origin), which is itself a copy of row \(source[origin])")
            }
        }
        self.source = source
        self.originals = source.indices.filter { source[$0] == $0 }
    }

    /// Row folds from folds over the originals (indices into `originals`): a fold trains on every row whose original
    /// is on its training side (ascending) and tests the originals on its test side (in the fold's order).
    public func rowFolds(_ originalFolds: [Fold]) throws -> [Fold] {
        var position = [Int](repeating: -1, count: source.count)
        for (k, row) in originals.enumerated() { position[row] = k }
        return try originalFolds.enumerated().map { index, fold in
            guard (fold.train + fold.test).allSatisfy(originals.indices.contains) else {
                throw LearnError.invalidArgument("fold \(index + 1) refers to originals outside 0..<\(originals.count)")
            }
            var training = [Bool](repeating: false, count: originals.count)
            for k in fold.train { training[k] = true }
            return Fold(train: source.indices.filter { training[position[source[$0]]] }, test: fold.test.map { originals[$0] })
        }
    }
}
