/// One weight array of a layer (a kernel, a bias, a BN statistic), with its gradient.
///
/// A class because identity matters: the optimizer keeps its moments per parameter.
public final class Parameter {
    /// Keras's name for the weight, e.g. "kernel", "bias", "gamma", "moving_mean".
    public let name: String
    /// The weight's shape in Keras's layout (Conv1D kernel `[kernel, in, filters]`, Dense kernel `[in, units]`).
    public let shape: [Int]
    /// Whether the optimizer updates it (false for BN moving statistics).
    public let trainable: Bool
    /// The values, row-major.
    public var value: [Float]
    /// The gradient of the data loss with respect to `value`, set by the last backward pass. The L2 term's
    /// gradient, 2·l2·value, is not in it: the optimizer adds it while updating (one pass over the weights, not two).
    public var gradient: [Float]
    /// The factor of this weight's L2 regularizer (`l2 · Σ value²` is part of the loss), 0 for none.
    public let l2: Float

    /// A parameter of the given shape holding `value`.
    public init(name: String, shape: [Int], trainable: Bool = true, l2: Float = 0, value: [Float]) {
        precondition(value.count == shape.reduce(1, *), "Parameter \(name): \(value.count) values for shape \(shape)")
        self.name = name
        self.shape = shape
        self.trainable = trainable
        self.l2 = l2
        self.value = value
        self.gradient = trainable ? Array(repeating: 0, count: value.count) : []
    }

    /// The number of values.
    public var count: Int { value.count }

    /// The full gradient of the loss: `gradient` plus the L2 term.
    public var totalGradient: [Float] {
        guard l2 > 0 else { return gradient }
        return zip(gradient, value).map { $0 + 2 * l2 * $1 }
    }

    /// `l2 · Σ value²`, summed in parallel chunks of SIMD lanes.
    var regularizationLoss: Float {
        guard l2 > 0 else { return 0 }
        return value.withUnsafeBufferPointer { w in
            let base = w.baseAddress!
            var partials = [Float](repeating: 0, count: Parallel.width)
            partials.withUnsafeMutableBufferPointer { p in
                let sums = p.baseAddress!
                Parallel.forChunks(w.count, minimum: 65_536) { chunk, range in
                    sums[chunk] = VectorKernels.dot(base + range.lowerBound, base + range.lowerBound, count: range.count)
                }
            }
            return l2 * partials.reduce(0, +)
        }
    }
}
