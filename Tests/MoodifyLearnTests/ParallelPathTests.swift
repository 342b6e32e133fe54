import Testing
@testable import MoodifyLearn

/// Layers split large batches over the cores; small batches (all the other tests) run in one piece.
/// These tests feed batches large enough to be split and compare with the same work done in small pieces
/// (or with a Float64 reference where a layer couples the samples).
@Suite("Work split over cores")
struct ParallelPathTests {
    /// Forward outputs, input gradients and summed parameter gradients of a batch against four quarter batches.
    func compareWithQuarters(_ layer: any Layer, batchShape: [Int], tolerance: Float) throws {
        var rng = SeededGenerator(seed: 3)
        try layer.build(inputShape: Array(batchShape.dropFirst()), rng: &rng)
        let x = Tensor(shape: batchShape, values: (0..<batchShape.reduce(1, *)).map { _ in rng.nextUnitFloat() * 4 - 2 })
        let outputShape = [batchShape[0]] + (try layer.outputShape(for: Array(batchShape.dropFirst())))
        let g = Tensor(shape: outputShape, values: (0..<outputShape.reduce(1, *)).map { _ in rng.nextUnitFloat() * 2 - 1 })
        var unused = SeededGenerator(seed: 0)
        let y = layer.forward(x, train: true, rng: &unused)
        let dx = try #require(layer.backward(g, needsInputGradient: true))
        let whole = layer.parameters.filter(\.trainable).map(\.gradient)
        var pieces = whole.map { [Float](repeating: 0, count: $0.count) }
        var yPieces = [Float](), dxPieces = [Float]()
        let quarter = batchShape[0] / 4
        for part in 0..<4 {
            let range = (part * quarter)..<((part + 1) * quarter)
            yPieces += layer.forward(x.samples(range), train: true, rng: &unused).values
            dxPieces += try #require(layer.backward(g.samples(range), needsInputGradient: true)).values
            for (i, parameter) in layer.parameters.filter(\.trainable).enumerated() {
                for j in 0..<parameter.count { pieces[i][j] += parameter.gradient[j] }
            }
        }
        #expect(maxAbsDifference(y.values, yPieces) <= tolerance, "\(layer.name) outputs")
        #expect(maxAbsDifference(dx.values, dxPieces) <= tolerance, "\(layer.name) input gradients")
        for (i, gradient) in whole.enumerated() {
            // Parameter gradients sum thousands of terms of order 1: relative float32 summation-order noise.
            #expect(maxAbsDifference(gradient, pieces[i]) <= tolerance * max(1, maxAbs(gradient)), "\(layer.name) parameter \(i)")
        }
    }

    // Outputs and input gradients are per-sample (only the summation order inside GEMM blocks can differ, and
    // max pooling is exact): 1e-4 on values of order 1.
    @Test func conv1dGEMMPath() throws { try compareWithQuarters(Conv1D(filters: 64, kernelSize: 3, activation: .relu), batchShape: [64, 40, 64], tolerance: 1e-4) }
    @Test func conv1dDirectPath() throws { try compareWithQuarters(Conv1D(filters: 64, kernelSize: 3, activation: .relu), batchShape: [64, 130, 1], tolerance: 1e-4) }
    @Test func maxPool() throws { try compareWithQuarters(MaxPool1D(poolSize: 2), batchShape: [64, 64, 64], tolerance: 0) }
    @Test func dense() throws { try compareWithQuarters(Dense(units: 64, activation: .relu, l2: 0.01), batchShape: [32, 4096], tolerance: 1e-4) }

    @Test("batch normalization of a split batch matches a Float64 computation")
    func batchNormalization() throws {
        let rows = 2400, channels = 64
        var rng = SeededGenerator(seed: 4)
        let layer = BatchNormalization()
        try layer.build(inputShape: [8, channels], rng: &rng)
        let x = Tensor(shape: [rows / 8, 8, channels], values: (0..<(rows * channels)).map { _ in rng.nextUnitFloat() * 3 + 1 })
        let g = Tensor(shape: x.shape, values: (0..<(rows * channels)).map { _ in rng.nextUnitFloat() * 2 - 1 })
        var unused = SeededGenerator(seed: 0)
        let y = layer.forward(x, train: true, rng: &unused)
        let dx = try #require(layer.backward(g, needsInputGradient: true))
        var worst: (y: Double, dx: Double) = (0, 0)
        for c in 0..<channels {
            let column = (0..<rows).map { Double(x.values[$0 * channels + c]) }, gc = (0..<rows).map { Double(g.values[$0 * channels + c]) }
            let mean = column.reduce(0, +) / Double(rows)
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rows)
            let inv = 1 / (variance + 1e-3).squareRoot()
            let xhat = column.map { ($0 - mean) * inv }
            let meanG = gc.reduce(0, +) / Double(rows), meanGX = zip(gc, xhat).reduce(0) { $0 + $1.0 * $1.1 } / Double(rows)
            for r in 0..<rows {
                worst.y = max(worst.y, abs(Double(y.values[r * channels + c]) - xhat[r]))
                worst.dx = max(worst.dx, abs(Double(dx.values[r * channels + c]) - inv * (gc[r] - meanG - xhat[r] * meanGX)))
            }
        }
        // Normalised values of order 1 from float32 sums over 2,400 rows: 1e-4 covers the summation error.
        #expect(worst.y < 1e-4 && worst.dx < 1e-4, "\(worst)")
    }

    @Test("dropout of a split tensor keeps about 1 − rate of the values, each scaled, and masks the gradient alike")
    func dropout() throws {
        let layer = Dropout(rate: 0.3), count = 200_000
        let x = Tensor(shape: [50, count / 50], values: (0..<count).map { Float($0 % 97) + 1 })
        var rng = SeededGenerator(seed: 5)
        let y = layer.forward(x, train: true, rng: &rng)
        let dx = try #require(layer.backward(Tensor(shape: x.shape, repeating: 2), needsInputGradient: true))
        let scale = 1 / (1 - Float(0.3))
        var kept = 0, mismatches = 0
        for i in 0..<count {
            let isKept = y.values[i] != 0
            if isKept { kept += 1 }
            // Kept values are x·scale exactly as computed (one float32 multiplication), the gradient 2·scale.
            if y.values[i] != (isKept ? x.values[i] * scale : 0) || dx.values[i] != (isKept ? 2 * scale : 0) { mismatches += 1 }
        }
        #expect(mismatches == 0)
        // Binomial(200,000, 0.7): the kept fraction is within 0.7 ± 0.005 (about 5 standard deviations).
        #expect(abs(Double(kept) / Double(count) - 0.7) < 0.005)
    }
}

@Suite("Layer buffers")
struct LayerBufferTests {
    @Test("an inference pass between a training pass and its backward pass changes nothing")
    func inferenceInBetween() throws {
        var rng = SeededGenerator(seed: 6)
        let x = Tensor(shape: [4, 12, 9], values: (0..<432).map { _ in rng.nextUnitFloat() - 0.5 })
        let other = Tensor(shape: [2, 12, 9], values: (0..<216).map { _ in rng.nextUnitFloat() })
        let g = Tensor(shape: [4, 10, 5], values: (0..<200).map { _ in rng.nextUnitFloat() - 0.5 })
        func gradients(interleaved: Bool) throws -> ([Float], [Float]) {
            var seed = SeededGenerator(seed: 1)
            let layer = Conv1D(filters: 5, kernelSize: 3, activation: .relu)
            try layer.build(inputShape: [12, 9], rng: &seed)
            let y = layer.forward(x, train: true, rng: &seed)
            if interleaved { _ = layer.forward(other, train: false, rng: &seed) }
            let dx = try #require(layer.backward(g, needsInputGradient: true))
            return (y.values + dx.values, layer.parameters.flatMap(\.gradient))
        }
        let plain = try gradients(interleaved: false), interleaved = try gradients(interleaved: true)
        #expect(plain.0 == interleaved.0 && plain.1 == interleaved.1)
    }
}
