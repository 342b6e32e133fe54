import Foundation
import Testing
@testable import MoodifyLearn

/// Two well separated classes of 1-D signals: rising ramps and falling ramps with noise.
func rampData(rows: Int, length: Int, seed: UInt64) -> (Matrix, [Int]) {
    var rng = SeededGenerator(seed: seed)
    var values = [Float](), labels = [Int]()
    for r in 0..<rows {
        let label = r % 2
        labels.append(label)
        for t in 0..<length {
            let ramp = Float(t) / Float(length) * (label == 0 ? 1 : -1)
            values.append(ramp + 0.3 * (rng.nextUnitFloat() - 0.5))
        }
    }
    return (Matrix(rows: rows, cols: length, values: values), labels)
}

/// A small CNN of the notebooks' shape.
func smallCNN(classes: Int = 2, seed: UInt64 = 1) throws -> Sequential {
    try Sequential([
        Conv1D(filters: 4, kernelSize: 3, activation: .relu), BatchNormalization(), MaxPool1D(poolSize: 2), Dropout(rate: 0.1),
        Flatten(), Dense(units: 8, activation: .relu, l2: 0.001), BatchNormalization(), Dense(units: classes, activation: .softmax),
    ], seed: seed)
}

@Suite("Training")
struct FitTests {
    @Test("a 2-D matrix trains a Conv1D model as [rows, length, 1] and learns separable data")
    func learns() throws {
        let (x, y) = rampData(rows: 64, length: 12, seed: 1)
        let model = try smallCNN()
        let history = try model.fit(x, y, validation: ValidationData(x, y), optimizer: Adam(learningRate: 0.01),
                                    epochs: 15, batchSize: 16, seed: 5, verbose: false)
        #expect(model.inputShape == [12, 1])
        #expect(history.epochs == 15)
        #expect(history.valLoss.count == 15 && history.valAccuracy.count == 15 && history.lr.count == 15)
        #expect(history.secondsPerEpoch.allSatisfy { $0 > 0 })
        #expect(history.loss.last! < history.loss.first!)
        #expect(history.valAccuracy.last! > 0.9)
        #expect(history.series("val_accuracy")?.count == 15 && history.series("nope") == nil)
        let evaluation = try model.evaluate(x, y)
        // evaluate() on the validation data after the last epoch is that epoch's validation score.
        #expect(abs(evaluation.accuracy - history.valAccuracy.last!) < 1e-6)
        #expect(abs(evaluation.loss - history.valLoss.last!) < 1e-5)
    }

    @Test("the same seed gives the same training; class indices and one-hot rows are the same targets")
    func repeatable() throws {
        let (x, y) = rampData(rows: 20, length: 10, seed: 2)
        var oneHot = Matrix(rows: 20, cols: 2)
        for (i, label) in y.enumerated() { oneHot[i, label] = 1 }
        let a = try smallCNN(seed: 3), b = try smallCNN(seed: 3)
        let ha = try a.fit(x, y, epochs: 2, batchSize: 8, seed: 11, verbose: false)
        let hb = try b.fit(Tensor(shape: [20, 10, 1], values: x.values), oneHot, epochs: 2, batchSize: 8, seed: 11, verbose: false)
        #expect(ha.loss == hb.loss && ha.accuracy == hb.accuracy)
        #expect(a.weights == b.weights)
    }

    @Test("balanced class weights are n / (k · count), and weight the loss per sample")
    func classWeights() throws {
        let weights = ClassWeight.balanced([0, 0, 0, 1, 2, 2])
        #expect(weights == [0: Float(6) / 9, 1: 2, 2: 1])
        let model = try Sequential([Dense(units: 3, activation: .softmax)], inputShape: [2], seed: 1)
        let x = Matrix(rows: 3, cols: 2, values: [1, 0, 0, 1, 1, 1])
        let probe = try Sequential([Dense(units: 3, activation: .softmax)], inputShape: [2], seed: 1)
        // One epoch of one batch: the reported loss is Σ w·loss / n (not / Σ w) before the update.
        let history = try model.fit(x, [0, 1, 2], epochs: 1, batchSize: 3, shuffle: false,
                                    classWeight: .weights([0: 3, 1: 0, 2: 0]), seed: 1, verbose: false)
        var rng = SeededGenerator(seed: 0)
        let first = probe.outputs(try probe.adapt(Tensor(x.rows([0]))), train: false, rng: &rng)
        let firstLoss = probe.scoreBatch(first, targets: [1, 0, 0], weights: nil, gradientScale: 0).weightedLoss
        // 3 · loss₀ / 3 = loss₀, in float32.
        #expect(abs(Double(history.loss[0]) - firstLoss) < 1e-5)
    }

    @Test("predict gives the same rows whatever the batch size")
    func predictBatches() throws {
        let (x, y) = rampData(rows: 50, length: 10, seed: 3)
        let model = try smallCNN()
        _ = try model.fit(x, y, epochs: 1, seed: 1, verbose: false)
        let whole = try model.predict(x, batchSize: 64), pieces = try model.predict(x, batchSize: 7)
        // Row results do not depend on the batch, up to GEMM blocking order: 1e-6 on probabilities.
        #expect(maxAbsDifference(whole.values, pieces.values) < 1e-6)
        for r in 0..<whole.rows { #expect(abs(whole.row(r).reduce(0, +) - 1) < 1e-5) }
        let one = try model.predict(x.rows([7]))
        #expect(maxAbsDifference(Array(one.values), Array(whole.row(7))) < 1e-6)
    }

    @Test("bad inputs give clear errors")
    func errors() throws {
        let model = try smallCNN()
        let (x, y) = rampData(rows: 8, length: 10, seed: 4)
        #expect(throws: LearnError.self) { try model.fit(x, Array(y.prefix(5)), verbose: false) }
        #expect(throws: LearnError.self) { try model.fit(x, y.map { $0 + 5 }, verbose: false) }
        #expect(throws: LearnError.self) { try model.fit(x, y, batchSize: 0, verbose: false) }
        #expect(throws: LearnError.self) { try model.fit(Matrix(rows: 0, cols: 10), [Int](), verbose: false) }
        _ = try model.fit(x, y, verbose: false)
        #expect(throws: LearnError.self) { try model.predict(Matrix(rows: 2, cols: 11)) }
        #expect(throws: LearnError.self) { try Sequential([]) }
        #expect(throws: LearnError.self) { try Sequential([Dropout(rate: 1)]) }
        #expect(throws: LearnError.self) { try Sequential([Conv1D(filters: 2, kernelSize: 5)], inputShape: [3, 1]) }
        let error = LearnError.shapeMismatch(context: "sequential input", expected: "[10, 1]", got: "[2, 11]")
        #expect(error.description == "sequential input: expected shape [10, 1] but got [2, 11].")
    }

    @Test("early stopping ends a run and restores its best weights")
    func earlyStoppingInFit() throws {
        let (x, y) = rampData(rows: 32, length: 10, seed: 5)
        let (vx, vy) = rampData(rows: 16, length: 10, seed: 6)
        let model = try smallCNN()
        let early = EarlyStopping(monitor: "val_loss", patience: 2, restoreBestWeights: true)
        let plateau = try ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: 1, minLR: 1e-5)
        let history = try model.fit(x, y, validation: ValidationData(vx, vy), optimizer: Adam(learningRate: 0.05), epochs: 40,
                                    batchSize: 8, callbacks: [early, plateau], seed: 2, verbose: false)
        let best = try #require(early.bestEpoch)
        #expect(history.valLoss[best] == history.valLoss.min())
        if let stopped = early.stoppedEpoch { #expect(history.epochs == stopped + 1) }
        // The restored model scores the best epoch's validation loss again.
        #expect(abs(try model.evaluate(vx, vy, batchSize: 8).loss - history.valLoss[best]) < 1e-5)
        #expect(history.lr.last! <= history.lr.first!)
    }
}

@Suite("Cross-validation")
struct CrossValidationTests {
    @Test("folds train fresh models, oversampling and augmentation touch only the training side")
    func folds() throws {
        let (x, y) = rampData(rows: 30, length: 10, seed: 7)
        let splits = (0..<3).map { fold in
            (train: (0..<30).filter { $0 % 3 != fold }, test: (0..<30).filter { $0 % 3 == fold })
        }
        let augmented = try AugmentedRows(x: x, y: y, source: Array(0..<30))
        var oversampledSizes: [Int] = [], built = 0, configured: [Int] = []
        let result = try crossValidate(
            build: { built += 1; return try smallCNN(seed: UInt64(built)) }, x: x, y: y, splits: splits, augmented: augmented,
            oversample: { rows, labels in
                oversampledSizes.append(rows.rows)
                return (rows.appendingRows(of: rows.rows([0])), labels + [labels[0]])
            },
            options: FitOptions(optimizer: Adam(learningRate: 0.01), epochs: 3, batchSize: 8, seed: 1, verbose: false),
            configureFold: { fold, options in
                configured.append(fold)
                options.epochs = 3 + fold
            })
        #expect(built == 3)
        #expect(configured == [0, 1, 2])
        #expect(result.folds.map(\.history.epochs) == [3, 4, 5])
        // Every row is tested once; each fold's predictions reproduce its accuracy.
        #expect(result.outOfFold.rows == Array(0..<30))
        for fold in result.folds {
            let hits = zip(fold.testIndices, fold.predictions).filter { y[$0] == $1 }.count
            #expect(Float(hits) / Float(fold.testCount) == fold.evaluation.accuracy)
        }
        // 20 training rows plus their 20 augmented copies; the test rows' copies are left out.
        #expect(oversampledSizes == [40, 40, 40])
        #expect(result.folds.map(\.trainCount) == [41, 41, 41])
        #expect(result.folds.map(\.testCount) == [10, 10, 10])
        #expect(result.accuracies[result.bestFold] == result.accuracies.max())
        let bestScore = try result.bestModel.evaluate(x.rows(splits[result.bestFold].test), splits[result.bestFold].test.map { y[$0] })
        #expect(bestScore.accuracy == result.accuracies[result.bestFold])
    }
}

@Suite("Tensor")
struct TensorTests {
    @Test func shapesAndSamples() {
        let t = Tensor(shape: [3, 2, 2], values: (0..<12).map(Float.init))
        #expect(t.batch == 3 && t.sampleShape == [2, 2] && t.sampleSize == 4)
        #expect(t.samples([2, 0]).values == [8, 9, 10, 11, 0, 1, 2, 3])
        #expect(t.samples(1..<2).values == [4, 5, 6, 7])
        #expect(Matrix(t).shape == [3, 4])
        #expect(Matrix(rows: 2, cols: 3, values: [0, 5, 5, 9, 1, 2]).argmaxRows() == [1, 0])
    }
}

@Suite("GEMM")
struct GEMMTests {
    /// op(A)·op(B) computed naively in Float64.
    private func reference(_ a: [Float], _ b: [Float], m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool) -> [Float] {
        (0..<(m * n)).map { index in
            let i = index / n, j = index % n
            var sum = 0.0
            for p in 0..<k {
                let x = transposeA ? a[p * m + i] : a[i * k + p], y = transposeB ? b[j * k + p] : b[p * n + j]
                sum += Double(x) * Double(y)
            }
            return Float(sum)
        }
    }

    @Test("products of every transposition, single rows (matrix-vector path) and large ones (split over cores)",
          arguments: [(1, 7, 5), (1, 300, 900), (3, 4, 5), (600, 80, 70), (20, 700, 300)])
    func products(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        var rng = SeededGenerator(seed: UInt64(m * 1000 + n))
        let a = (0..<(m * k)).map { _ in rng.nextUnitFloat() - 0.5 }, b = (0..<(k * n)).map { _ in rng.nextUnitFloat() - 0.5 }
        for transposeA in [false, true] {
            for transposeB in [false, true] {
                var c = [Float](repeating: 1, count: m * n)
                a.withUnsafeBufferPointer { ap in
                    b.withUnsafeBufferPointer { bp in
                        c.withUnsafeMutableBufferPointer { cp in
                            GEMM.multiply(m: m, n: n, k: k, a: ap.baseAddress!, lda: transposeA ? m : k, transposeA: transposeA,
                                          b: bp.baseAddress!, ldb: transposeB ? k : n, transposeB: transposeB,
                                          c: cp.baseAddress!, ldc: n, alpha: 2, beta: 0.5)
                        }
                    }
                }
                let expected = reference(a, b, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB).map { 2 * $0 + 0.5 }
                // Sums of up to 900 products of values in ±0.5 in float32: rounding stays below 1e-4.
                #expect(maxAbsDifference(c, expected) < 1e-4, "m \(m) n \(n) k \(k) transposes \(transposeA) \(transposeB)")
            }
        }
    }
}
