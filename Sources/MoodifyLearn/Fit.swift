import Foundation

/// How `fit` trains: Keras's `fit` arguments.
public struct FitOptions {
    /// The optimizer; nil continues with the model's, or makes `Adam()` (Keras's defaults).
    public var optimizer: Adam?
    /// The number of passes over the data.
    public var epochs: Int
    /// Samples per update.
    public var batchSize: Int
    /// Whether the samples are reshuffled before every epoch.
    public var shuffle: Bool
    /// Per-class weights of the training loss.
    public var classWeight: ClassWeight?
    /// Callbacks run in order after every epoch.
    public var callbacks: [any Callback]
    /// Fixes shuffling and dropout (random when nil).
    public var seed: UInt64?
    /// Progress lines on standard output; nil means only when it is a terminal.
    public var verbose: Bool?
    /// Set by `crossValidate` on a fold trained beside others: progress is then one labelled line per epoch.
    var progressLabel: String?

    /// Keras's defaults: 1 epoch, batch 32, shuffled.
    public init(optimizer: Adam? = nil, epochs: Int = 1, batchSize: Int = 32, shuffle: Bool = true,
                classWeight: ClassWeight? = nil, callbacks: [any Callback] = [], seed: UInt64? = nil, verbose: Bool? = nil) {
        self.optimizer = optimizer
        self.epochs = epochs
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.classWeight = classWeight
        self.callbacks = callbacks
        self.seed = seed
        self.verbose = verbose
    }
}

extension Sequential {
    /// Trains on `x` with targets `y` (class indices or one-hot rows) as Keras's `fit`, returning the history.
    public func fit(_ x: some TensorConvertible, _ y: some TargetConvertible, validation: ValidationData? = nil,
                    optimizer: Adam? = nil, epochs: Int = 1, batchSize: Int = 32, shuffle: Bool = true,
                    classWeight: ClassWeight? = nil, callbacks: [any Callback] = [], seed: UInt64? = nil,
                    verbose: Bool? = nil) throws -> History {
        try fit(x, y, validation: validation,
                options: FitOptions(optimizer: optimizer, epochs: epochs, batchSize: batchSize, shuffle: shuffle,
                                    classWeight: classWeight, callbacks: callbacks, seed: seed, verbose: verbose))
    }

    /// Trains with the given options.
    public func fit(_ x: some TensorConvertible, _ y: some TargetConvertible, validation: ValidationData? = nil,
                    options: FitOptions) throws -> History {
        guard options.epochs >= 0 else { throw LearnError.invalidArgument("epochs must not be negative, got \(options.epochs)") }
        guard options.batchSize > 0 else { throw LearnError.invalidArgument("batch size must be positive, got \(options.batchSize)") }
        let input = try adapt(x.asTensor)
        guard input.batch > 0 else { throw LearnError.emptyData("The training data") }
        let classes = outputWidth!
        let targets = try y.targetRows(classCount: classes)
        guard targets.rows == input.batch else {
            throw LearnError.shapeMismatch(context: "Targets for \(input.batch) samples", expected: "\(input.batch) rows", got: "\(targets.rows)")
        }
        let sampleWeights = options.classWeight?.sampleWeights(for: targets.argmaxRows())
        var held: (x: Tensor, y: Matrix)?
        if let validation {
            let vx = try adapt(validation.x)
            let vy = try validation.targets(classes)
            guard vy.rows == vx.batch else {
                throw LearnError.shapeMismatch(context: "Validation targets", expected: "\(vx.batch) rows", got: "\(vy.rows)")
            }
            guard vx.batch > 0 else { throw LearnError.emptyData("The validation data") }
            held = (vx, vy)
        }
        let optimizer = options.optimizer ?? self.optimizer ?? Adam()
        self.optimizer = optimizer
        var rng = SeededGenerator(seed: options.seed ?? UInt64.random(in: 0...UInt64.max))
        let context = TrainingContext(model: self, optimizer: optimizer, epochs: options.epochs, hasValidation: held != nil)
        let n = input.batch, batchSize = options.batchSize
        var progress = Progress(verbose: options.verbose, epochs: options.epochs, steps: (n + batchSize - 1) / batchSize,
                                label: options.progressLabel)
        var history = History()
        var order = Array(0..<n)
        for callback in options.callbacks { try callback.trainBegin(context) }
        for epoch in 0..<options.epochs {
            let start = DispatchTime.now().uptimeNanoseconds
            for callback in options.callbacks { try callback.epochBegin(epoch, context) }
            progress.beginEpoch(epoch)
            let learningRate = optimizer.learningRate
            if options.shuffle { order.shuffle(using: &rng) }
            var lossSum = 0.0, correct = 0, seen = 0
            for (step, first) in stride(from: 0, to: n, by: batchSize).enumerated() {
                let indices = Array(order[first..<min(first + batchSize, n)])
                let batch = indices.count
                let result = outputs(input.samples(indices), train: true, rng: &rng)
                var rows = [Float](repeating: 0, count: batch * classes)
                targets.values.withUnsafeBufferPointer { all in
                    rows.withUnsafeMutableBufferPointer { out in
                        for (i, index) in indices.enumerated() {
                            (out.baseAddress! + i * classes).update(from: all.baseAddress! + index * classes, count: classes)
                        }
                    }
                }
                let weights = sampleWeights.map { w in indices.map { w[$0] } }
                let regularization = regularizationLoss
                let score = scoreBatch(result, targets: rows, weights: weights, gradientScale: 1 / Float(batch))
                backward(score.gradient)
                optimizer.step(parameters)
                lossSum += (score.weightedLoss / Double(batch) + Double(regularization)) * Double(batch)
                correct += score.correct
                seen += batch
                progress.batchDone(step + 1, loss: lossSum / Double(seen), accuracy: Double(correct) / Double(seen))
            }
            var logs = EpochLogs(loss: Float(lossSum / Double(n)), accuracy: Float(Double(correct) / Double(n)),
                                 valLoss: nil, valAccuracy: nil, learningRate: learningRate, seconds: 0)
            if let held {
                let evaluation = evaluate(held.x, targets: held.y, batchSize: batchSize)
                logs.valLoss = evaluation.loss
                logs.valAccuracy = evaluation.accuracy
            }
            logs.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            history.append(logs)
            progress.endEpoch(logs)
            for callback in options.callbacks { try callback.epochEnd(epoch, logs: logs, context) }
            if context.stopTraining { break }
        }
        for callback in options.callbacks { try callback.trainEnd(context) }
        return history
    }
}
