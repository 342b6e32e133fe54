/// K folds that never split a group (e.g. a speaker) across train and test, as scikit-learn's `GroupKFold`.
public struct GroupKFold: Sendable {
    /// Number of folds.
    public var splits: Int
    /// Whether groups are dealt to folds at random (in near-equal numbers of groups) instead of by size.
    public var shuffle: Bool
    /// Seed of the shuffle; `nil` draws a fresh one.
    public var seed: UInt64?

    /// A splitter into `splits` group folds.
    public init(splits: Int = 5, shuffle: Bool = false, seed: UInt64? = nil) {
        self.splits = splits
        self.shuffle = shuffle
        self.seed = seed
    }

    /// The folds for each sample's group: without shuffling, the largest group goes first, each to the fold
    /// holding the fewest samples so far (ties: the lower fold; equal groups: the later in sorted order first).
    public func split(groups: [String]) throws -> [Fold] {
        guard splits >= 2 else { throw SplitError.tooFewSplits(splits) }
        guard splits <= groups.count else { throw SplitError.moreSplitsThanSamples(splits: splits, samples: groups.count) }
        let (unique, groupOf) = groups.uniqueSortedInverse()
        guard splits <= unique.count else { throw SplitError.moreSplitsThanGroups(splits: splits, groups: unique.count) }
        var foldOfGroup = [Int](repeating: 0, count: unique.count)
        if shuffle {
            var generator = SeededGenerator(seed: seed ?? .random(in: .min ... .max))
            let permuted = Array(unique.indices).shuffled(using: &generator)
            // Consecutive chunks, the first `count % splits` one longer (NumPy's array_split).
            let base = unique.count / splits, longer = unique.count % splits
            var position = 0
            for f in 0..<splits {
                for _ in 0..<(base + (f < longer ? 1 : 0)) {
                    foldOfGroup[permuted[position]] = f
                    position += 1
                }
            }
        } else {
            var sizes = [Int](repeating: 0, count: unique.count)
            for g in groupOf { sizes[g] += 1 }
            // A stable ascending sort by size, read backwards.
            let bySize = Array(sizes.indices.sorted { sizes[$0] < sizes[$1] || (sizes[$0] == sizes[$1] && $0 < $1) }.reversed())
            var load = [Int](repeating: 0, count: splits)
            for g in bySize {
                let lightest = load.indices.min { load[$0] < load[$1] }!
                load[lightest] += sizes[g]
                foldOfGroup[g] = lightest
            }
        }
        return Fold.folds(testFoldOf: groupOf.map { foldOfGroup[$0] }, splits: splits)
    }
}
