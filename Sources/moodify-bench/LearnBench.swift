import Foundation
import MoodifyLearn

/// The notebooks' CNN for `features` inputs, with the original's dropout rates.
private func notebookModel(features: Int, seed: UInt64) throws -> Sequential {
    try Sequential([
        Conv1D(filters: 64, kernelSize: 3, activation: .relu), BatchNormalization(), MaxPool1D(poolSize: 2), Dropout(rate: 0.3),
        Conv1D(filters: 128, kernelSize: 3, activation: .relu), BatchNormalization(), MaxPool1D(poolSize: 2), Dropout(rate: 0.4),
        Flatten(), Dense(units: 128, activation: .relu, l2: 0.001), BatchNormalization(), Dropout(rate: 0.5),
        Dense(units: 6, activation: .softmax),
    ], inputShape: [features, 1], seed: seed)
}

/// Random standard-normal-ish rows and labels of six classes (the timing does not depend on the values).
private func randomData(rows: Int, features: Int, seed: UInt64) -> (Matrix, [Int]) {
    var rng = SeededGenerator(seed: seed)
    let values = (0..<(rows * features)).map { _ in (rng.nextUnitFloat() + rng.nextUnitFloat() + rng.nextUnitFloat() - 1.5) * 2 }
    return (Matrix(rows: rows, cols: features, values: values), (0..<rows).map { _ in Int(rng.next() % 6) })
}

/// Multiply-adds ×2 of one training step over `rows` samples: every Conv1D/Dense forward product, its kernel
/// gradient, and its input gradient (not for the first layer).
private func trainingFlops(_ model: Sequential, rows: Int) -> Double {
    var shape = model.inputShape!, flops = 0.0
    for (index, layer) in model.layers.enumerated() {
        let out = (try? layer.outputShape(for: shape)) ?? shape
        let positions = Double(out.dropLast().reduce(1, *)), outputs = Double(out.last!)
        let passes = index == 0 ? 2.0 : 3.0
        switch layer.spec {
        case let .conv1d(_, kernel, _): flops += passes * 2 * Double(rows) * positions * Double(kernel * shape.last!) * outputs
        case .dense: flops += passes * 2 * Double(rows) * positions * Double(shape.last!) * outputs
        default: break
        }
        shape = out
    }
    return flops
}

/// The peak resident set size of this process so far, in MiB.
private func peakResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Wall and CPU seconds of a method-1-sized cross-validation (6,100 × 140 rows, 6 classes, 5 stratified folds × 3 epochs
/// of the notebook CNN, batch 32) training `jobs` folds at once.
private func crossValidationTime(jobs: Int, x: Matrix, y: [Int], splits: [Fold]) throws -> (wall: Double, cpu: Double) {
    var built: UInt64 = 0
    return try timed {
        _ = try crossValidate(build: { built += 1; return try notebookModel(features: 140, seed: built) }, x: x, y: y,
                              splits: splits.map { ($0.train, $0.test) },
                              options: FitOptions(optimizer: Adam(), epochs: 3, batchSize: 32, seed: 11, verbose: false), jobs: jobs)
    }
}

/// Cross-validation with one fold at a time and with two at once, alternated twice (so that both see the same load).
private func crossValidationJobs() throws {
    let (x, y) = randomData(rows: 6100, features: 140, seed: 10)
    let splits = try StratifiedKFold(splits: 5, shuffle: true, seed: 12).split(y)
    var best = [1: (wall: Double.infinity, cpu: Double.infinity), 2: (wall: Double.infinity, cpu: Double.infinity)]
    for _ in 0..<2 {
        for jobs in [1, 2] {
            let time = try crossValidationTime(jobs: jobs, x: x, y: y, splits: splits)
            best[jobs] = (min(best[jobs]!.wall, time.wall), min(best[jobs]!.cpu, time.cpu))
        }
    }
    let note = "6,100 x 140, 6 classes, 5 folds x 3 epochs, notebook CNN, batch 32, best of 2 alternated runs"
    for jobs in [1, 2] {
        let how = jobs == 1 ? "one fold at a time; " : "two folds at once; "
        Measurement(name: "learn.cv_method1.jobs\(jobs).wall", value: best[jobs]!.wall, unit: "s", note: how + note).emit()
        Measurement(name: "learn.cv_method1.jobs\(jobs).cpu", value: best[jobs]!.cpu, unit: "CPU s", note: how + note).emit()
    }
    Measurement(name: "learn.cv_method1.speedup", value: best[1]!.wall / best[2]!.wall, unit: "x", note: "jobs 1 wall / jobs 2 wall").emit()
}

/// Network training and inference against tensorflow-cpu (Scripts/bench_learn.py).
let learnSuite = BenchmarkSuite(name: "learn") { _ in
    // sgemm peak: 1024³ products (2.1 GFLOP each), best of five.
    var rng = SeededGenerator(seed: 1)
    let a = Matrix(rows: 1024, cols: 1024, values: (0..<(1024 * 1024)).map { _ in rng.nextUnitFloat() })
    var best = Double.infinity
    for _ in 0..<5 { best = min(best, seconds { _ = a.multiplied(by: a) }) }
    let peak = 2 * 1024 * 1024 * 1024 / best / 1e9
    Measurement(name: "learn.sgemm.peak", value: peak, unit: "GFLOP/s", note: "1024x1024x1024 sgemm, best of 5").emit()

    // One epoch of the notebook CNN on 8,000 × 256 rows, batch 32 (after a short warm-up).
    let (x, y) = randomData(rows: 8000, features: 256, seed: 2)
    let model = try notebookModel(features: 256, seed: 3)
    let adam = Adam(learningRate: 0.003)
    _ = try model.fit(x.rows(Array(0..<256)), Array(y.prefix(256)), optimizer: adam, epochs: 1, seed: 4, verbose: false)
    var epochSeconds = [Double]()
    for epoch in 0..<2 {
        let history = try model.fit(x, y, optimizer: adam, epochs: 1, batchSize: 32, seed: UInt64(5 + epoch), verbose: false)
        epochSeconds.append(history.secondsPerEpoch[0])
    }
    let epoch = epochSeconds.min()!
    Measurement(name: "learn.cnn256.epoch_8000", value: epoch, unit: "s/epoch",
                note: "notebook CNN, 256 features, batch 32, best of 2 epochs").emit()
    let trainingRate = trainingFlops(model, rows: 8000) / epoch / 1e9
    Measurement(name: "learn.cnn256.train_gflops", value: trainingRate, unit: "GFLOP/s",
                note: "conv/dense products of a training epoch over its wall time").emit()
    Measurement(name: "learn.cnn256.train_of_sgemm_peak", value: 100 * trainingRate / peak, unit: "%",
                note: "training GFLOP/s over the sgemm peak measured above, same run").emit()

    // Inference of one row (one clip's features), mean over 200 calls.
    let row = x.rows([17])
    _ = try model.predict(row)
    let perRow = seconds { for _ in 0..<200 { _ = try? model.predict(row) } } / 200
    Measurement(name: "learn.cnn256.predict_one", value: perRow, unit: "s/row", note: "predict() of a single row").emit()
    let batchRows = x.rows(Array(0..<2000))
    let perBatchRow = seconds { _ = try? model.predict(batchRows) } / 2000
    Measurement(name: "learn.cnn256.predict_batch", value: perBatchRow, unit: "s/row", note: "predict() of 2,000 rows").emit()

    // Memory: training on 30,000 × 256 rows, in a process of its own so nothing measured above counts.
    try runChildSuite(learnMemorySuite.name)

    try crossValidationJobs()
}

/// CPU seconds used by every thread of this process so far (the work done, whatever else shares the cores).
private func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The wall and CPU seconds taken by `body`.
private func timed(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let cpu = processCPUSeconds()
    let wall = try seconds(body)
    return (wall, processCPUSeconds() - cpu)
}

/// Per-layer forward and backward CPU milliseconds of a training step on batches of 32, and Adam's update,
/// averaged over `batches` batches after one warm-up batch.
private func layerBreakdown(features: Int, batches: Int) throws {
    let model = try notebookModel(features: features, seed: 3)
    let (x, _) = randomData(rows: 32 * (batches + 1), features: features, seed: 2)
    let input = Tensor(shape: [x.rows, features, 1], values: x.values)
    let adam = Adam(learningRate: 0.003)
    var rng = SeededGenerator(seed: 4)
    var forward = [Double](repeating: 0, count: model.layers.count), backward = forward, update = 0.0
    for batch in 0...batches {
        let keep = batch > 0 ? 1.0 : 0.0
        var h = input.samples((32 * batch)..<(32 * batch + 32))
        for (index, layer) in model.layers.enumerated() {
            forward[index] += keep * timed { h = layer.forward(h, train: true, rng: &rng) }.cpu
        }
        var gradient: Tensor? = Tensor(shape: h.shape, values: h.values.map { $0 - 1 / 6 })
        for (index, layer) in model.layers.enumerated().reversed() {
            backward[index] += keep * timed { gradient = layer.backward(gradient!, needsInputGradient: index > 0) }.cpu
        }
        update += keep * timed { adam.step(model.parameters) }.cpu
    }
    let perBatch = 1000 / Double(batches)
    for (index, layer) in model.layers.enumerated() {
        Measurement(name: "learn.layers\(features).\(layer.name).forward", value: forward[index] * perBatch, unit: "ms/batch",
                    note: "CPU time, batch 32").emit()
        Measurement(name: "learn.layers\(features).\(layer.name).backward", value: backward[index] * perBatch, unit: "ms/batch",
                    note: "CPU time, batch 32").emit()
    }
    Measurement(name: "learn.layers\(features).adam", value: update * perBatch, unit: "ms/batch", note: "CPU time").emit()
}

/// One epoch of the notebook CNN on `rows` × `features` (batch 32, validation on `validation` rows): wall and CPU seconds.
private func epochTiming(rows: Int, features: Int, validation: Int) throws {
    let (x, y) = randomData(rows: rows, features: features, seed: 2)
    let (vx, vy) = randomData(rows: max(validation, 1), features: features, seed: 7)
    let model = try notebookModel(features: features, seed: 3)
    let adam = Adam(learningRate: 0.003)
    _ = try model.fit(x.rows(Array(0..<256)), Array(y.prefix(256)), optimizer: adam, epochs: 1, seed: 4, verbose: false)
    var best = (wall: Double.infinity, cpu: Double.infinity)
    for epoch in 0..<2 {
        let time = try timed {
            _ = try model.fit(x, y, validation: validation > 0 ? ValidationData(vx, vy) : nil, optimizer: adam, epochs: 1, batchSize: 32,
                              seed: UInt64(5 + epoch), verbose: false)
        }
        best = (min(best.wall, time.wall), min(best.cpu, time.cpu))
    }
    let note = "notebook CNN, \(features) features, batch 32, validation \(validation) rows, best of 2"
    Measurement(name: "learn.cnn\(features).epoch_\(rows).wall", value: best.wall, unit: "s/epoch", note: note).emit()
    Measurement(name: "learn.cnn\(features).epoch_\(rows).cpu", value: best.cpu, unit: "CPU s/epoch", note: note).emit()
}

/// Peak memory of training the notebook CNN on 30,000 × 256 rows (2 epochs, validation on 3,000): the peak resident
/// set size of the whole process, so `learn` runs it as a child process (`moodify-bench learn-memory`).
let learnMemorySuite = BenchmarkSuite(name: "learn-memory", onlyWhenNamed: true) { _ in
    let (big, labels) = randomData(rows: 30_000, features: 256, seed: 6)
    let (valX, valY) = randomData(rows: 3000, features: 256, seed: 7)
    let model = try notebookModel(features: 256, seed: 8)
    let history = try model.fit(big, labels, validation: ValidationData(valX, valY), optimizer: Adam(learningRate: 0.003),
                                epochs: 2, batchSize: 32, seed: 9, verbose: false)
    Measurement(name: "learn.cnn256.train_30000.peak_rss", value: peakResidentMiB(), unit: "MiB",
                note: "peak RSS of a process training 2 epochs on 30,000 x 256 (+3,000 validation), input 29 MiB").emit()
    Measurement(name: "learn.cnn256.epoch_30000", value: history.secondsPerEpoch.min()!, unit: "s/epoch",
                note: "same run, best of 2 epochs incl. validation").emit()
}

/// Runs this executable again with one suite, its measurements printed on the same standard output.
private func runChildSuite(_ name: String) throws {
    let child = Process()
    child.executableURL = Bundle.main.executableURL
    child.arguments = [name]
    fflush(nil)  // flush every stream, so this process's lines come out before the child's
    try child.run()
    child.waitUntilExit()
    guard child.terminationStatus == 0 else {
        throw BenchError.childFailed(suite: name, status: child.terminationStatus)
    }
}

/// The cross-validation jobs comparison alone (the `learn` suite runs it too).
let learnCVSuite = BenchmarkSuite(name: "learn-cv") { _ in try crossValidationJobs() }

/// Where a training step's time goes, layer by layer, and whole epochs of both notebooks' shapes, as CPU time
/// (which stays meaningful while other work shares the cores) and wall time.
let learnLayersSuite = BenchmarkSuite(name: "learn-layers") { _ in
    try layerBreakdown(features: 256, batches: 40)
    try layerBreakdown(features: 140, batches: 40)
    try epochTiming(rows: 8000, features: 256, validation: 0)
    try epochTiming(rows: 4880, features: 140, validation: 1220)
}
