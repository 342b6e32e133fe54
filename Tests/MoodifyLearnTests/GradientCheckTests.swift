import Testing
@testable import MoodifyLearn

/// Finite-difference checks of every backward pass.
///
/// The objective is f = Σ r·y (r fixed random weights on the layer's output y) plus the layer's L2 term,
/// accumulated in Float64 from float32 outputs; derivatives are central differences with step h = 1e-2.
/// Float32 rounding of the ~100 summed outputs leaves f uncertain by about 1e-5, i.e. 5e-4 in a difference
/// quotient, and the O(h²) truncation error is of the same order for these smooth-between-kinks functions;
/// inputs are spread so that no relu, max or clip kink lies within h of a probed point. Hence the tolerance
/// 2e-3 + 2e-3·|g| per probed coordinate.
@Suite("Gradient checks")
struct GradientCheckTests {
    /// Values spread in ±2 with every pair at least 0.05 apart, so that kinks stay clear of the probes.
    static func spread(_ count: Int, rng: inout SeededGenerator) -> [Float] {
        var values = (0..<count).map { i in -2 + 4 * Float(i) / Float(max(count - 1, 1)) }
        values.shuffle(using: &rng)
        return values
    }

    /// Compares analytic and numeric derivatives for inputs and every parameter of a layer, at about
    /// `probes` coordinates of each.
    func check(_ layer: any Layer, batchShape: [Int], seed: UInt64 = 1, probes: Int = 40) throws {
        var rng = SeededGenerator(seed: seed)
        try layer.build(inputShape: Array(batchShape.dropFirst()), rng: &rng)
        // Nudge weights off the initializer's grid so that relu inputs avoid zero.
        for parameter in layer.parameters where parameter.trainable {
            for i in parameter.value.indices { parameter.value[i] += 0.1 * (rng.nextUnitFloat() - 0.5) }
        }
        let input = Tensor(shape: batchShape, values: Self.spread(batchShape.reduce(1, *), rng: &rng))
        let outputShape = [batchShape[0]] + (try layer.outputShape(for: Array(batchShape.dropFirst())))
        let r = (0..<outputShape.reduce(1, *)).map { _ in rng.nextUnitFloat() * 2 - 1 }

        func objective(_ x: Tensor) -> Double {
            var dropoutRNG = SeededGenerator(seed: 99)
            let y = layer.forward(x, train: true, rng: &dropoutRNG)
            return zip(y.values, r).reduce(0) { $0 + Double($1.0) * Double($1.1) } + Double(layer.regularizationLoss)
        }
        var dropoutRNG = SeededGenerator(seed: 99)
        _ = layer.forward(input, train: true, rng: &dropoutRNG)
        let dx = try #require(layer.backward(Tensor(shape: outputShape, values: r), needsInputGradient: true))
        let parameterGradients = layer.parameters.filter(\.trainable).map(\.totalGradient)

        let h: Float = 1e-2
        func expectClose(_ analytic: Float, _ numeric: Double, _ what: String) {
            #expect(abs(Double(analytic) - numeric) < 2e-3 + 2e-3 * abs(numeric), "\(layer.name) \(what): analytic \(analytic), numeric \(numeric)")
        }
        for i in stride(from: 0, to: input.count, by: max(1, input.count / probes)) {
            var plus = input, minus = input
            plus.values[i] += h
            minus.values[i] -= h
            expectClose(dx.values[i], (objective(plus) - objective(minus)) / Double(2 * h), "∂/∂x[\(i)]")
        }
        for (parameter, gradient) in zip(layer.parameters.filter(\.trainable), parameterGradients) {
            for i in stride(from: 0, to: parameter.count, by: max(1, parameter.count / probes)) {
                let saved = parameter.value[i]
                parameter.value[i] = saved + h
                let up = objective(input)
                parameter.value[i] = saved - h
                let down = objective(input)
                parameter.value[i] = saved
                expectClose(gradient[i], (up - down) / Double(2 * h), "∂/∂\(parameter.name)[\(i)]")
            }
        }
    }

    @Test func conv1dRelu() throws { try check(Conv1D(filters: 4, kernelSize: 3, activation: .relu), batchShape: [2, 9, 3]) }
    @Test func conv1dManyChannels() throws { try check(Conv1D(filters: 3, kernelSize: 3, activation: .relu), batchShape: [2, 7, 9]) }
    @Test func conv1dManyChannelsLinear() throws { try check(Conv1D(filters: 4, kernelSize: 2), batchShape: [3, 5, 12]) }
    @Test func conv1dLinear() throws { try check(Conv1D(filters: 5, kernelSize: 2), batchShape: [3, 6, 1]) }
    @Test func batchNormSequence() throws { try check(BatchNormalization(), batchShape: [3, 5, 4]) }
    @Test func batchNormFeatures() throws { try check(BatchNormalization(), batchShape: [6, 7]) }
    @Test func maxPool() throws { try check(MaxPool1D(poolSize: 2), batchShape: [2, 9, 3]) }
    @Test func maxPoolOfThree() throws { try check(MaxPool1D(poolSize: 3), batchShape: [2, 7, 2]) }
    @Test func dropout() throws { try check(Dropout(rate: 0.4), batchShape: [4, 10]) }
    @Test func flatten() throws { try check(Flatten(), batchShape: [2, 4, 3]) }
    @Test func denseReluWithL2() throws { try check(Dense(units: 4, activation: .relu, l2: 0.05), batchShape: [3, 6]) }
    @Test func denseSoftmax() throws { try check(Dense(units: 5, activation: .softmax), batchShape: [4, 3]) }
    @Test func denseOnSequences() throws { try check(Dense(units: 3), batchShape: [2, 4, 5]) }

    /// Checks `scoreBatch`'s gradient of Σ wᵢ·lossᵢ / batch against finite differences of that loss, either
    /// with respect to logits (softmax head) or to probabilities given as plain outputs (the clipped path).
    func checkLoss(logits: Bool) throws {
        var rng = SeededGenerator(seed: 5)
        let rows = 4, classes = 3
        let targets: [Float] = [1, 0, 0, 0, 1, 0, 0, 0, 1, 0.2, 0.3, 0.5]
        let weights: [Float] = [1, 2, 0.5, 1.5]
        let model = try Sequential([Dense(units: classes, activation: logits ? .softmax : .linear)], inputShape: [2], seed: 1)
        func softmax(_ values: [Float]) -> [Float] {
            var p = values
            p.withUnsafeMutableBufferPointer { for r in 0..<rows { Softmax.apply($0.baseAddress! + r * classes, count: classes) } }
            return p
        }
        func outputs(_ values: [Float]) -> (output: Tensor, logits: Tensor?) {
            logits ? (Tensor(shape: [rows, classes], values: softmax(values)), Tensor(shape: [rows, classes], values: values))
                : (Tensor(shape: [rows, classes], values: values), nil)
        }
        let logitValues = (0..<(rows * classes)).map { _ in rng.nextUnitFloat() * 4 - 2 }
        let inputs = logits ? logitValues : softmax(logitValues)
        func loss(_ values: [Float]) -> Double {
            model.scoreBatch(outputs(values), targets: targets, weights: weights, gradientScale: 0).weightedLoss / Double(rows)
        }
        let gradient = model.scoreBatch(outputs(inputs), targets: targets, weights: weights, gradientScale: 1 / Float(rows)).gradient
        let h: Float = 1e-3
        for i in 0..<inputs.count {
            var plus = inputs, minus = inputs
            plus[i] += h
            minus[i] -= h
            let numeric = (loss(plus) - loss(minus)) / Double(2 * h)
            // Losses of order 1 in float32 (1e-7 relative) over a step of 2e-3: 1e-4 noise; 1e-3 covers it.
            #expect(abs(Double(gradient.values[i]) - numeric) < 1e-3 + 1e-3 * abs(numeric), "element \(i): \(gradient.values[i]) vs \(numeric)")
        }
    }

    @Test func crossEntropyFromLogits() throws { try checkLoss(logits: true) }
    @Test func crossEntropyOnProbabilities() throws { try checkLoss(logits: false) }

    @Test("whole model: gradient of the training loss (softmax head, L2, dropout) for the first kernel")
    func wholeModel() throws {
        let model = try Sequential([
            Conv1D(filters: 3, kernelSize: 3), BatchNormalization(), MaxPool1D(poolSize: 2), Dropout(rate: 0.3),
            Flatten(), Dense(units: 4, activation: .relu, l2: 0.01), Dense(units: 3, activation: .softmax),
        ], inputShape: [8, 1], seed: 3)
        var rng = SeededGenerator(seed: 8)
        let x = Tensor(shape: [6, 8, 1], values: Self.spread(48, rng: &rng))
        let targets: [Float] = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1]
        func loss(_ input: Tensor) -> Double {
            var dropoutRNG = SeededGenerator(seed: 0)
            let result = model.outputs(input, train: true, rng: &dropoutRNG)
            return model.scoreBatch(result, targets: targets, weights: nil, gradientScale: 0).weightedLoss / 6 + Double(model.regularizationLoss)
        }
        var dropoutRNG = SeededGenerator(seed: 0)
        let result = model.outputs(x, train: true, rng: &dropoutRNG)
        let score = model.scoreBatch(result, targets: targets, weights: nil, gradientScale: 1.0 / 6)
        model.backward(score.gradient)
        let parameter = model.layers[0].parameters[0]
        let analytic = parameter.gradient
        let h: Float = 1e-2
        for i in 0..<parameter.count {
            let saved = parameter.value[i]
            parameter.value[i] = saved + h
            let up = loss(x)
            parameter.value[i] = saved - h
            let down = loss(x)
            parameter.value[i] = saved
            let numeric = (up - down) / Double(2 * h)
            // Same budget as the layer checks: float32 noise of a loss of order 1 over 2h, plus O(h²).
            #expect(abs(Double(analytic[i]) - numeric) < 2e-3 + 2e-3 * abs(numeric), "conv kernel[\(i)]: \(analytic[i]) vs \(numeric)")
        }
    }
}
