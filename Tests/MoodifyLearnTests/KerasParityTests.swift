import Foundation
import Testing
@testable import MoodifyLearn

/// The notebooks' CNN as our layers, with the widths and L2 factor of a golden case and dropout 0.
func notebookCNN(filters: [Int], dense: Int, l2: Float, features: Int) throws -> Sequential {
    try Sequential([
        Conv1D(filters: filters[0], kernelSize: 3, activation: .relu), BatchNormalization(), MaxPool1D(poolSize: 2), Dropout(rate: 0),
        Conv1D(filters: filters[1], kernelSize: 3, activation: .relu), BatchNormalization(), MaxPool1D(poolSize: 2), Dropout(rate: 0),
        Flatten(), Dense(units: dense, activation: .relu, l2: l2), BatchNormalization(), Dropout(rate: 0),
        Dense(units: 6, activation: .softmax),
    ], inputShape: [features, 1], seed: 1)
}

/// Loads a golden case's weights ("initial" or "final") in the model's order.
func goldenWeights(_ golden: KerasGolden, _ prefix: String, model: Sequential) throws -> [[Float]] {
    try model.layers.enumerated().flatMap { index, layer in
        try layer.parameters.map { try golden.array("\(prefix)/\(index)/\($0.name)") }
    }
}

@Suite("Keras parity")
struct KerasParityTests {
    /// Builds the case's model with Keras's initial weights.
    private func model(for golden: KerasGolden) throws -> Sequential {
        let settings = golden.settings
        let model = try notebookCNN(filters: try #require(settings["filters"] as? [Int]), dense: try #require(settings["dense"] as? Int),
                                    l2: Float(try #require(settings["l2"] as? Double)), features: try #require(settings["features"] as? Int))
        try model.setWeights(try goldenWeights(golden, "initial", model: model))
        return model
    }

    @Test("first batch: train-mode output, loss with class weights and L2, and every gradient")
    func firstBatchGradients() throws {
        let golden = try KerasGolden("small")
        let model = try model(for: golden)
        let x = try golden.matrix("x"), y = try golden.matrix("y")
        let batch = try #require(golden.settings["batch_size"] as? Int)
        let weightsByClass = try #require(golden.settings["class_weight"] as? [String: Double])
        let labels = y.argmaxRows()
        let sampleWeights = labels.prefix(batch).map { Float(weightsByClass[String($0)] ?? 1) }
        var rng = SeededGenerator(seed: 0)
        let input = try model.adapt(Tensor(x.rows(Array(0..<batch))))
        let result = model.outputs(input, train: true, rng: &rng)
        // Softmax outputs of order 0.1–0.5; float32 rounding through five layers stays below 1e-5.
        #expect(maxAbsDifference(result.output.values, try golden.array("first_batch_output")) < 1e-5)
        let rows = Array(y.values.prefix(batch * 6))
        let score = model.scoreBatch(result, targets: rows, weights: sampleWeights, gradientScale: 1 / Float(batch))
        let loss = Float(score.weightedLoss) / Float(batch) + model.regularizationLoss
        // A loss near 3.4 summed in float32: agreement to 1e-5 relative.
        #expect(abs(loss - Float(try golden.scalar("first_batch_loss") as! Double)) < 3e-5)
        model.backward(score.gradient)
        for (index, layer) in model.layers.enumerated() {
            for parameter in layer.parameters where parameter.trainable {
                let expected = try golden.array("gradient/\(index)/\(parameter.name)")
                // Gradients are sums over the batch of products of O(1) values; float32 rounding differs from
                // TensorFlow's summation order by a few ulps of the largest term: 1e-5 of the largest gradient.
                let tolerance = 1e-5 * max(maxAbs(expected), 1e-3)
                #expect(maxAbsDifference(parameter.totalGradient, expected) < tolerance, "gradient of \(layer.name)/\(parameter.name)")
            }
        }
    }

    @Test("3 Adam steps of the notebooks' CNN", arguments: ["cnn", "small"])
    func training(caseName: String) throws {
        let golden = try KerasGolden(caseName)
        let model = try model(for: golden)
        let x = try golden.matrix("x"), y = try golden.matrix("y")
        let vx = try golden.matrix("val_x"), vy = try golden.matrix("val_y")
        // Inference outputs before training: probabilities, float32 rounding only.
        #expect(maxAbsDifference(try model.predict(x).values, try golden.array("predict_before")) < 1e-5)
        let settings = golden.settings
        let classWeight = (settings["class_weight"] as? [String: Double]).flatMap { table in
            table.isEmpty ? nil : ClassWeight.weights(Dictionary(uniqueKeysWithValues: table.map { (Int($0.key)!, Float($0.value)) }))
        }
        let history = try model.fit(x, y, validation: ValidationData(vx, vy),
                                    optimizer: Adam(learningRate: Float(try #require(settings["learning_rate"] as? Double))),
                                    epochs: try #require(settings["epochs"] as? Int), batchSize: try #require(settings["batch_size"] as? Int),
                                    shuffle: false, classWeight: classWeight, seed: 0, verbose: false)
        // History values are losses of order 1–3 and accuracies in sixths/twelfths.
        for (key, ours) in [("loss", history.loss), ("val_loss", history.valLoss)] {
            let keras = try golden.numbers("history/\(key)")
            #expect(zip(ours, keras).allSatisfy { abs(Double($0) - $1) < 1e-4 }, "\(key): \(ours) vs \(keras)")
        }
        for (key, ours) in [("accuracy", history.accuracy), ("val_accuracy", history.valAccuracy)] {
            let keras = try golden.numbers("history/\(key)")
            #expect(zip(ours, keras).allSatisfy { abs(Double($0) - $1) < 1e-6 }, "\(key): \(ours) vs \(keras)")
        }
        let expected = try goldenWeights(golden, "final", model: model)
        let initial = try goldenWeights(golden, "initial", model: model)
        for (i, parameter) in model.parameters.enumerated() {
            // Each Adam step moves a weight by at most about lr = 0.003; where the gradient is tiny its sign (and so
            // the step) is decided by rounding noise, so allow 2% of the total movement plus 2e-6 absolute.
            let moved = maxAbsDifference(expected[i], initial[i])
            let difference = maxAbsDifference(parameter.value, expected[i])
            #expect(difference < 0.02 * moved + 2e-6, "\(parameter.name) #\(i): off by \(difference), moved \(moved)")
        }
        // Outputs after training, in inference mode with the moving statistics.
        #expect(maxAbsDifference(try model.predict(x).values, try golden.array("predict_after")) < 1e-4)
    }
}
