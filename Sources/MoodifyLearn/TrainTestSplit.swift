/// Row indices for a train/test split, as scikit-learn's `train_test_split`: the test side gets
/// `ceil(testSize · count)` rows; with `stratify` each class's test share is allocated as scikit-learn's
/// `_approximate_mode` does (ties broken at random), then rows are drawn at random within each class.
/// Both sides come back in random order, or as `0..<train` then the rest when `shuffle` is false.
public func trainTestSplit(count: Int, testSize: Double, stratify: [Int]? = nil, shuffle: Bool = true,
                           seed: UInt64) throws -> (train: [Int], test: [Int]) {
    guard testSize > 0 && testSize < 1 else { throw SplitError.invalidTestSize(testSize) }
    let testCount = Int((testSize * Double(count)).rounded(.up))
    let trainCount = count - testCount
    guard trainCount > 0 else { throw SplitError.emptyTrainingSet(samples: count, testSize: testSize) }
    var generator = SeededGenerator(seed: seed)
    guard let labels = stratify else {
        guard shuffle else { return (Array(0..<trainCount), Array(trainCount..<count)) }
        let order = Array(0..<count).shuffled(using: &generator)
        return (Array(order[testCount...]), Array(order[..<testCount]))
    }
    guard shuffle else { throw SplitError.stratifyWithoutShuffle }
    guard labels.count == count else { throw SplitError.lengthMismatch(what: "stratify labels", expected: count, got: labels.count) }
    let (classes, classOf) = labels.uniqueSortedInverse()
    var members = [[Int]](repeating: [], count: classes.count)
    for (row, c) in classOf.enumerated() { members[c].append(row) }
    if let lonely = members.firstIndex(where: { $0.count < 2 }) { throw SplitError.classTooSmall(classCode: classes[lonely]) }
    guard trainCount >= classes.count else { throw SplitError.sideSmallerThanClasses(side: "training", size: trainCount, classes: classes.count) }
    guard testCount >= classes.count else { throw SplitError.sideSmallerThanClasses(side: "test", size: testCount, classes: classes.count) }
    let counts = members.map(\.count)
    let trainPerClass = approximateMode(counts, draws: trainCount, using: &generator)
    let testPerClass = approximateMode(zip(counts, trainPerClass).map { $0 - $1 }, draws: testCount, using: &generator)
    var train = [Int](), test = [Int]()
    for c in members.indices {
        let rows = members[c].shuffled(using: &generator)
        train += rows[..<trainPerClass[c]]
        test += rows[trainPerClass[c]..<(trainPerClass[c] + testPerClass[c])]
    }
    return (train.shuffled(using: &generator), test.shuffled(using: &generator))
}

/// Per-class draws summing to `draws` that approximate the mode of the multivariate hypergeometric
/// (scikit-learn's `_approximate_mode`): floor the proportional shares, then give the leftover draws to
/// the largest fractional remainders, choosing at random among equal remainders.
func approximateMode<G: RandomNumberGenerator>(_ counts: [Int], draws: Int, using generator: inout G) -> [Int] {
    let total = Double(counts.reduce(0, +))
    let continuous = counts.map { Double($0) / total * Double(draws) }
    var result = continuous.map { Int($0.rounded(.down)) }
    var missing = draws - result.reduce(0, +)
    let remainders = zip(continuous, result).map { $0 - Double($1) }
    for value in Set(remainders).sorted(by: >) where missing > 0 {
        let tied = remainders.indices.filter { remainders[$0] == value }
        let chosen = tied.count <= missing ? tied : Array(tied.shuffled(using: &generator).prefix(missing))
        for i in chosen { result[i] += 1 }
        missing -= chosen.count
    }
    return result
}

/// Row indices for a train/test split that keeps every group (e.g. a speaker) on one side, as scikit-learn's
/// `GroupShuffleSplit`: `ceil(testSize · groups)` groups drawn at random go to the test side. Rows come back ascending.
public func groupTrainTestSplit(groups: [String], testSize: Double, seed: UInt64) throws -> (train: [Int], test: [Int]) {
    guard testSize > 0 && testSize < 1 else { throw SplitError.invalidTestSize(testSize) }
    let (unique, groupOf) = groups.uniqueSortedInverse()
    let testGroups = Int((testSize * Double(unique.count)).rounded(.up))
    guard testGroups < unique.count else { throw SplitError.emptyTrainingSet(samples: groups.count, testSize: testSize) }
    var generator = SeededGenerator(seed: seed)
    let chosen = Set(Array(unique.indices).shuffled(using: &generator).prefix(testGroups))
    let test = groupOf.indices.filter { chosen.contains(groupOf[$0]) }
    let train = groupOf.indices.filter { !chosen.contains(groupOf[$0]) }
    return (train, test)
}
