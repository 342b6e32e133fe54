/// A 1-D convolution as Keras's `Conv1D(filters, kernel_size, activation)`: valid padding, stride 1,
/// Glorot-uniform kernel `[kernel, in, filters]`, zero bias.
///
/// With a few input channels (a first layer reading raw features) it is computed directly; otherwise as
/// im2col + one GEMM (each output step's window of `kernel · channels` values is one contiguous run of
/// the input, so im2col is a row copy), which keeps the GEMMs wide.
public final class Conv1D: Layer {
    /// The layer's name in its model.
    public var name = "conv1d"
    /// The number of output channels.
    public let filters: Int
    /// The kernel width in steps.
    public let kernelSize: Int
    /// The activation applied to the output.
    public let activation: Activation
    private var kernel: Parameter?
    private var bias: Parameter?
    private var inputChannels = 0
    /// im2col rows of the last training batch (kept for backward) and of inference batches (never kept).
    private var columns: [Float] = []
    private var inferenceColumns: [Float] = []
    private var outputStorage: [Float] = []
    private var gradientStorage: [Float] = []
    private var preActivationGradient: [Float] = []
    private var cachedInput: Tensor?
    private var cachedOutput: Tensor?

    /// Input channels below this are convolved directly rather than by GEMM.
    private static let directChannels = 8

    /// A convolution with `filters` output channels and a kernel `kernelSize` steps wide.
    public init(filters: Int, kernelSize: Int, activation: Activation = .linear) {
        self.filters = filters
        self.kernelSize = kernelSize
        self.activation = activation
    }

    /// `.conv1d(filters, kernelSize, activation)`.
    public var spec: LayerSpec { .conv1d(filters: filters, kernelSize: kernelSize, activation: activation) }
    /// kernel, bias.
    public var parameters: [Parameter] { [kernel, bias].compactMap { $0 } }
    /// Whether the weights exist.
    public var isBuilt: Bool { kernel != nil }

    /// `[length - kernel + 1, filters]` for an input `[length, channels]`.
    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard inputShape.count == 2 else {
            throw LearnError.shapeMismatch(context: "\(name) (Conv1D) input", expected: "[length, channels]", got: "\(inputShape)")
        }
        guard inputShape[0] >= kernelSize, inputShape[1] > 0 else {
            throw LearnError.shapeMismatch(context: "\(name) (Conv1D) input", expected: "at least \(kernelSize) steps", got: "\(inputShape)")
        }
        return [inputShape[0] - kernelSize + 1, filters]
    }

    /// Creates a Glorot-uniform kernel and a zero bias.
    public func build(inputShape: [Int], rng: inout SeededGenerator) throws {
        _ = try outputShape(for: inputShape)
        inputChannels = inputShape[1]
        let count = kernelSize * inputChannels * filters
        kernel = Parameter(name: "kernel", shape: [kernelSize, inputChannels, filters],
                           value: GlorotUniform.values(count: count, fanIn: kernelSize * inputChannels,
                                                       fanOut: kernelSize * filters, rng: &rng))
        bias = Parameter(name: "bias", shape: [filters], value: Array(repeating: 0, count: filters))
    }

    /// Convolves a `[batch, length, channels]` batch.
    public func forward(_ input: Tensor, train: Bool, rng: inout SeededGenerator) -> Tensor {
        guard let kernel, let bias else { preconditionFailure("\(name): forward before build") }
        let batch = input.batch, length = input.shape[1], channels = input.shape[2]
        precondition(channels == inputChannels, "\(name): \(channels) input channels, built for \(inputChannels)")
        let steps = length - kernelSize + 1, filters = self.filters, width = kernelSize * channels, rows = batch * steps
        let relu = activation == .relu, activation = self.activation
        // Samples per chunk, so that a chunk holds at least ~64K output values.
        let minimumSamples = max(1, 65_536 / max(steps * filters, 1))
        let output: Tensor
        if channels < Self.directChannels {
            output = Tensor.reusing(&outputStorage, shape: [batch, steps, filters]) { y in
                input.values.withUnsafeBufferPointer { xp in
                    kernel.value.withUnsafeBufferPointer { wp in
                        bias.value.withUnsafeBufferPointer { bp in
                            let x = xp.baseAddress!, w = wp.baseAddress!, b0 = bp.baseAddress!
                            Parallel.forRanges(batch, minimum: minimumSamples) { samples in
                                for b in samples {
                                    for t in 0..<steps {
                                        let row = y + (b * steps + t) * filters, window = x + (b * length + t) * channels
                                        row.update(from: b0, count: filters)
                                        for i in 0..<width { VectorKernels.axpy(window[i], w + i * filters, into: row, count: filters) }
                                    }
                                    let first = y + b * steps * filters
                                    if relu { VectorKernels.relu(first, count: steps * filters) } else { activation.apply(first, rows: steps, width: filters) }
                                }
                            }
                        }
                    }
                }
            }
        } else {
            // Inference uses its own buffer, so that it cannot clobber what a pending backward pass needs.
            if !train { swap(&columns, &inferenceColumns) }
            defer { if !train { swap(&columns, &inferenceColumns) } }
            prepareScratch(&columns, count: rows * width)
            columns.withUnsafeMutableBufferPointer { cols in
                input.values.withUnsafeBufferPointer { xp in
                    let to = cols.baseAddress!, from = xp.baseAddress!
                    Parallel.forRanges(batch, minimum: minimumSamples) { samples in
                        for b in samples {
                            for t in 0..<steps { (to + (b * steps + t) * width).update(from: from + (b * length + t) * channels, count: width) }
                        }
                    }
                }
            }
            output = Tensor.reusing(&outputStorage, shape: [batch, steps, filters]) { y in
                columns.withUnsafeBufferPointer { cols in
                    kernel.value.withUnsafeBufferPointer { w in
                        GEMM.multiply(m: rows, n: filters, k: width, a: cols.baseAddress!, lda: width,
                                      b: w.baseAddress!, ldb: filters, c: y, ldc: filters)
                    }
                }
                bias.value.withUnsafeBufferPointer { bp in
                    let b0 = bp.baseAddress!
                    Parallel.forRanges(rows, minimum: minimumSamples * steps) { range in
                        let first = y + range.lowerBound * filters
                        VectorKernels.addBias(b0, to: first, rows: range.count, width: filters, relu: relu)
                        if !relu { activation.apply(first, rows: range.count, width: filters) }
                    }
                }
            }
        }
        if train {
            cachedInput = input
            cachedOutput = output
        }
        return output
    }

    /// Kernel and bias gradients, and the input gradient (col2im of `gradient · kernelᵀ`).
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let kernel, let bias, let input = cachedInput, let output = cachedOutput else {
            preconditionFailure("\(name): backward before a training forward pass")
        }
        cachedInput = nil
        cachedOutput = nil
        let batch = input.batch, length = input.shape[1], channels = input.shape[2]
        let steps = length - kernelSize + 1, filters = self.filters, width = kernelSize * channels, rows = batch * steps
        let relu = activation == .relu, activation = self.activation
        let minimumRows = max(1, 65_536 / filters)
        // The gradient before the activation, and the bias gradient, in one pass.
        prepareScratch(&preActivationGradient, count: rows * filters)
        preActivationGradient.withUnsafeMutableBufferPointer { dzp in
            outputGradient.values.withUnsafeBufferPointer { gp in
                output.values.withUnsafeBufferPointer { yp in
                    bias.gradient.withUnsafeMutableBufferPointer { dbp in
                        let dz = dzp.baseAddress!, g = gp.baseAddress!, y = yp.baseAddress!, db = dbp.baseAddress!
                        db.update(repeating: 0, count: filters)
                        Parallel.columnSums(rows: rows, width: filters, minimum: minimumRows, into: db) { range, sums in
                            let offset = range.lowerBound * filters, count = range.count
                            if relu {
                                VectorKernels.reluGradient(g + offset, output: y + offset, into: dz + offset, columnSums: sums,
                                                           rows: count, width: filters)
                            } else {
                                (dz + offset).update(from: g + offset, count: count * filters)
                                activation.backpropagate(dz + offset, output: y + offset, rows: count, width: filters)
                                VectorKernels.columnSums(dz + offset, rows: count, width: filters, into: sums)
                            }
                        }
                    }
                }
            }
        }
        if channels < Self.directChannels {
            backwardDirect(input, kernel: kernel, batch: batch, length: length, steps: steps)
            return needsInputGradient ? inputGradientDirect(kernel: kernel, shape: input.shape, steps: steps) : nil
        }
        preActivationGradient.withUnsafeBufferPointer { dz in
            columns.withUnsafeBufferPointer { cols in
                kernel.gradient.withUnsafeMutableBufferPointer { dw in
                    GEMM.multiply(m: width, n: filters, k: rows, a: cols.baseAddress!, lda: width, transposeA: true,
                                  b: dz.baseAddress!, ldb: filters, c: dw.baseAddress!, ldc: filters)
                }
            }
        }
        guard needsInputGradient else { return nil }
        // Reuse the column buffer for the gradient of the columns, then fold it back onto the input.
        columns.withUnsafeMutableBufferPointer { cols in
            preActivationGradient.withUnsafeBufferPointer { dz in
                kernel.value.withUnsafeBufferPointer { w in
                    GEMM.multiply(m: rows, n: width, k: filters, a: dz.baseAddress!, lda: filters,
                                  b: w.baseAddress!, ldb: filters, transposeB: true, c: cols.baseAddress!, ldc: width)
                }
            }
        }
        let minimumSamples = max(1, 65_536 / max(steps * width, 1))
        return Tensor.reusing(&gradientStorage, shape: input.shape) { dx in
            columns.withUnsafeBufferPointer { cols in
                let from = cols.baseAddress!
                Parallel.forRanges(batch, minimum: minimumSamples) { samples in
                    for b in samples {
                        (dx + b * length * channels).update(repeating: 0, count: length * channels)
                        for t in 0..<steps {
                            VectorKernels.add(from + (b * steps + t) * width, into: dx + (b * length + t) * channels, count: width)
                        }
                    }
                }
            }
        }
    }

    /// Kernel gradient of the direct path: for every output step, each input value times the step's gradient row.
    private func backwardDirect(_ input: Tensor, kernel: Parameter, batch: Int, length: Int, steps: Int) {
        let channels = inputChannels, filters = self.filters, width = kernelSize * channels
        input.values.withUnsafeBufferPointer { xp in
            preActivationGradient.withUnsafeBufferPointer { dzp in
                kernel.gradient.withUnsafeMutableBufferPointer { dwp in
                    let dw = dwp.baseAddress!, x = xp.baseAddress!, dz0 = dzp.baseAddress!
                    dw.update(repeating: 0, count: width * filters)
                    Parallel.columnSums(rows: batch, width: width * filters, minimum: max(1, 65_536 / max(steps * filters, 1)), into: dw) { samples, partial in
                        for b in samples {
                            for t in 0..<steps {
                                let window = x + (b * length + t) * channels, dz = dz0 + (b * steps + t) * filters
                                for i in 0..<width { VectorKernels.axpy(window[i], dz, into: partial + i * filters, count: filters) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Input gradient of the direct path: dot products of each step's gradient row with the kernel rows.
    private func inputGradientDirect(kernel: Parameter, shape: [Int], steps: Int) -> Tensor {
        let batch = shape[0], length = shape[1], channels = inputChannels, filters = self.filters, width = kernelSize * channels
        return Tensor.reusing(&gradientStorage, shape: shape) { dx in
            dx.update(repeating: 0, count: batch * length * channels)
            preActivationGradient.withUnsafeBufferPointer { dzp in
                kernel.value.withUnsafeBufferPointer { wp in
                    for b in 0..<batch {
                        for t in 0..<steps {
                            let dz = dzp.baseAddress! + (b * steps + t) * filters, window = dx + (b * length + t) * channels
                            for i in 0..<width { window[i] += VectorKernels.dot(dz, wp.baseAddress! + i * filters, count: filters) }
                        }
                    }
                }
            }
        }
    }
}
