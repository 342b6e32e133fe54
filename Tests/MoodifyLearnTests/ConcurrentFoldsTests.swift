import Foundation
import Testing
@testable import MoodifyLearn

/// The notebooks' CNN: at batch 32 on 70 features its GEMMs, first-layer bias gradient and Dense L2 sum split their
/// work over the cores (conv1d_1: 1,024 × 128 × 192 multiply-adds; 2,176 conv1d rows; 262 K dense weights).
private func notebookCNN(seed: UInt64) throws -> Sequential {
    try Sequential([
        Conv1D(filters: 64, kernelSize: 3, activation: .relu), BatchNormalization(), MaxPool1D(poolSize: 2), Dropout(rate: 0.3),
        Conv1D(filters: 128, kernelSize: 3, activation: .relu), BatchNormalization(), MaxPool1D(poolSize: 2), Dropout(rate: 0.4),
        Flatten(), Dense(units: 128, activation: .relu, l2: 0.001), BatchNormalization(), Dropout(rate: 0.5),
        Dense(units: 2, activation: .softmax),
    ], seed: seed)
}

@Suite("Concurrent cross-validation folds")
struct ConcurrentFoldsTests {
    /// One cross-validation of 3 folds (one batch of 32 training rows) × 2 epochs with fresh callbacks per fold, and the order of its calls.
    private func run(jobs: Int) throws -> (result: CrossValidationResult, events: [String], callerThread: Bool) {
        let (x, y) = rampData(rows: 48, length: 70, seed: 9)
        let splits = (0..<3).map { fold in (train: (0..<48).filter { $0 % 3 != fold }, test: (0..<48).filter { $0 % 3 == fold }) }
        let caller = pthread_self()
        var events: [String] = [], onCaller = true, built: UInt64 = 0
        let result = try crossValidate(
            build: {
                onCaller = onCaller && pthread_equal(pthread_self(), caller) != 0
                built += 1
                return try notebookCNN(seed: built)
            },
            x: x, y: y, splits: splits,
            options: FitOptions(optimizer: Adam(learningRate: 0.01), epochs: 2, batchSize: 32, seed: 5, verbose: false),
            configureFold: { _, options in
                onCaller = onCaller && pthread_equal(pthread_self(), caller) != 0
                options.callbacks = [try ReduceLROnPlateau(patience: 1, minLR: 1e-4)]
            },
            jobs: jobs,
            foldStart: { events.append("start \($0)") },
            foldDone: { index, _ in
                onCaller = onCaller && pthread_equal(pthread_self(), caller) != 0
                events.append("done \(index)")
            })
        return (result, events, onCaller)
    }

    @Test("two jobs give every fold exactly the history, score and predictions of one job, reported in fold order")
    func twoJobsMatchOne() throws {
        let one = try run(jobs: 1), two = try run(jobs: 2)
        for (a, b) in zip(one.result.folds, two.result.folds) {
            // Bit-identical: the same chunks in the same order, only on one thread instead of two.
            #expect(a.history.loss == b.history.loss && a.history.accuracy == b.history.accuracy)
            #expect(a.history.valLoss == b.history.valLoss && a.history.valAccuracy == b.history.valAccuracy)
            #expect(a.history.lr == b.history.lr && a.history.epochs == 2)
            #expect(a.evaluation == b.evaluation)
            #expect(a.predictions == b.predictions && a.testIndices == b.testIndices)
        }
        #expect(one.result.bestFold == two.result.bestFold)
        #expect(one.result.bestModel.weights == two.result.bestModel.weights)
        let inOrder = ["start 0", "done 0", "start 1", "done 1", "start 2", "done 2"]
        #expect(one.events == inOrder && two.events == inOrder)
        #expect(one.callerThread && two.callerThread)
    }

    @Test("a crowded thread runs the same chunks in order on itself")
    func serialChunks() {
        func chunks() -> (ranges: [Range<Int>], threads: Set<UInt>) {
            let lock = NSLock()
            var ranges = [Range<Int>](repeating: 0..<0, count: Parallel.width), threads = Set<UInt>()
            Parallel.forChunks(1000, minimum: 10) { chunk, range in
                lock.lock()
                ranges[chunk] = range
                threads.insert(UInt(pthread_self()))
                lock.unlock()
            }
            return (ranges, threads)
        }
        let normal = chunks()
        let serial = Parallel.withCrowding(Crowding { true }) { chunks() }
        #expect(serial.ranges == normal.ranges)
        #expect(serial.threads == [UInt(pthread_self())])
    }

    @Test("the job count: nil is every core, negative counts back from them, capped by the folds; shared callbacks mean one")
    func jobCount() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(try foldJobs(nil, folds: 5, sharedCallbacks: false) == min(cores, 5))
        #expect(try foldJobs(nil, folds: 5, sharedCallbacks: true) == 1)
        #expect(try foldJobs(-1, folds: 5, sharedCallbacks: false) == min(cores, 5))
        #expect(try foldJobs(8, folds: 3, sharedCallbacks: false) == 3)
        #expect(try foldJobs(1, folds: 3, sharedCallbacks: true) == 1)
        #expect(throws: LearnError.self) { try foldJobs(0, folds: 3, sharedCallbacks: false) }
        #expect(throws: LearnError.self) { try foldJobs(2, folds: 3, sharedCallbacks: true) }
    }

    @Test("a failing fold stops the others and its error is thrown; callbacks shared between folds are refused")
    func failures() throws {
        struct Boom: Error, Equatable { let fold: Int }
        final class FailsAtSecondEpoch: Callback {
            let fold: Int
            init(fold: Int) { self.fold = fold }
            func epochBegin(_ epoch: Int, _ training: TrainingContext) throws { if epoch == 1 { throw Boom(fold: fold) } }
        }
        let (x, y) = rampData(rows: 30, length: 12, seed: 2)
        let splits = (0..<3).map { fold in (train: (0..<30).filter { $0 % 3 != fold }, test: (0..<30).filter { $0 % 3 == fold }) }
        var reported: [Int] = []
        #expect(throws: Boom(fold: 1)) {
            try crossValidate(build: { try smallCNN() }, x: x, y: y, splits: splits,
                              options: FitOptions(epochs: 50, batchSize: 8, seed: 1, verbose: false),
                              configureFold: { fold, options in if fold == 1 { options.callbacks = [FailsAtSecondEpoch(fold: 1)] } },
                              jobs: 2, foldDone: { index, _ in reported.append(index) })
        }
        #expect(!reported.contains(1) && !reported.contains(2))
        let shared = EarlyStopping(patience: 3)
        #expect(throws: LearnError.self) {
            try crossValidate(build: { try smallCNN() }, x: x, y: y, splits: splits, options: FitOptions(epochs: 1, verbose: false),
                              configureFold: { _, options in options.callbacks = [shared] }, jobs: 2)
        }
    }
}
