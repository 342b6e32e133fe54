/// Inverted dropout as Keras's `Dropout(rate)`: in training each value is zeroed with probability
/// `rate` and the others scaled by 1 / (1 − rate); the identity in inference.
public final class Dropout: Layer {
    /// The layer's name in its model.
    public var name = "dropout"
    /// The fraction of values dropped in training.
    public let rate: Float
    private var cachedMask: [Float] = []
    private var randomWords: [UInt64] = []
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
        // Four 16-bit uniforms per 64-bit draw; a value is kept when its uniform u/65536 is at least `rate`.
        let threshold = Int32((Double(rate) * 65_536).rounded(.up))
        let words = (count + 3) / 4
        if randomWords.count != words { randomWords = [UInt64](repeating: 0, count: words) }
        randomWords.withUnsafeMutableBufferPointer { w in
            for i in 0..<words { w[i] = rng.next() }
        }
        prepareScratch(&cachedMask, count: count)
        return Tensor.reusing(&outputStorage, shape: input.shape) { out in
            input.values.withUnsafeBufferPointer { x in
                randomWords.withUnsafeBufferPointer { w in
                    cachedMask.withUnsafeMutableBufferPointer { m in
                        let x0 = x.baseAddress!, w0 = w.baseAddress!, m0 = m.baseAddress!
                        // Chunks start at multiples of 4 values, so that each reads whole random words.
                        Parallel.forRanges(count / 4, minimum: 16_384) { words in
                            let start = 4 * words.lowerBound, end = words.upperBound == count / 4 ? count : 4 * words.upperBound
                            VectorKernels.dropout(x0 + start, random: w0 + words.lowerBound, threshold: threshold, scale: scale,
                                                  mask: m0 + start, out: out + start, count: end - start)
                        }
                    }
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
                    let g0 = g.baseAddress!, m0 = m.baseAddress!
                    Parallel.forRanges(g.count) { range in
                        VectorKernels.multiply(g0 + range.lowerBound, m0 + range.lowerBound, into: out + range.lowerBound, count: range.count)
                    }
                }
            }
        }
    }
}
