/// Why a train/test split or a k-fold splitter could not split the data.
public enum SplitError: Error, Equatable, CustomStringConvertible {
    /// K-fold splitting needs at least two folds.
    case tooFewSplits(Int)
    /// More folds than samples.
    case moreSplitsThanSamples(splits: Int, samples: Int)
    /// Every class has fewer members than folds.
    case moreSplitsThanClassMembers(splits: Int)
    /// More folds than distinct groups.
    case moreSplitsThanGroups(splits: Int, groups: Int)
    /// Labels and groups (or rows and labels) differ in length.
    case lengthMismatch(what: String, expected: Int, got: Int)
    /// A test fraction outside (0, 1).
    case invalidTestSize(Double)
    /// The split would leave no training rows.
    case emptyTrainingSet(samples: Int, testSize: Double)
    /// A stratification class has a single member.
    case classTooSmall(classCode: Int)
    /// One side of a stratified split is smaller than the number of classes.
    case sideSmallerThanClasses(side: String, size: Int, classes: Int)
    /// Stratified splitting always shuffles.
    case stratifyWithoutShuffle

    /// One sentence for the user.
    public var description: String {
        switch self {
        case let .tooFewSplits(n):
            return "K-fold cross-validation needs at least 2 folds, not \(n)."
        case let .moreSplitsThanSamples(splits, samples):
            return "Cannot make \(splits) folds from only \(samples) samples."
        case let .moreSplitsThanClassMembers(splits):
            return "Cannot make \(splits) stratified folds: every class has fewer than \(splits) members."
        case let .moreSplitsThanGroups(splits, groups):
            return "Cannot make \(splits) group folds from only \(groups) distinct groups."
        case let .lengthMismatch(what, expected, got):
            return "The \(what) should number \(expected), but there are \(got)."
        case let .invalidTestSize(size):
            return "The test size must be a fraction between 0 and 1 (exclusive), not \(size)."
        case let .emptyTrainingSet(samples, testSize):
            return "A test size of \(testSize) leaves no training rows out of \(samples)."
        case let .classTooSmall(code):
            return "Class \(code) has only one member, too few to stratify a split (each class needs at least 2)."
        case let .sideSmallerThanClasses(side, size, classes):
            return "The \(side) set would hold \(size) rows, fewer than the \(classes) classes it must stratify."
        case .stratifyWithoutShuffle:
            return "A stratified train/test split always shuffles; pass shuffle: true or drop stratify."
        }
    }
}
