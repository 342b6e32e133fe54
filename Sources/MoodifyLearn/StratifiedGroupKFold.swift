/// K group folds that also keep the class shares even, by scikit-learn's `StratifiedGroupKFold` heuristic.
public struct StratifiedGroupKFold: Sendable {
    /// Number of folds.
    public var splits: Int
    /// Whether groups with equally spread class counts are visited in random order.
    public var shuffle: Bool
    /// Seed of the shuffle; `nil` draws a fresh one.
    public var seed: UInt64?

    /// A splitter into `splits` stratified group folds.
    public init(splits: Int = 5, shuffle: Bool = false, seed: UInt64? = nil) {
        self.splits = splits
        self.shuffle = shuffle
        self.seed = seed
    }

    /// The folds for class codes `y` and each sample's group: groups are visited from the most to the least
    /// uneven class counts and each joins the fold that keeps the per-class shares across folds most even
    /// (mean over classes of the standard deviation of fold share), ties going to the fold with fewer samples.
    public func split(_ y: [Int], groups: [String]) throws -> [Fold] {
        guard splits >= 2 else { throw SplitError.tooFewSplits(splits) }
        guard groups.count == y.count else { throw SplitError.lengthMismatch(what: "groups", expected: y.count, got: groups.count) }
        guard splits <= y.count else { throw SplitError.moreSplitsThanSamples(splits: splits, samples: y.count) }
        let (classes, classOf) = y.uniqueSortedInverse()
        var classTotals = [Double](repeating: 0, count: classes.count)
        for c in classOf { classTotals[c] += 1 }
        guard classTotals.contains(where: { $0 >= Double(splits) }) else { throw SplitError.moreSplitsThanClassMembers(splits: splits) }
        var (unique, groupOf) = groups.uniqueSortedInverse()
        guard splits <= unique.count else { throw SplitError.moreSplitsThanGroups(splits: splits, groups: unique.count) }
        if shuffle {
            // Renumber the groups at random so that equally uneven groups are visited in random order.
            var generator = SeededGenerator(seed: seed ?? .random(in: .min ... .max))
            let newNumber = Array(unique.indices).shuffled(using: &generator)
            groupOf = groupOf.map { newNumber[$0] }
        }
        let nc = classes.count
        var perGroup = [[Double]](repeating: [Double](repeating: 0, count: nc), count: unique.count)
        for (c, g) in zip(classOf, groupOf) { perGroup[g][c] += 1 }

        let spread = perGroup.map { Self.populationStd($0) }
        let visitOrder = perGroup.indices.sorted { spread[$0] > spread[$1] || (spread[$0] == spread[$1] && $0 < $1) }
        var perFold = [[Double]](repeating: [Double](repeating: 0, count: nc), count: splits)
        var foldOfGroup = [Int](repeating: 0, count: unique.count)
        for g in visitOrder {
            let best = bestFold(perFold: &perFold, classTotals: classTotals, adding: perGroup[g])
            for c in 0..<nc { perFold[best][c] += perGroup[g][c] }
            foldOfGroup[g] = best
        }
        return Fold.folds(testFoldOf: groupOf.map { foldOfGroup[$0] }, splits: splits)
    }

    /// The fold whose taking `counts` leaves the most even class shares (scikit-learn's `_find_best_fold`).
    private func bestFold(perFold: inout [[Double]], classTotals: [Double], adding counts: [Double]) -> Int {
        let nc = classTotals.count
        var best = 0
        var bestScore = Double.infinity
        var bestSize = Double.infinity
        var column = [Double](repeating: 0, count: splits)
        var spreads = [Double](repeating: 0, count: nc)
        for f in 0..<splits {
            for c in 0..<nc { perFold[f][c] += counts[c] }
            for c in 0..<nc {
                for g in 0..<splits { column[g] = perFold[g][c] / classTotals[c] }
                spreads[c] = Self.populationStd(column, sequential: true)
            }
            for c in 0..<nc { perFold[f][c] -= counts[c] }
            let score = numpySum(spreads) / Double(nc)
            let size = numpySum(perFold[f])
            // NumPy's isclose(score, bestScore) with its default tolerances.
            let close = abs(score - bestScore) <= 1e-8 + 1e-5 * abs(bestScore)
            if score < bestScore || (close && size < bestSize) {
                best = f
                bestScore = score
                bestSize = size
            }
        }
        return best
    }

    /// Population standard deviation summed as NumPy does: pairwise along a row, or one by one down a column.
    private static func populationStd(_ v: [Double], sequential: Bool = false) -> Double {
        let n = Double(v.count)
        let mean = total(v, sequential: sequential) / n
        return (total(v.map { ($0 - mean) * ($0 - mean) }, sequential: sequential) / n).squareRoot()
    }

    private static func total(_ v: [Double], sequential: Bool) -> Double {
        guard sequential else { return numpySum(v) }
        var sum = 0.0
        for x in v { sum += x }
        return sum
    }
}
