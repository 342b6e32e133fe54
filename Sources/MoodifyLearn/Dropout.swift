/// Inverted dropout as Keras's `Dropout(rate)`: in training each value is zeroed with probability
/// `rate` and the others scaled by 1 / (1 − rate); the identity in inference.
public final class Dropout: Layer {
    /// The layer's name in its model.
    public var name = "dropout"
    /// The fraction of values dropped in training.
    public let rate: Float
    private var cachedMask: [Float] = []

    /// Dropout of a fraction `rate` in [0, 1).
    public init(rate: Float) {
        self.rate = rate
    }

    /// `.dropout(rate)`.
    public var spec: LayerSpec { .dropout(rate: rate) }
    /// No weights.
    public var parameters: [Parameter] { [] }
    /// Always true: nothing to build.
    public var isBuilt: Bool { true }

    /// The input shape.
    public func outputShape(for inputShape: [Int]) throws -> [Int] { inputShape }

    /// Nothing to create.
    public func build(inputShape: [Int], rng: inout SeededGenerator) throws {}

    /// The input with a seeded random mask applied in training.
    public func forward(_ input: Tensor, train: Bool, rng: inout SeededGenerator) -> Tensor {
        guard train, rate > 0 else {
            cachedMask = []
            return input
        }
        let scale = 1 / (1 - rate), count = input.count
        // Two 24-bit uniforms per 64-bit draw; a value is kept when its uniform is at least `rate`.
        let threshold = UInt64((Double(rate) * 16_777_216).rounded(.up))
        cachedMask = [Float](unsafeUninitializedCapacity: count) { mask, initialized in
            var i = 0
            while i < count {
                let bits = rng.next()
                mask[i] = (bits >> 40) >= threshold ? scale : 0
                if i + 1 < count { mask[i + 1] = ((bits >> 8) & 0xFF_FFFF) >= threshold ? scale : 0 }
                i += 2
            }
            initialized = count
        }
        return Tensor(shape: input.shape) { out in
            input.values.withUnsafeBufferPointer { x in
                cachedMask.withUnsafeBufferPointer { m in
                    for i in 0..<count { out[i] = x[i] * m[i] }
                }
            }
        }
    }

    /// The output gradient through the same mask.
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient else { return nil }
        guard !cachedMask.isEmpty else { return outputGradient }
        var g = outputGradient
        g.values.withUnsafeMutableBufferPointer { gp in
            cachedMask.withUnsafeBufferPointer { m in
                for i in 0..<gp.count { gp[i] *= m[i] }
            }
        }
        cachedMask = []
        return g
    }
}
