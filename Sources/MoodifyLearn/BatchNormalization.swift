/// Batch normalization over the last axis as Keras 3's `BatchNormalization()`: batch statistics
/// (biased variance) in training, moving statistics in inference, and
/// `moving = moving · momentum + batch · (1 − momentum)` after every training batch.
public final class BatchNormalization: Layer {
    /// The layer's name in its model.
    public var name = "batch_normalization"
    /// The weight of the old value in the moving statistics' update.
    public let momentum: Float
    /// Added to the variance before its square root.
    public let epsilon: Float
    private var gamma: Parameter?
    private var beta: Parameter?
    private var movingMean: Parameter?
    private var movingVariance: Parameter?
    private var cachedInput: Tensor?
    private var cachedMean: [Float] = []
    private var cachedInverseStd: [Float] = []
    private var outputStorage: [Float] = []
    private var gradientStorage: [Float] = []

    /// Keras's defaults: momentum 0.99, ε 1e-3.
    public init(momentum: Float = 0.99, epsilon: Float = 1e-3) {
        self.momentum = momentum
        self.epsilon = epsilon
    }

    /// `.batchNormalization(momentum, epsilon)`.
    public var spec: LayerSpec { .batchNormalization(momentum: momentum, epsilon: epsilon) }
    /// gamma, beta, moving_mean, moving_variance (the last two not trainable).
    public var parameters: [Parameter] { [gamma, beta, movingMean, movingVariance].compactMap { $0 } }
    /// Whether the weights exist.
    public var isBuilt: Bool { gamma != nil }

    /// The input shape.
    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard let channels = inputShape.last, channels > 0 else {
            throw LearnError.shapeMismatch(context: "\(name) (BatchNormalization) input", expected: "at least one axis", got: "\(inputShape)")
        }
        return inputShape
    }

    /// gamma 1, beta 0, moving mean 0, moving variance 1.
    public func build(inputShape: [Int], rng: inout SeededGenerator) throws {
        let channels = try outputShape(for: inputShape).last!
        gamma = Parameter(name: "gamma", shape: [channels], value: Array(repeating: 1, count: channels))
        beta = Parameter(name: "beta", shape: [channels], value: Array(repeating: 0, count: channels))
        movingMean = Parameter(name: "moving_mean", shape: [channels], trainable: false, value: Array(repeating: 0, count: channels))
        movingVariance = Parameter(name: "moving_variance", shape: [channels], trainable: false, value: Array(repeating: 1, count: channels))
    }

    /// Normalises with the batch's statistics (train) or the moving ones (inference).
    public func forward(_ input: Tensor, train: Bool, rng: inout SeededGenerator) -> Tensor {
        guard let gamma, let beta, let movingMean, let movingVariance else { preconditionFailure("\(name): forward before build") }
        let channels = gamma.count, rows = input.count / channels
        var mean: [Float], variance: [Float]
        if train && rows > 0 {
            (mean, variance) = Self.moments(input, rows: rows, channels: channels)
            let keep = momentum, take = 1 - momentum
            for c in 0..<channels {
                movingMean.value[c] = movingMean.value[c] * keep + mean[c] * take
                movingVariance.value[c] = movingVariance.value[c] * keep + variance[c] * take
            }
        } else {
            mean = movingMean.value
            variance = movingVariance.value
        }
        // As Keras: y = x · s + (beta − mean · s) with s = gamma / sqrt(variance + ε).
        let inverseStd = variance.map { 1 / ($0 + epsilon).squareRoot() }
        var scale = [Float](repeating: 0, count: channels), shift = [Float](repeating: 0, count: channels)
        for c in 0..<channels {
            scale[c] = inverseStd[c] * gamma.value[c]
            shift[c] = beta.value[c] - mean[c] * scale[c]
        }
        let minimumRows = Self.minimumRows(channels)
        let output = Tensor.reusing(&outputStorage, shape: input.shape) { y in
            input.values.withUnsafeBufferPointer { xp in
                scale.withUnsafeBufferPointer { sp in
                    shift.withUnsafeBufferPointer { tp in
                        let x = xp.baseAddress!, s = sp.baseAddress!, t = tp.baseAddress!
                        Parallel.forRanges(rows, minimum: minimumRows) { range in
                            for r in range {
                                let xr = x + r * channels, yr = y + r * channels
                                for c in 0..<channels { yr[c] = xr[c] * s[c] + t[c] }
                            }
                        }
                    }
                }
            }
        }
        if train {
            cachedInput = input
            cachedMean = mean
            cachedInverseStd = inverseStd
        }
        return output
    }

    /// Gradients of gamma and beta, and of the input through the batch statistics.
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let gamma, let beta, let input = cachedInput else { preconditionFailure("\(name): backward before a training forward pass") }
        cachedInput = nil
        let channels = gamma.count, rows = input.count / channels
        var sumG = [Float](repeating: 0, count: channels), sumGX = [Float](repeating: 0, count: channels)
        let minimumRows = Self.minimumRows(channels)
        outputGradient.values.withUnsafeBufferPointer { gp in
            input.values.withUnsafeBufferPointer { xp in
                cachedMean.withUnsafeBufferPointer { mp in
                    cachedInverseStd.withUnsafeBufferPointer { ip in
                        let g0 = gp.baseAddress!, x0 = xp.baseAddress!, m = mp.baseAddress!, inv = ip.baseAddress!
                        // Σg and Σg·x̂ per channel, as one reduction over [Σg | Σg·x̂] rows of 2·channels.
                        var both = [Float](repeating: 0, count: 2 * channels)
                        both.withUnsafeMutableBufferPointer { bp in
                            Parallel.columnSums(rows: rows, width: 2 * channels, minimum: minimumRows, into: bp.baseAddress!) { range, sums in
                                let sg = sums, sgx = sums + channels
                                for r in range {
                                    let g = g0 + r * channels, x = x0 + r * channels
                                    for c in 0..<channels {
                                        sg[c] += g[c]
                                        sgx[c] += g[c] * (x[c] - m[c]) * inv[c]
                                    }
                                }
                            }
                        }
                        sumG = Array(both[0..<channels])
                        sumGX = Array(both[channels...])
                    }
                }
            }
        }
        beta.gradient = sumG
        gamma.gradient = sumGX
        guard needsInputGradient else { return nil }
        // dx = gamma · inv / N · (N · g − Σg − x̂ · Σ(g · x̂)).
        let n = Float(rows)
        var a = [Float](repeating: 0, count: channels), meanG = [Float](repeating: 0, count: channels)
        var meanGX = [Float](repeating: 0, count: channels)
        for c in 0..<channels {
            a[c] = gamma.value[c] * cachedInverseStd[c]
            meanG[c] = sumG[c] / n
            meanGX[c] = sumGX[c] / n
        }
        return Tensor.reusing(&gradientStorage, shape: input.shape) { out in
            outputGradient.values.withUnsafeBufferPointer { gp in
                input.values.withUnsafeBufferPointer { xp in
                    cachedMean.withUnsafeBufferPointer { mp in
                        cachedInverseStd.withUnsafeBufferPointer { ip in
                            a.withUnsafeBufferPointer { ap in
                                meanG.withUnsafeBufferPointer { mgp in
                                    meanGX.withUnsafeBufferPointer { mgxp in
                                        let g0 = gp.baseAddress!, x0 = xp.baseAddress!, m = mp.baseAddress!, inv = ip.baseAddress!
                                        let scale = ap.baseAddress!, mg = mgp.baseAddress!, mgx = mgxp.baseAddress!
                                        Parallel.forRanges(rows, minimum: minimumRows) { range in
                                            for r in range {
                                                let g = g0 + r * channels, x = x0 + r * channels, d = out + r * channels
                                                for c in 0..<channels {
                                                    let xhat = (x[c] - m[c]) * inv[c]
                                                    d[c] = scale[c] * (g[c] - mg[c] - xhat * mgx[c])
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Rows per chunk for ~64K values.
    private static func minimumRows(_ channels: Int) -> Int { max(1, 65_536 / max(channels, 1)) }

    /// Per-channel mean and biased variance over every row (two passes, for accuracy).
    private static func moments(_ input: Tensor, rows: Int, channels: Int) -> (mean: [Float], variance: [Float]) {
        var mean = [Float](repeating: 0, count: channels), variance = [Float](repeating: 0, count: channels)
        let minimumRows = minimumRows(channels)
        input.values.withUnsafeBufferPointer { xp in
            let x0 = xp.baseAddress!
            mean.withUnsafeMutableBufferPointer { mp in
                let m = mp.baseAddress!
                Parallel.columnSums(rows: rows, width: channels, minimum: minimumRows, into: m) { range, sums in
                    for r in range { VectorKernels.add(x0 + r * channels, into: sums, count: channels) }
                }
                let inverseRows = 1 / Float(rows)
                for c in 0..<channels { m[c] *= inverseRows }
                variance.withUnsafeMutableBufferPointer { vp in
                    let v = vp.baseAddress!
                    Parallel.columnSums(rows: rows, width: channels, minimum: minimumRows, into: v) { range, sums in
                        for r in range {
                            let x = x0 + r * channels
                            for c in 0..<channels {
                                let d = x[c] - m[c]
                                sums[c] += d * d
                            }
                        }
                    }
                    for c in 0..<channels { v[c] *= inverseRows }
                }
            }
        }
        return (mean, variance)
    }
}
