import Foundation
import Testing
@testable import MoodifyLearn

/// Drives callbacks with a fixed sequence of logs, as the golden script drives Keras's.
private func drive(_ callbacks: [any Callback], valLoss: [Double], model: Sequential, optimizer: Adam,
                   perEpoch: ((Int) -> Void)? = nil) throws -> (lr: [Float], stopped: Int?) {
    let context = TrainingContext(model: model, optimizer: optimizer, epochs: valLoss.count, hasValidation: true)
    for callback in callbacks { try callback.trainBegin(context) }
    var lrs: [Float] = [], stopped: Int?
    for (epoch, value) in valLoss.enumerated() {
        for callback in callbacks { try callback.epochBegin(epoch, context) }
        lrs.append(optimizer.learningRate)
        perEpoch?(epoch)
        let logs = EpochLogs(loss: Float(value), accuracy: 0, valLoss: Float(value), valAccuracy: 0,
                             learningRate: optimizer.learningRate, seconds: 0)
        for callback in callbacks { try callback.epochEnd(epoch, logs: logs, context) }
        if context.stopTraining && stopped == nil { stopped = epoch }
    }
    for callback in callbacks { try callback.trainEnd(context) }
    return (lrs, stopped)
}

@Suite("Callbacks")
struct CallbackTests {
    @Test("ReduceLROnPlateau matches Keras on a fixed val_loss sequence (min_delta 1e-4, min_lr floor)")
    func reduceLROnPlateau() throws {
        let golden = try KerasGolden("callbacks")
        let valLoss = try golden.numbers("val_loss")
        let model = try Sequential([Dense(units: 2)], inputShape: [2], seed: 0)
        let optimizer = Adam(learningRate: 0.001)
        let plateau = try ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: 2, minLR: 2e-4)
        let (lrs, _) = try drive([plateau], valLoss: valLoss, model: model, optimizer: optimizer)
        let keras = try golden.numbers("lr_per_epoch")
        // Keras stores the rate as float32: equal to float32 rounding.
        #expect(zip(lrs, keras).allSatisfy { abs(Double($0) - $1) < 1e-9 }, "\(lrs) vs \(keras)")
    }

    @Test("EarlyStopping stops and picks the best epoch as Keras does")
    func earlyStopping() throws {
        let golden = try KerasGolden("callbacks")
        let valLoss = try golden.numbers("val_loss")
        let model = try Sequential([Dense(units: 1)], inputShape: [1], seed: 0)
        let early = EarlyStopping(monitor: "val_loss", patience: 3, restoreBestWeights: true)
        var (_, stopped) = try drive([early], valLoss: Array(valLoss.prefix(10)), model: model, optimizer: Adam()) { epoch in
            try? model.setWeights([[Float(epoch)], [0]])
        }
        #expect(stopped == (try golden.scalar("early_stopping_stopped_epoch") as? Int))
        #expect(early.bestEpoch == (try golden.scalar("early_stopping_best_epoch") as? Int))
        #expect(early.stoppedEpoch == stopped)
        // The weights set in the best epoch are back.
        #expect(model.weights[0] == [Float(early.bestEpoch!)])
        // Restoring also happens when training runs to the end without stopping.
        (_, stopped) = try drive([EarlyStopping(patience: 50, restoreBestWeights: true)], valLoss: [3, 1, 2], model: model, optimizer: Adam()) { epoch in
            try? model.setWeights([[Float(10 + epoch)], [0]])
        }
        #expect(stopped == nil)
        #expect(model.weights[0] == [11])
    }

    @Test("monitoring a missing or unknown value is an error at the start of training")
    func unknownMonitor() throws {
        let model = try Sequential([Dense(units: 2, activation: .softmax)], inputShape: [2], seed: 0)
        let x = Matrix(rows: 4, cols: 2, repeating: 1)
        #expect(throws: LearnError.self) {
            try model.fit(x, [0, 1, 0, 1], callbacks: [EarlyStopping(monitor: "val_loss")], verbose: false)
        }
        #expect(throws: LearnError.self) {
            try model.fit(x, [0, 1, 0, 1], callbacks: [EarlyStopping(monitor: "f1")], verbose: false)
        }
        #expect(throws: LearnError.self) { try ReduceLROnPlateau(factor: 1.5) }
    }

    @Test("cosine annealing follows lr(e) = min + ½(max − min)(1 + cos(π e / T))")
    func cosine() throws {
        let schedule = try CosineAnnealing(lrMax: 0.003, lrMin: 1e-6, tMax: 100)
        // The schedule is computed in Float64 and stored as float32: relative 1e-7.
        #expect(abs(schedule.learningRate(epoch: 0) - 0.003) < 1e-9)
        #expect(abs(schedule.learningRate(epoch: 50) - Float(1e-6 + 0.5 * (0.003 - 1e-6))) < 1e-9)
        #expect(abs(schedule.learningRate(epoch: 100) - 1e-6) < 1e-12)
        let model = try Sequential([Dense(units: 2, activation: .softmax)], inputShape: [2], seed: 0)
        let history = try model.fit(Matrix(rows: 4, cols: 2, repeating: 1), [0, 1, 0, 1], epochs: 3,
                                    callbacks: [try CosineAnnealing(lrMax: 0.01, lrMin: 0, tMax: 2)], seed: 1, verbose: false)
        #expect(history.lr.count == 3)
        #expect(abs(history.lr[0] - 0.01) < 1e-9 && abs(history.lr[1] - 0.005) < 1e-9 && abs(history.lr[2]) < 1e-9)
        #expect(throws: LearnError.self) { try CosineAnnealing(lrMax: 1, lrMin: 0, tMax: 0) }
    }

    @Test("ModelCheckpoint with saveBestOnly writes the best epoch's model")
    func checkpoint() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("moodify-checkpoint-\(UUID().uuidString).mdfy")
        defer { try? FileManager.default.removeItem(at: url) }
        let model = try Sequential([Dense(units: 1)], inputShape: [1], seed: 0)
        let checkpoint = ModelCheckpoint(url: url, monitor: "val_loss", saveBestOnly: true)
        _ = try drive([checkpoint], valLoss: [2, 1, 3, 4], model: model, optimizer: Adam()) { epoch in
            try? model.setWeights([[Float(epoch)], [0]])
        }
        #expect(checkpoint.savedEpoch == 1)
        let saved = try ModelBundle.load(from: url)
        #expect(saved.weights[0].values == [1])
        #expect(saved.metadata["epoch"] == "2")
    }
}
