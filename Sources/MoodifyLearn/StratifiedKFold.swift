/// K folds that keep each class's share in every test fold, allocated as scikit-learn's `StratifiedKFold`.
public struct StratifiedKFold: Sendable {
    /// Number of folds.
    public var splits: Int
    /// Whether each class's fold assignment is shuffled (otherwise folds follow the data order, as scikit-learn's).
    public var shuffle: Bool
    /// Seed of the shuffle; `nil` draws a fresh one.
    public var seed: UInt64?

    /// A splitter into `splits` stratified folds.
    public init(splits: Int = 5, shuffle: Bool = false, seed: UInt64? = nil) {
        self.splits = splits
        self.shuffle = shuffle
        self.seed = seed
    }

    /// The folds for class codes `y`: class `c`'s members are dealt to folds in the counts a round robin over
    /// the label-sorted samples gives, in blocks following the data order (shuffled within the class if asked).
    public func split(_ y: [Int]) throws -> [Fold] {
        guard splits >= 2 else { throw SplitError.tooFewSplits(splits) }
        guard splits <= y.count else { throw SplitError.moreSplitsThanSamples(splits: splits, samples: y.count) }
        // Classes numbered by first appearance, as scikit-learn does before allocating.
        var order = [Int: Int]()
        let encoded = y.map { code in
            if let known = order[code] { return known }
            order[code] = order.count
            return order.count - 1
        }
        var counts = [Int](repeating: 0, count: order.count)
        for c in encoded { counts[c] += 1 }
        guard counts.contains(where: { $0 >= splits }) else { throw SplitError.moreSplitsThanClassMembers(splits: splits) }

        var generator = SeededGenerator(seed: seed ?? .random(in: .min ... .max))
        var assignment = [Int](repeating: 0, count: y.count)
        var members = [[Int]](repeating: [], count: counts.count)
        for (row, c) in encoded.enumerated() { members[c].append(row) }
        var start = 0
        for c in counts.indices {
            // Positions start..<start+count of the sorted labels; position p goes to fold p % splits.
            var folds = [Int]()
            folds.reserveCapacity(counts[c])
            for f in 0..<splits {
                let first = start + ((f - start % splits) + splits) % splits
                let taken = first < start + counts[c] ? (start + counts[c] - 1 - first) / splits + 1 : 0
                folds.append(contentsOf: repeatElement(f, count: taken))
            }
            if shuffle { folds.shuffle(using: &generator) }
            for (row, f) in zip(members[c], folds) { assignment[row] = f }
            start += counts[c]
        }
        return Fold.folds(testFoldOf: assignment, splits: splits)
    }
}
