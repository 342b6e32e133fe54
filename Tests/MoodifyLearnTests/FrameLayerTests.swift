import Foundation
import Testing
@testable import MoodifyLearn

extension GradientCheckTests {
    @Test func globalAveragePooling() throws { try check(GlobalPooling1D(.average), batchShape: [3, 7, 4]) }
    @Test func globalMaxPooling() throws { try check(GlobalPooling1D(.maximum), batchShape: [3, 7, 4]) }
    @Test func specAugment() throws {
        try check(SpecAugment(timeMasks: 2, timeWidth: 3, frequencyMasks: 1, frequencyWidth: 2), batchShape: [3, 8, 5])
    }
}

/// The layers for frame sequences: global pooling over time and SpecAugment masking.
@Suite("Frame-sequence layers")
struct FrameLayerTests {
    @Test func globalPoolingValues() throws {
        var rng = SeededGenerator(seed: 1)
        // Two samples of 3 steps × 2 channels.
        let x = Tensor(shape: [2, 3, 2], values: [1, -1, 2, 5, 3, 0, -4, 7, -2, 7, 0, 1])
        let average = GlobalPooling1D(.average), maximum = GlobalPooling1D(.maximum)
        #expect(try average.outputShape(for: [3, 2]) == [2])
        #expect(average.forward(x, train: false, rng: &rng).values == [2, 4.0 / 3, -2, 5])
        #expect(maximum.forward(x, train: false, rng: &rng).values == [3, 5, 0, 7])
        // Equal maxima: the gradient goes to the first one only.
        _ = maximum.forward(x, train: true, rng: &rng)
        let dx = try #require(maximum.backward(Tensor(shape: [2, 2], values: [1, 1, 1, 1]), needsInputGradient: true))
        #expect(dx.values == [0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0])
    }

    @Test func specAugmentMasksOnlyInTraining() throws {
        let layer = SpecAugment(timeMasks: 2, timeWidth: 6, frequencyMasks: 2, frequencyWidth: 4)
        let x = Tensor(shape: [8, 30, 16], repeating: 1)
        var rng = SeededGenerator(seed: 3)
        #expect(layer.forward(x, train: false, rng: &rng) == x)
        var first = SeededGenerator(seed: 7), second = SeededGenerator(seed: 7)
        let masked = layer.forward(x, train: true, rng: &first)
        #expect(masked == layer.forward(x, train: true, rng: &second), "the same seed masks the same values")
        #expect(masked.values.allSatisfy { $0 == 0 || $0 == 1 })
        // At most 2·6 steps and 2·4 bands per sample are masked: at least 18·8 of 480 values survive.
        for b in 0..<8 {
            let kept = masked.values[(b * 480)..<((b + 1) * 480)].filter { $0 == 1 }.count
            #expect(kept >= 18 * 8)
        }
        #expect(masked.values.contains(0), "some values of 8 samples are masked")
        // Whole time runs are masked: a masked value's whole frame (all 16 bands) or whole band column is masked.
        for b in 0..<8 {
            for t in 0..<30 {
                for c in 0..<16 where masked.values[(b * 30 + t) * 16 + c] == 0 {
                    let frame = (0..<16).allSatisfy { masked.values[(b * 30 + t) * 16 + $0] == 0 }
                    let band = (0..<30).allSatisfy { masked.values[(b * 30 + $0) * 16 + c] == 0 }
                    #expect(frame || band)
                }
            }
        }
    }

    @Test func specsRoundTripThroughJSON() throws {
        let specs: [LayerSpec] = [.globalAveragePooling1d, .globalMaxPooling1d,
                                  .specAugment(timeMasks: 2, timeWidth: 12, frequencyMasks: 1, frequencyWidth: 8)]
        let decoded = try JSONDecoder().decode([LayerSpec].self, from: try JSONEncoder().encode(specs))
        #expect(decoded == specs)
        #expect(throws: LearnError.self) { try LayerSpec.specAugment(timeMasks: -1, timeWidth: 2, frequencyMasks: 0, frequencyWidth: 0).validate() }
    }

    @Test("a model over [steps, channels] reads 2-D rows as frame-major sequences")
    func sequenceModelReadsRows() throws {
        let model = try Sequential([
            SpecAugment(timeMasks: 1, timeWidth: 2, frequencyMasks: 1, frequencyWidth: 1),
            Conv1D(filters: 4, kernelSize: 3, activation: .relu), GlobalPooling1D(.average), Dense(units: 3, activation: .softmax),
        ], inputShape: [6, 5], seed: 2)
        var rng = SeededGenerator(seed: 4)
        let rows = Tensor(shape: [2, 30], values: (0..<60).map { _ in rng.nextUnitFloat() })
        let fromRows = try model.predict(rows)
        let fromSequences = try model.predict(rows.reshaped([2, 6, 5]))
        #expect(fromRows == fromSequences)
        #expect(fromRows.rows == 2 && fromRows.cols == 3)
    }
}
