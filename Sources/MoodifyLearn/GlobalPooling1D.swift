/// Global pooling over the time axis, as Keras's `GlobalAveragePooling1D()` and `GlobalMaxPooling1D()`:
/// `[length, channels]` becomes `[channels]`, whatever the length.
public final class GlobalPooling1D: Layer {
    /// How the steps of each channel are combined.
    public enum Reduction: Sendable, Equatable {
        /// The mean over the steps; the gradient is shared equally.
        case average
        /// The maximum over the steps; the gradient goes to the first maximum.
        case maximum
    }

    /// The layer's name in its model.
    public var name: String
    /// Mean or maximum.
    public let reduction: Reduction
    private var cachedInput: Tensor?
    private var outputStorage: [Float] = []
    private var gradientStorage: [Float] = []

    /// A global pooling layer of the given reduction.
    public init(_ reduction: Reduction) {
        self.reduction = reduction
        name = reduction == .average ? "global_average_pooling1d" : "global_max_pooling1d"
    }

    /// `.globalAveragePooling1d` or `.globalMaxPooling1d`.
    public var spec: LayerSpec { reduction == .average ? .globalAveragePooling1d : .globalMaxPooling1d }
    /// No weights.
    public var parameters: [Parameter] { [] }
    /// Always true: nothing to build.
    public var isBuilt: Bool { true }

    /// `[channels]` for an input `[length ≥ 1, channels]`.
    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard inputShape.count == 2, inputShape[0] >= 1 else {
            throw LearnError.shapeMismatch(context: "\(name) (\(spec.typeName)) input", expected: "[length ≥ 1, channels]", got: "\(inputShape)")
        }
        return [inputShape[1]]
    }

    /// Nothing to create.
    public func build(inputShape: [Int], rng: inout SeededGenerator) throws {
        _ = try outputShape(for: inputShape)
    }

    /// The mean or maximum of each channel over the steps.
    public func forward(_ input: Tensor, train: Bool, rng: inout SeededGenerator) -> Tensor {
        let batch = input.batch, length = input.shape[1], channels = input.shape[2]
        let output = Tensor.reusing(&outputStorage, shape: [batch, channels]) { out in
            input.values.withUnsafeBufferPointer { xp in
                let x0 = xp.baseAddress!
                for b in 0..<batch {
                    let y = out + b * channels, sample = x0 + b * length * channels
                    y.update(from: sample, count: channels)
                    for t in 1..<length {
                        let x = sample + t * channels
                        switch reduction {
                        case .average: for c in 0..<channels { y[c] += x[c] }
                        case .maximum: VectorKernels.maximum(y, x, into: y, count: channels)
                        }
                    }
                    if reduction == .average {
                        let scale = 1 / Float(length)
                        for c in 0..<channels { y[c] *= scale }
                    }
                }
            }
        }
        if train { cachedInput = input }
        return output
    }

    /// Spreads each channel's gradient over the steps (average) or routes it to the first maximum (maximum).
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let input = cachedInput else { preconditionFailure("\(name): backward before a training forward pass") }
        cachedInput = nil
        guard needsInputGradient else { return nil }
        let batch = input.batch, length = input.shape[1], channels = input.shape[2]
        return Tensor.reusing(&gradientStorage, shape: input.shape) { dx in
            input.values.withUnsafeBufferPointer { xp in
                outputGradient.values.withUnsafeBufferPointer { gp in
                    let x0 = xp.baseAddress!, g0 = gp.baseAddress!
                    for b in 0..<batch {
                        let g = g0 + b * channels, d = dx + b * length * channels, sample = x0 + b * length * channels
                        switch reduction {
                        case .average:
                            let scale = 1 / Float(length)
                            for t in 0..<length { for c in 0..<channels { d[t * channels + c] = g[c] * scale } }
                        case .maximum:
                            d.update(repeating: 0, count: length * channels)
                            for c in 0..<channels {
                                var best = 0
                                for t in 1..<length where sample[t * channels + c] > sample[best * channels + c] { best = t }
                                d[best * channels + c] = g[c]
                            }
                        }
                    }
                }
            }
        }
    }
}
