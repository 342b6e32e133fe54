/// Max pooling as Keras's `MaxPooling1D(pool_size)`: windows of `poolSize` steps, the same stride,
/// valid padding; the gradient goes to the first maximum of each window.
public final class MaxPool1D: Layer {
    /// The layer's name in its model.
    public var name = "max_pooling1d"
    /// The window width and stride.
    public let poolSize: Int
    private var cachedInput: Tensor?
    private var outputStorage: [Float] = []
    private var gradientStorage: [Float] = []

    /// Pooling over windows of `poolSize` steps.
    public init(poolSize: Int = 2) {
        self.poolSize = poolSize
    }

    /// `.maxPool1d(poolSize)`.
    public var spec: LayerSpec { .maxPool1d(poolSize: poolSize) }
    /// No weights.
    public var parameters: [Parameter] { [] }
    /// Always true: nothing to build.
    public var isBuilt: Bool { true }

    /// `[length / pool, channels]` (rounded down).
    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard inputShape.count == 2, inputShape[0] >= poolSize else {
            throw LearnError.shapeMismatch(context: "\(name) (MaxPooling1D) input", expected: "[length ≥ \(poolSize), channels]", got: "\(inputShape)")
        }
        return [inputShape[0] / poolSize, inputShape[1]]
    }

    /// Nothing to create.
    public func build(inputShape: [Int], rng: inout SeededGenerator) throws {
        _ = try outputShape(for: inputShape)
    }

    /// The maximum of each window, per channel.
    public func forward(_ input: Tensor, train: Bool, rng: inout SeededGenerator) -> Tensor {
        let batch = input.batch, length = input.shape[1], channels = input.shape[2]
        let steps = length / poolSize, pool = poolSize
        let minimumSamples = max(1, 65_536 / max(length * channels, 1))
        let output = Tensor.reusing(&outputStorage, shape: [batch, steps, channels]) { out in
            input.values.withUnsafeBufferPointer { xp in
                Parallel.forRanges(batch, minimum: minimumSamples) { samples in
                for b in samples {
                    for t in 0..<steps {
                        let window = xp.baseAddress! + (b * length + t * pool) * channels
                        let y = out + (b * steps + t) * channels
                        y.update(from: window, count: channels)
                        for j in 1..<pool { VectorKernels.maximum(y, window + j * channels, into: y, count: channels) }
                    }
                }
                }
            }
        }
        if train { cachedInput = input }
        return output
    }

    /// Routes each window's gradient to its first maximum.
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let input = cachedInput else { preconditionFailure("\(name): backward before a training forward pass") }
        cachedInput = nil
        guard needsInputGradient else { return nil }
        let batch = input.batch, length = input.shape[1], channels = input.shape[2]
        let steps = length / poolSize, pool = poolSize
        let minimumSamples = max(1, 65_536 / max(length * channels, 1))
        return Tensor.reusing(&gradientStorage, shape: input.shape) { dx in
            input.values.withUnsafeBufferPointer { xp in
                outputGradient.values.withUnsafeBufferPointer { gp in
                    let x0 = xp.baseAddress!, g0 = gp.baseAddress!
                    Parallel.forRanges(batch, minimum: minimumSamples) { samples in
                        var maximum = [Float](repeating: 0, count: channels), done = [Bool](repeating: false, count: channels)
                        for b in samples {
                            for t in 0..<steps {
                                let offset = (b * length + t * pool) * channels
                                let window = x0 + offset, d = dx + offset, g = g0 + (b * steps + t) * channels
                                if pool == 2 {
                                    VectorKernels.maximumGradient(window, window + channels, gradient: g, da: d, db: d + channels, count: channels)
                                    continue
                                }
                                for c in 0..<channels { maximum[c] = window[c] }
                                for j in 1..<pool {
                                    let x = window + j * channels
                                    for c in 0..<channels where x[c] > maximum[c] { maximum[c] = x[c] }
                                }
                                for c in 0..<channels { done[c] = false }
                                for j in 0..<pool {
                                    let x = window + j * channels, dj = d + j * channels
                                    for c in 0..<channels {
                                        let hit = !done[c] && x[c] == maximum[c]
                                        dj[c] = hit ? g[c] : 0
                                        if hit { done[c] = true }
                                    }
                                }
                            }
                            // Steps left over by an uneven length get no gradient.
                            (dx + (b * length + steps * pool) * channels).update(repeating: 0, count: (length - steps * pool) * channels)
                        }
                    }
                }
            }
        }
    }
}
