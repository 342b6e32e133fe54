/// Inverted dropout as Keras's `Dropout(rate)`: in training each value is zeroed with probability
/// `rate` and the others scaled by 1 / (1 − rate); the identity in inference.
public final class Dropout: Layer {
    /// The layer's name in its model.
    public var name = "dropout"
    /// The fraction of values dropped in training.
    public let rate: Float
    private var cachedMask: [Float] = []
    private var masked = false
    private var outputStorage: [Float] = []
    private var gradientStorage: [Float] = []

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
            masked = false
            return input
        }
        masked = true
        let scale = 1 / (1 - rate), count = input.count
        // Three 21-bit uniforms per 64-bit draw; a value is kept when its uniform is at least `rate`.
        let threshold = UInt64((Double(rate) * 2_097_152).rounded(.up))
        prepareScratch(&cachedMask, count: count)
        cachedMask.withUnsafeMutableBufferPointer { mask in
            let m = mask.baseAddress!
            var i = 0
            while i + 3 <= count {
                let bits = rng.next()
                m[i] = (bits >> 43) >= threshold ? scale : 0
                m[i + 1] = ((bits >> 22) & 0x1F_FFFF) >= threshold ? scale : 0
                m[i + 2] = ((bits >> 1) & 0x1F_FFFF) >= threshold ? scale : 0
                i += 3
            }
            while i < count {
                m[i] = (rng.next() >> 43) >= threshold ? scale : 0
                i += 1
            }
        }
        return Tensor.reusing(&outputStorage, shape: input.shape) { out in
            input.values.withUnsafeBufferPointer { x in
                cachedMask.withUnsafeBufferPointer { m in
                    VectorKernels.multiply(x.baseAddress!, m.baseAddress!, into: out, count: count)
                }
            }
        }
    }

    /// The output gradient through the same mask.
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient else { return nil }
        guard masked else { return outputGradient }
        masked = false
        return Tensor.reusing(&gradientStorage, shape: outputGradient.shape) { out in
            outputGradient.values.withUnsafeBufferPointer { g in
                cachedMask.withUnsafeBufferPointer { m in
                    VectorKernels.multiply(g.baseAddress!, m.baseAddress!, into: out, count: g.count)
                }
            }
        }
    }
}
