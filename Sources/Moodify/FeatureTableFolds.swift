import MoodifyLearn

extension FeatureTable {
    /// The row of each clip's original version, in table order (every row when the table is not augmented).
    public var originalRows: [Int] { variants.indices.filter { variants[$0] == 0 } }

    /// For each row, the row of its clip's original version (see `RowOrigins`).
    public var originRows: [Int] {
        var original: [Int: Int] = [:]
        for row in originalRows { original[clips[row]] = row }
        return clips.map { original[$0]! }
    }

    /// Row folds from folds over the clips (indices into `originalRows`): each fold trains on every version of its
    /// training clips and tests on the original version of its test clips only, so no copy of a tested clip is
    /// trained on and the scores are those of real recordings.
    public func rowFolds(clipFolds: [Fold]) throws -> [Fold] {
        try RowOrigins(source: originRows).rowFolds(clipFolds)
    }
}
