import MoodifyLearn

extension FeatureTable {
    /// The row of each clip's original version, in table order (every row when the table is not augmented).
    public var originalRows: [Int] { variants.indices.filter { variants[$0] == 0 } }

    /// Row folds from folds over the clips (indices into `originalRows`): each fold trains on every version of its
    /// training clips and tests on the original version of its test clips only, so no copy of a tested clip is
    /// trained on and the scores are those of real recordings.
    public func rowFolds(clipFolds: [Fold]) -> [Fold] {
        let originals = originalRows
        var position: [Int: Int] = [:]
        for (k, row) in originals.enumerated() { position[clips[row]] = k }
        let clipOfRow = clips.map { position[$0]! }
        return clipFolds.map { fold in
            let training = Set(fold.train)
            return Fold(train: clipOfRow.indices.filter { training.contains(clipOfRow[$0]) }, test: fold.test.map { originals[$0] })
        }
    }
}
