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
    private var preActivationGradient: [Float] = []
    private var outputStorage: [Float] = []
    private var gradientStorage: [Float] = []

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
        kernel = Parameter(name: "kernel", shape: [inputWidth, units], l2: l2,
                           value: GlorotUniform.values(count: inputWidth * units, fanIn: inputWidth, fanOut: units, rng: &rng))
        bias = Parameter(name: "bias", shape: [units], value: Array(repeating: 0, count: units))
    }

    /// `l2 · Σ kernel²`.
    public var regularizationLoss: Float { kernel?.regularizationLoss ?? 0 }

    /// activation(x · kernel + bias).
    public func forward(_ input: Tensor, train: Bool, rng: inout SeededGenerator) -> Tensor {
        let y = affine(input, train: train, activation: activation)
        if train { cachedOutput = y }
        return y
    }

    /// Kernel and bias gradients (the optimizer adds the L2 term) and the input gradient.
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let output = cachedOutput else { preconditionFailure("\(name): backward before a training forward pass") }
        cachedOutput = nil
        guard activation != .linear else { return linearBackward(outputGradient, needsInputGradient: needsInputGradient) }
        prepareScratch(&preActivationGradient, count: outputGradient.count)
        let rows = outputGradient.count / units
        preActivationGradient.withUnsafeMutableBufferPointer { dz in
            outputGradient.values.withUnsafeBufferPointer { g in dz.baseAddress!.update(from: g.baseAddress!, count: g.count) }
            output.values.withUnsafeBufferPointer { y in
                activation.backpropagate(dz.baseAddress!, output: y.baseAddress!, rows: rows, width: units)
            }
        }
        return linearBackward(Tensor(shape: outputGradient.shape, values: preActivationGradient), needsInputGradient: needsInputGradient)
    }

    /// x · kernel + bias, before the activation (the logits of a softmax layer).
    func linearForward(_ input: Tensor, train: Bool) -> Tensor {
        affine(input, train: train, activation: .linear)
    }

    /// activation(x · kernel + bias), written into the layer's output storage.
    private func affine(_ input: Tensor, train: Bool, activation: Activation) -> Tensor {
        guard let kernel, let bias else { preconditionFailure("\(name): forward before build") }
        precondition(input.shape.last == inputWidth, "\(name): input width \(input.shape.last ?? 0), built for \(inputWidth)")
        let rows = input.count / inputWidth, units = self.units, inputWidth = self.inputWidth
        let output = Tensor.reusing(&outputStorage, shape: Array(input.shape.dropLast()) + [units]) { y in
            input.values.withUnsafeBufferPointer { x in
                kernel.value.withUnsafeBufferPointer { w in
                    GEMM.multiply(m: rows, n: units, k: inputWidth, a: x.baseAddress!, lda: inputWidth,
                                  b: w.baseAddress!, ldb: units, c: y, ldc: units)
                }
            }
            bias.value.withUnsafeBufferPointer { b in
                VectorKernels.addBias(b.baseAddress!, to: y, rows: rows, width: units, relu: activation == .relu)
            }
            if activation != .relu { activation.apply(y, rows: rows, width: units) }
        }
        if train { cachedInput = input }
        return output
    }

    /// Gradients from the gradient with respect to the pre-activation output.
    func linearBackward(_ gradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let kernel, let bias, let input = cachedInput else { preconditionFailure("\(name): backward before a training forward pass") }
        cachedInput = nil
        let units = self.units, inputWidth = self.inputWidth, rows = input.count / inputWidth
        gradient.values.withUnsafeBufferPointer { gp in
            let dz = gp.baseAddress!
            input.values.withUnsafeBufferPointer { x in
                kernel.gradient.withUnsafeMutableBufferPointer { dw in
                    GEMM.multiply(m: inputWidth, n: units, k: rows, a: x.baseAddress!, lda: inputWidth, transposeA: true,
                                  b: dz, ldb: units, c: dw.baseAddress!, ldc: units)
                }
            }
            bias.gradient.withUnsafeMutableBufferPointer { db in
                db.baseAddress!.update(repeating: 0, count: units)
                VectorKernels.columnSums(dz, rows: rows, width: units, into: db.baseAddress!)
            }
        }
        guard needsInputGradient else { return nil }
        return Tensor.reusing(&gradientStorage, shape: input.shape) { out in
            gradient.values.withUnsafeBufferPointer { gp in
                kernel.value.withUnsafeBufferPointer { w in
                    GEMM.multiply(m: rows, n: inputWidth, k: units, a: gp.baseAddress!, lda: units,
                                  b: w.baseAddress!, ldb: units, transposeB: true, c: out, ldc: inputWidth)
                }
            }
        }
    }
}
