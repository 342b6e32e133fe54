import Testing
@testable import MoodifyLearn

@Suite("Categorical cross-entropy")
struct LossTests {
    @Test("on probabilities: Keras's clipping at 1e-7 and sum-over-batch-size weighting")
    func clippedProbabilities() throws {
        let golden = try KerasGolden("crossentropy")
        let p = try golden.matrix("probabilities"), y = try golden.matrix("targets")
        let w = try golden.array("sample_weights")
        // Losses up to −log(1e-7) ≈ 16.1 in float32 (1e-7 relative): 1e-5 absolute.
        let mean = try CategoricalCrossEntropy.loss(probabilities: p, targets: y)
        #expect(abs(Double(mean) - (try golden.scalar("mean") as! Double)) < 1e-5)
        let weighted = try CategoricalCrossEntropy.loss(probabilities: p, targets: y, sampleWeights: w)
        #expect(abs(Double(weighted) - (try golden.scalar("weighted") as! Double)) < 1e-5)
        let perSample = try golden.array("per_sample")
        for r in 0..<p.rows {
            let one = try CategoricalCrossEntropy.loss(probabilities: p.rows([r]), targets: y.rows([r]))
            #expect(abs(one - perSample[r]) < 1e-5, "row \(r)")
        }
    }

    @Test("a softmax model's loss comes from its logits, not clipped, as Keras's evaluate")
    func logitsPath() throws {
        let golden = try KerasGolden("logits")
        let model = try Sequential([Dense(units: 3, activation: .softmax)], inputShape: [2], seed: 0)
        try model.setWeights([try golden.array("kernel"), try golden.array("bias")])
        let x = try golden.matrix("x"), y = try golden.matrix("y")
        let p = try model.predict(x)
        // Softmax of logits up to ±40: probabilities agree to float32 rounding.
        #expect(maxAbsDifference(p.values, try golden.array("predict")) < 1e-6)
        let evaluation = try model.evaluate(x, y)
        let keras = try #require(try golden.scalar("evaluate") as? [String: Double])
        // The loss (52.75) is far above the clipped maximum of 16.1; float32 logits agree to 1e-5 relative.
        #expect(abs(Double(evaluation.loss) - keras["loss"]!) < 1e-3)
        #expect(abs(Double(evaluation.accuracy) - keras["accuracy"]!) < 1e-6)
        let clipped = try CategoricalCrossEntropy.loss(probabilities: p, targets: y)
        #expect(abs(Double(clipped) - (try golden.scalar("loss_on_probabilities") as! Double)) < 1e-4)
    }

    @Test func mismatchedShapesAreRejected() {
        #expect(throws: LearnError.self) {
            try CategoricalCrossEntropy.loss(probabilities: Matrix(rows: 2, cols: 3), targets: Matrix(rows: 2, cols: 2))
        }
    }
}
