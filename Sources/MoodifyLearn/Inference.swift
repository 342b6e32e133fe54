/// A loss and an accuracy, as `evaluate` returns them.
public struct Evaluation: Sendable, Equatable {
    /// The mean cross-entropy plus the L2 terms.
    public var loss: Float
    /// The fraction of samples whose highest output is their target's highest value.
    public var accuracy: Float
}

extension Sequential {
    /// The output (class probabilities for a softmax model) of every sample, in inference mode,
    /// computed `batchSize` samples at a time.
    public func predict(_ x: some TensorConvertible, batchSize: Int = 256) throws -> Matrix {
        guard batchSize > 0 else { throw LearnError.invalidArgument("batch size must be positive, got \(batchSize)") }
        let input = try adapt(x.asTensor)
        let width = outputWidth!
        var values = [Float]()
        values.reserveCapacity(input.batch * width)
        var unused = SeededGenerator(seed: 0)
        for start in stride(from: 0, to: input.batch, by: batchSize) {
            let chunk = input.batch <= batchSize ? input : input.samples(start..<min(start + batchSize, input.batch))
            values += outputs(chunk, train: false, rng: &unused).output.values
        }
        return Matrix(rows: input.batch, cols: width, values: values)
    }

    /// Loss and accuracy on data with targets (class indices or one-hot rows), in inference mode, as Keras's `evaluate`.
    public func evaluate(_ x: some TensorConvertible, _ y: some TargetConvertible, batchSize: Int = 32) throws -> Evaluation {
        guard batchSize > 0 else { throw LearnError.invalidArgument("batch size must be positive, got \(batchSize)") }
        let input = try adapt(x.asTensor)
        let targets = try y.targetRows(classCount: outputWidth!)
        guard targets.rows == input.batch else {
            throw LearnError.shapeMismatch(context: "Targets for \(input.batch) samples", expected: "\(input.batch) rows", got: "\(targets.rows)")
        }
        guard input.batch > 0 else { throw LearnError.emptyData("The evaluation data") }
        return evaluate(input, targets: targets, batchSize: batchSize)
    }

    /// Evaluation of adapted inputs against target rows.
    func evaluate(_ input: Tensor, targets: Matrix, batchSize: Int) -> Evaluation {
        var weightedLoss = 0.0, correct = 0
        var unused = SeededGenerator(seed: 0)
        for start in stride(from: 0, to: input.batch, by: batchSize) {
            let range = start..<min(start + batchSize, input.batch)
            let chunk = input.samples(range)
            let rows = Array(targets.values[(range.lowerBound * targets.cols)..<(range.upperBound * targets.cols)])
            let score = scoreBatch(outputs(chunk, train: false, rng: &unused), targets: rows, weights: nil, gradientScale: 0)
            weightedLoss += score.weightedLoss
            correct += score.correct
        }
        let n = Double(input.batch)
        return Evaluation(loss: Float(weightedLoss / n) + regularizationLoss, accuracy: Float(Double(correct) / n))
    }

    /// Σ wᵢ·lossᵢ, the number of correct samples, and `gradientScale · ∂(Σ wᵢ·lossᵢ)` with respect to the
    /// output, or to the logits of a softmax head.
    func scoreBatch(_ result: (output: Tensor, logits: Tensor?), targets: [Float], weights: [Float]?,
                    gradientScale: Float) -> (weightedLoss: Double, correct: Int, gradient: Tensor) {
        let output = result.output
        let classes = output.shape.last!, rows = output.count / classes
        var gradient = Tensor(shape: output.shape, repeating: 0)
        let loss = targets.withUnsafeBufferPointer { y in
            gradient.values.withUnsafeMutableBufferPointer { g in
                if let logits = result.logits {
                    return logits.values.withUnsafeBufferPointer { z in
                        CategoricalCrossEntropy.fromLogits(z.baseAddress!, targets: y.baseAddress!, weights: weights, rows: rows,
                                                           classes: classes, gradient: g.baseAddress!, gradientScale: gradientScale)
                    }
                }
                return output.values.withUnsafeBufferPointer { p in
                    CategoricalCrossEntropy.fromProbabilities(p.baseAddress!, targets: y.baseAddress!, weights: weights, rows: rows,
                                                              classes: classes, gradient: g.baseAddress!, gradientScale: gradientScale)
                }
            }
        }
        let predicted = Matrix(rows: rows, cols: classes, values: output.values).argmaxRows()
        let actual = Matrix(rows: rows, cols: classes, values: targets).argmaxRows()
        let correct = zip(predicted, actual).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return (loss, correct, gradient)
    }
}
