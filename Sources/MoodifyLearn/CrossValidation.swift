/// One fold of a cross-validation.
public struct FoldResult: Sendable {
    /// The training history.
    public var history: History
    /// Loss and accuracy on the fold's test rows after training (best weights restored when asked).
    public var evaluation: Evaluation
    /// Training rows used (after augmentation and oversampling).
    public var trainCount: Int
    /// Test rows.
    public var testCount: Int
    /// The test rows' indices in the data, in the order of `predictions`.
    public var testIndices: [Int]
    /// The predicted class of each test row (the argmax of the model's output after training).
    public var predictions: [Int]
    /// The model's output (class probabilities) for each test row, one row per entry of `predictions`.
    public var probabilities: Matrix
}

/// Every fold's result and the model of the best one.
public struct CrossValidationResult {
    /// The folds, in order.
    public var folds: [FoldResult]
    /// The index of the fold with the highest test accuracy (the first on ties).
    public var bestFold: Int
    /// The trained model of that fold.
    public var bestModel: Sequential
    /// Every fold's trained model, in fold order.
    public var models: [Sequential]

    /// Each fold's test accuracy.
    public var accuracies: [Float] { folds.map(\.evaluation.accuracy) }
    /// The mean test accuracy.
    public var meanAccuracy: Float { accuracies.reduce(0, +) / Float(max(folds.count, 1)) }

    /// Out-of-fold predictions: every row some fold tested, ascending, with the class its fold's model
    /// predicted (a row tested by several folds keeps the last fold's prediction).
    public var outOfFold: (rows: [Int], predictions: [Int]) {
        let tests = lastTests
        return (tests.map(\.row), tests.map { folds[$0.fold].predictions[$0.position] })
    }

    /// Out-of-fold probabilities: for the rows of `outOfFold`, in its order, the output of the model that tested them.
    public var outOfFoldProbabilities: Matrix {
        let tests = lastTests
        let width = folds.first?.probabilities.cols ?? 0
        var values = [Float]()
        values.reserveCapacity(tests.count * width)
        for test in tests { values += folds[test.fold].probabilities.row(test.position) }
        return Matrix(rows: tests.count, cols: width, values: values)
    }

    /// Every row some fold tested, ascending, with the fold that tested it last and its position in that fold.
    private var lastTests: [(row: Int, fold: Int, position: Int)] {
        var last: [Int: (fold: Int, position: Int)] = [:]
        for (f, fold) in folds.enumerated() { for (position, row) in fold.testIndices.enumerated() { last[row] = (f, position) } }
        return last.keys.sorted().map { ($0, last[$0]!.fold, last[$0]!.position) }
    }
}

/// Extra training rows made from the samples (augmented copies), each tied to the sample it came from,
/// so that a fold trains only on copies of its own training samples.
public struct AugmentedRows {
    /// The rows.
    public var x: Matrix
    /// Their class indices.
    public var y: [Int]
    /// For each row, the index of the original sample it was made from.
    public var source: [Int]

    /// Augmented rows with their labels and source samples.
    public init(x: Matrix, y: [Int], source: [Int]) throws {
        guard x.rows == y.count, y.count == source.count else {
            throw LearnError.shapeMismatch(context: "Augmented rows", expected: "\(x.rows) labels and sources", got: "\(y.count) and \(source.count)")
        }
        self.x = x
        self.y = y
        self.source = source
    }
}

/// Runs k-fold cross-validation: for each split, a fresh model from `build` is trained on the training
/// rows (plus their augmented copies, then oversampled by `oversample` if given; neither touches the test
/// rows) with the test rows as validation data, then evaluated on them. Each fold gets a fresh copy of the
/// options' optimizer and the seed plus the fold index; `configureFold`, when given, may then change the
/// fold's options (e.g. give it new callbacks) before training.
///
/// `jobs` folds train at once (scikit-learn's `n_jobs`; nil: the active cores, negative: the cores + 1 + jobs),
/// at most one per fold, and one when the folds would share the options' callbacks (no `configureFold`).
/// A fold training beside others runs its inner loops serially, in the same chunks, so its result is the same as with `jobs` 1.
/// `build`, `oversample`, `configureFold`, `foldStart` and `foldDone` are always called on the calling thread,
/// in fold order: `foldStart(i)` before fold i is prepared (one job) or once fold i − 1 is reported (several),
/// `foldDone(i, result)` once folds before i are reported.
public func crossValidate(build: () throws -> Sequential, x: Matrix, y: [Int], splits: [(train: [Int], test: [Int])],
                          augmented: AugmentedRows? = nil,
                          oversample: ((Matrix, [Int]) throws -> (Matrix, [Int]))? = nil,
                          options: FitOptions = FitOptions(),
                          configureFold: ((_ fold: Int, _ options: inout FitOptions) throws -> Void)? = nil,
                          jobs: Int? = nil,
                          foldStart: ((Int) -> Void)? = nil,
                          foldDone: ((Int, FoldResult) -> Void)? = nil) throws -> CrossValidationResult {
    guard x.rows == y.count else {
        throw LearnError.shapeMismatch(context: "Cross-validation labels", expected: "\(x.rows)", got: "\(y.count)")
    }
    guard !splits.isEmpty else { throw LearnError.invalidArgument("cross-validation needs at least one split") }
    let width = try foldJobs(jobs, folds: splits.count, sharedCallbacks: configureFold == nil && !options.callbacks.isEmpty)
    func prepare(_ index: Int) throws -> PreparedFold {
        let split = splits[index]
        guard !split.train.isEmpty, !split.test.isEmpty else { throw LearnError.emptyData("Fold \(index + 1)") }
        guard (split.train + split.test).allSatisfy({ $0 >= 0 && $0 < x.rows }) else {
            throw LearnError.invalidArgument("fold \(index + 1) refers to rows outside 0..<\(x.rows)")
        }
        var trainX = x.rows(split.train), trainY = split.train.map { y[$0] }
        if let augmented {
            let inTrain = Set(split.train)
            let picked = augmented.source.indices.filter { inTrain.contains(augmented.source[$0]) }
            trainX = trainX.appendingRows(of: augmented.x.rows(picked))
            trainY += picked.map { augmented.y[$0] }
        }
        if let oversample { (trainX, trainY) = try oversample(trainX, trainY) }
        let model = try build()
        var foldOptions = options
        foldOptions.optimizer = options.optimizer?.fresh()
        foldOptions.seed = options.seed.map { $0 &+ UInt64(index) }
        try configureFold?(index, &foldOptions)
        return PreparedFold(model: model, trainX: trainX, trainY: trainY, testX: x.rows(split.test), testY: split.test.map { y[$0] },
                            testIndices: split.test, options: foldOptions, evaluationBatchSize: options.batchSize)
    }
    var folds: [FoldResult] = [], models: [Sequential] = [], best: (index: Int, model: Sequential)?
    func report(_ index: Int, _ trained: (result: FoldResult, model: Sequential)) {
        folds.append(trained.result)
        models.append(trained.model)
        foldDone?(index, trained.result)
        if best == nil || trained.result.evaluation.accuracy > folds[best!.index].evaluation.accuracy { best = (index, trained.model) }
    }
    if width == 1 {
        for index in splits.indices {
            foldStart?(index)
            report(index, try prepare(index).train())
        }
    } else {
        try trainConcurrently(count: splits.count, jobs: width, prepare: prepare, foldStart: foldStart, report: report)
    }
    return CrossValidationResult(folds: folds, bestFold: best!.index, bestModel: best!.model, models: models)
}

/// A fold ready to train: its rows, a fresh model and its options.
struct PreparedFold {
    let model: Sequential
    let trainX: Matrix, trainY: [Int], testX: Matrix, testY: [Int], testIndices: [Int]
    var options: FitOptions
    let evaluationBatchSize: Int

    /// Trains the model with the test rows as validation data and scores them.
    func train() throws -> (result: FoldResult, model: Sequential) {
        let history = try model.fit(trainX, trainY, validation: ValidationData(testX, testY), options: options)
        let evaluation = try model.evaluate(testX, testY, batchSize: evaluationBatchSize)
        let probabilities = try model.predict(testX)
        let result = FoldResult(history: history, evaluation: evaluation, trainCount: trainX.rows, testCount: testX.rows,
                                testIndices: testIndices, predictions: probabilities.argmaxRows(), probabilities: probabilities)
        return (result, model)
    }
}
