/// A fully connected layer as Keras's `Dense(units, activation, kernel_regularizer=l2(l2))`:
/// Glorot-uniform kernel `[in, units]`, zero bias, applied to the last axis.
public final class Dense: Layer {
    /// The layer's name in its model.
    public var name = "dense"
    /// The number of outputs.
    public let units: Int
    /// The activation applied to the output.
    public let activation: Activation
    /// The L2 factor: `l2 · Σ kernel²` is added to the loss.
    public let l2: Float
    private var kernel: Parameter?
    private var bias: Parameter?
    private var inputWidth = 0
    private var cachedInput: Tensor?
    private var cachedOutput: Tensor?

    /// A layer with `units` outputs.
    public init(units: Int, activation: Activation = .linear, l2: Float = 0) {
        self.units = units
        self.activation = activation
        self.l2 = l2
    }

    /// `.dense(units, activation, l2)`.
    public var spec: LayerSpec { .dense(units: units, activation: activation, l2: l2) }
    /// kernel, bias.
    public var parameters: [Parameter] { [kernel, bias].compactMap { $0 } }
    /// Whether the weights exist.
    public var isBuilt: Bool { kernel != nil }

    /// The input shape with its last axis replaced by `units`.
    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard let last = inputShape.last, last > 0 else {
            throw LearnError.shapeMismatch(context: "\(name) (Dense) input", expected: "[features]", got: "\(inputShape)")
        }
        return Array(inputShape.dropLast()) + [units]
    }

    /// Creates a Glorot-uniform kernel and a zero bias.
    public func build(inputShape: [Int], rng: inout SeededGenerator) throws {
        _ = try outputShape(for: inputShape)
        inputWidth = inputShape.last!
        kernel = Parameter(name: "kernel", shape: [inputWidth, units],
                           value: GlorotUniform.values(count: inputWidth * units, fanIn: inputWidth, fanOut: units, rng: &rng))
        bias = Parameter(name: "bias", shape: [units], value: Array(repeating: 0, count: units))
    }

    /// `l2 · Σ kernel²`.
    public var regularizationLoss: Float {
        guard l2 > 0, let kernel else { return 0 }
        return kernel.value.withUnsafeBufferPointer { w in
            var sum: Float = 0
            for v in w { sum += v * v }
            return l2 * sum
        }
    }

    /// activation(x · kernel + bias).
    public func forward(_ input: Tensor, train: Bool, rng: inout SeededGenerator) -> Tensor {
        var z = linearForward(input, train: train)
        let rows = z.count / units
        z.values.withUnsafeMutableBufferPointer { activation.apply($0.baseAddress!, rows: rows, width: units) }
        if train { cachedOutput = z }
        return z
    }

    /// Kernel and bias gradients (with the L2 term) and the input gradient.
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let output = cachedOutput else { preconditionFailure("\(name): backward before a training forward pass") }
        var g = outputGradient
        let rows = g.count / units
        g.values.withUnsafeMutableBufferPointer { gp in
            output.values.withUnsafeBufferPointer { y in
                activation.backpropagate(gp.baseAddress!, output: y.baseAddress!, rows: rows, width: units)
            }
        }
        cachedOutput = nil
        return linearBackward(g, needsInputGradient: needsInputGradient)
    }

    /// x · kernel + bias, before the activation (the logits of a softmax layer).
    func linearForward(_ input: Tensor, train: Bool) -> Tensor {
        guard let kernel, let bias else { preconditionFailure("\(name): forward before build") }
        precondition(input.shape.last == inputWidth, "\(name): input width \(input.shape.last ?? 0), built for \(inputWidth)")
        let rows = input.count / inputWidth
        let output = Tensor(shape: Array(input.shape.dropLast()) + [units]) { out in
            let y = out.baseAddress!
            input.values.withUnsafeBufferPointer { x in
                kernel.value.withUnsafeBufferPointer { w in
                    GEMM.multiply(m: rows, n: units, k: inputWidth, a: x.baseAddress!, lda: inputWidth,
                                  b: w.baseAddress!, ldb: units, c: y, ldc: units)
                }
            }
            bias.value.withUnsafeBufferPointer { b in
                for r in 0..<rows {
                    let row = y + r * units
                    for u in 0..<units { row[u] += b[u] }
                }
            }
        }
        if train { cachedInput = input }
        return output
    }

    /// Gradients from the gradient with respect to the pre-activation output.
    func linearBackward(_ gradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let kernel, let bias, let input = cachedInput else { preconditionFailure("\(name): backward before a training forward pass") }
        cachedInput = nil
        let rows = input.count / inputWidth
        gradient.values.withUnsafeBufferPointer { gp in
            let dz = gp.baseAddress!
            input.values.withUnsafeBufferPointer { x in
                kernel.gradient.withUnsafeMutableBufferPointer { dw in
                    GEMM.multiply(m: inputWidth, n: units, k: rows, a: x.baseAddress!, lda: inputWidth, transposeA: true,
                                  b: dz, ldb: units, c: dw.baseAddress!, ldc: units)
                }
            }
            bias.gradient.withUnsafeMutableBufferPointer { db in
                let acc = db.baseAddress!
                acc.update(repeating: 0, count: units)
                for r in 0..<rows {
                    let row = dz + r * units
                    for u in 0..<units { acc[u] += row[u] }
                }
            }
        }
        if l2 > 0 {
            let factor = 2 * l2
            kernel.value.withUnsafeBufferPointer { w in
                kernel.gradient.withUnsafeMutableBufferPointer { dw in
                    for i in 0..<w.count { dw[i] += factor * w[i] }
                }
            }
        }
        guard needsInputGradient else { return nil }
        return Tensor(shape: input.shape) { out in
            gradient.values.withUnsafeBufferPointer { gp in
                kernel.value.withUnsafeBufferPointer { w in
                    GEMM.multiply(m: rows, n: inputWidth, k: units, a: gp.baseAddress!, lda: units,
                                  b: w.baseAddress!, ldb: units, transposeB: true, c: out.baseAddress!, ldc: inputWidth)
                }
            }
        }
    }
}
