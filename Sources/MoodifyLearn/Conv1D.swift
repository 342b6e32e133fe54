/// A 1-D convolution as Keras's `Conv1D(filters, kernel_size, activation)`: valid padding, stride 1,
/// Glorot-uniform kernel `[kernel, in, filters]`, zero bias.
///
/// With a few input channels (a first layer reading raw features) it is computed directly. Otherwise the
/// batch is read as one long sequence of `batch · length` steps, so that each kernel tap is one GEMM over
/// all of it (no im2col copy); the `kernel − 1` outputs straddling two samples are computed and dropped.
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
    private var longOutput: [Float] = []
    private var outputStorage: [Float] = []
    private var gradientStorage: [Float] = []
    private var longGradient: [Float] = []
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
        let steps = length - kernelSize + 1, filters = self.filters, taps = kernelSize
        let output: Tensor
        if channels < Self.directChannels {
            output = Tensor.reusing(&outputStorage, shape: [batch, steps, filters]) { y in
                input.values.withUnsafeBufferPointer { xp in
                    kernel.value.withUnsafeBufferPointer { wp in
                        bias.value.withUnsafeBufferPointer { bp in
                            let x = xp.baseAddress!, w = wp.baseAddress!
                            for b in 0..<batch {
                                for t in 0..<steps {
                                    let row = y + (b * steps + t) * filters, window = x + (b * length + t) * channels
                                    row.update(from: bp.baseAddress!, count: filters)
                                    for i in 0..<(taps * channels) { VectorKernels.axpy(window[i], w + i * filters, into: row, count: filters) }
                                }
                            }
                        }
                    }
                }
                if activation == .relu {
                    VectorKernels.relu(y, count: batch * steps * filters)
                } else {
                    activation.apply(y, rows: batch * steps, width: filters)
                }
            }
        } else {
            // Every tap j adds X[r + j] · W_j to row r of the long output, r over all batch · length steps.
            let rows = batch * length - taps + 1
            prepareScratch(&longOutput, count: rows * filters)
            longOutput.withUnsafeMutableBufferPointer { yp in
                input.values.withUnsafeBufferPointer { xp in
                    kernel.value.withUnsafeBufferPointer { wp in
                        for j in 0..<taps {
                            GEMM.multiply(m: rows, n: filters, k: channels, a: xp.baseAddress! + j * channels, lda: channels,
                                          b: wp.baseAddress! + j * channels * filters, ldb: filters,
                                          c: yp.baseAddress!, ldc: filters, beta: j == 0 ? 0 : 1)
                        }
                    }
                }
            }
            output = Tensor.reusing(&outputStorage, shape: [batch, steps, filters]) { y in
                longOutput.withUnsafeBufferPointer { long in
                    bias.value.withUnsafeBufferPointer { bp in
                        for b in 0..<batch {
                            let from = long.baseAddress! + b * length * filters, to = y + b * steps * filters
                            to.update(from: from, count: steps * filters)
                            VectorKernels.addBias(bp.baseAddress!, to: to, rows: steps, width: filters, relu: activation == .relu)
                        }
                    }
                }
                if activation != .relu { activation.apply(y, rows: batch * steps, width: filters) }
            }
        }
        if train {
            cachedInput = input
            cachedOutput = output
        }
        return output
    }

    /// Kernel and bias gradients, and the input gradient (taps of `gradient · W_jᵀ` added at their offsets).
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let kernel, let bias, let input = cachedInput, let output = cachedOutput else {
            preconditionFailure("\(name): backward before a training forward pass")
        }
        cachedInput = nil
        cachedOutput = nil
        let batch = input.batch, length = input.shape[1], channels = input.shape[2]
        let steps = length - kernelSize + 1, filters = self.filters, taps = kernelSize
        let direct = channels < Self.directChannels
        // The gradient before the activation, in the long layout (zero rows between samples) for the GEMM path.
        let rows = direct ? batch * steps : batch * length - taps + 1
        prepareScratch(&longGradient, count: rows * filters)
        longGradient.withUnsafeMutableBufferPointer { dzp in
            outputGradient.values.withUnsafeBufferPointer { gp in
                output.values.withUnsafeBufferPointer { yp in
                    bias.gradient.withUnsafeMutableBufferPointer { dbp in
                        let db = dbp.baseAddress!
                        db.update(repeating: 0, count: filters)
                        for b in 0..<batch {
                            let g = gp.baseAddress! + b * steps * filters, y = yp.baseAddress! + b * steps * filters
                            let dz = dzp.baseAddress! + (direct ? b * steps : b * length) * filters
                            if activation == .relu {
                                VectorKernels.reluGradient(g, output: y, into: dz, columnSums: db, rows: steps, width: filters)
                            } else {
                                dz.update(from: g, count: steps * filters)
                                activation.backpropagate(dz, output: y, rows: steps, width: filters)
                                VectorKernels.columnSums(dz, rows: steps, width: filters, into: db)
                            }
                            if !direct {
                                let gapStart = (b * length + steps) * filters
                                let gapEnd = min((b + 1) * length * filters, rows * filters)
                                if gapEnd > gapStart { (dzp.baseAddress! + gapStart).update(repeating: 0, count: gapEnd - gapStart) }
                            }
                        }
                    }
                }
            }
        }
        if direct {
            backwardDirect(input, kernel: kernel, batch: batch, length: length, steps: steps)
            return needsInputGradient ? inputGradientDirect(kernel: kernel, shape: input.shape, steps: steps) : nil
        }
        input.values.withUnsafeBufferPointer { xp in
            longGradient.withUnsafeBufferPointer { dz in
                kernel.gradient.withUnsafeMutableBufferPointer { dw in
                    for j in 0..<taps {
                        GEMM.multiply(m: channels, n: filters, k: rows, a: xp.baseAddress! + j * channels, lda: channels, transposeA: true,
                                      b: dz.baseAddress!, ldb: filters, c: dw.baseAddress! + j * channels * filters, ldc: filters)
                    }
                }
            }
        }
        guard needsInputGradient else { return nil }
        return Tensor.reusing(&gradientStorage, shape: input.shape) { dx in
            longGradient.withUnsafeBufferPointer { dz in
                kernel.value.withUnsafeBufferPointer { wp in
                    // Tap 0 writes rows 0..<rows; the last taps − 1 rows start at zero; later taps accumulate.
                    (dx + rows * channels).update(repeating: 0, count: (taps - 1) * channels)
                    for j in 0..<taps {
                        GEMM.multiply(m: rows, n: channels, k: filters, a: dz.baseAddress!, lda: filters,
                                      b: wp.baseAddress! + j * channels * filters, ldb: filters, transposeB: true,
                                      c: dx + j * channels, ldc: channels, beta: j == 0 ? 0 : 1)
                    }
                }
            }
        }
    }

    /// Kernel gradient of the direct path: for every output step, each input value times the step's gradient row.
    private func backwardDirect(_ input: Tensor, kernel: Parameter, batch: Int, length: Int, steps: Int) {
        let channels = inputChannels, filters = self.filters, width = kernelSize * channels
        input.values.withUnsafeBufferPointer { xp in
            longGradient.withUnsafeBufferPointer { dzp in
                kernel.gradient.withUnsafeMutableBufferPointer { dwp in
                    let dw = dwp.baseAddress!
                    dw.update(repeating: 0, count: width * filters)
                    for b in 0..<batch {
                        for t in 0..<steps {
                            let window = xp.baseAddress! + (b * length + t) * channels, dz = dzp.baseAddress! + (b * steps + t) * filters
                            for i in 0..<width { VectorKernels.axpy(window[i], dz, into: dw + i * filters, count: filters) }
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
            longGradient.withUnsafeBufferPointer { dzp in
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
