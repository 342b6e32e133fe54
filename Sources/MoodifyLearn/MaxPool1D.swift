/// Max pooling as Keras's `MaxPooling1D(pool_size)`: windows of `poolSize` steps, the same stride,
/// valid padding; the gradient goes to the first maximum of each window.
public final class MaxPool1D: Layer {
    /// The layer's name in its model.
    public var name = "max_pooling1d"
    /// The window width and stride.
    public let poolSize: Int
    private var cachedInput: Tensor?

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
        let steps = length / poolSize
        let output = Tensor(shape: [batch, steps, channels]) { out in
            input.values.withUnsafeBufferPointer { xp in
                for b in 0..<batch {
                    for t in 0..<steps {
                        let window = xp.baseAddress! + (b * length + t * poolSize) * channels
                        let y = out.baseAddress! + (b * steps + t) * channels
                        y.update(from: window, count: channels)
                        for j in 1..<max(poolSize, 1) {
                            let x = window + j * channels
                            for c in 0..<channels where x[c] > y[c] { y[c] = x[c] }
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
        let steps = length / poolSize
        var dx = Tensor(shape: input.shape, repeating: 0)
        dx.values.withUnsafeMutableBufferPointer { dxp in
            input.values.withUnsafeBufferPointer { xp in
                outputGradient.values.withUnsafeBufferPointer { gp in
                    var best = [Int](repeating: 0, count: channels)
                    for b in 0..<batch {
                        for t in 0..<steps {
                            let offset = (b * length + t * poolSize) * channels
                            let window = xp.baseAddress! + offset
                            for c in 0..<channels { best[c] = 0 }
                            for j in 1..<max(poolSize, 1) {
                                let x = window + j * channels
                                for c in 0..<channels where x[c] > window[best[c] * channels + c] { best[c] = j }
                            }
                            let g = gp.baseAddress! + (b * steps + t) * channels
                            let d = dxp.baseAddress! + offset
                            for c in 0..<channels { d[best[c] * channels + c] = g[c] }
                        }
                    }
                }
            }
        }
        return dx
    }
}
