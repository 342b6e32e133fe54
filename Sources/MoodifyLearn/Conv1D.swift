/// A 1-D convolution as Keras's `Conv1D(filters, kernel_size, activation)`: valid padding, stride 1,
/// Glorot-uniform kernel `[kernel, in, filters]`, zero bias; computed as im2col + one GEMM.
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
    private var cachedColumns: [Float] = []
    private var cachedOutput: Tensor?
    private var cachedInputShape: [Int] = []

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
        let steps = length - kernelSize + 1, width = kernelSize * channels, rows = batch * steps
        var columns = [Float](unsafeUninitializedCapacity: rows * width) { buffer, initialized in
            input.values.withUnsafeBufferPointer { x in
                let dst = buffer.baseAddress!, src = x.baseAddress!
                for b in 0..<batch {
                    for t in 0..<steps {
                        (dst + (b * steps + t) * width).update(from: src + (b * length + t) * channels, count: width)
                    }
                }
            }
            initialized = rows * width
        }
        let output = Tensor(shape: [batch, steps, filters]) { out in
            let y = out.baseAddress!
            columns.withUnsafeBufferPointer { cols in
                kernel.value.withUnsafeBufferPointer { w in
                    GEMM.multiply(m: rows, n: filters, k: width, a: cols.baseAddress!, lda: width,
                                  b: w.baseAddress!, ldb: filters, c: y, ldc: filters)
                }
            }
            bias.value.withUnsafeBufferPointer { b in
                for r in 0..<rows {
                    let row = y + r * filters
                    for f in 0..<filters { row[f] += b[f] }
                }
            }
            activation.apply(y, rows: rows, width: filters)
        }
        if train {
            cachedInputShape = input.shape
            swap(&cachedColumns, &columns)
            cachedOutput = output
        }
        return output
    }

    /// Kernel and bias gradients; the input gradient by col2im of `gradient · kernelᵀ`.
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let kernel, let bias, let output = cachedOutput else { preconditionFailure("\(name): backward before a training forward pass") }
        let batch = cachedInputShape[0], length = cachedInputShape[1], channels = cachedInputShape[2]
        let steps = length - kernelSize + 1, width = kernelSize * channels, rows = batch * steps
        var g = outputGradient.values
        g.withUnsafeMutableBufferPointer { gp in
            output.values.withUnsafeBufferPointer { y in
                activation.backpropagate(gp.baseAddress!, output: y.baseAddress!, rows: rows, width: filters)
            }
        }
        var columns: [Float] = []
        swap(&columns, &cachedColumns)
        cachedOutput = nil
        g.withUnsafeBufferPointer { gp in
            let dz = gp.baseAddress!
            columns.withUnsafeBufferPointer { cols in
                kernel.gradient.withUnsafeMutableBufferPointer { dw in
                    GEMM.multiply(m: width, n: filters, k: rows, a: cols.baseAddress!, lda: width, transposeA: true,
                                  b: dz, ldb: filters, c: dw.baseAddress!, ldc: filters)
                }
            }
            bias.gradient.withUnsafeMutableBufferPointer { db in
                let acc = db.baseAddress!
                acc.update(repeating: 0, count: filters)
                for r in 0..<rows {
                    let row = dz + r * filters
                    for f in 0..<filters { acc[f] += row[f] }
                }
            }
        }
        guard needsInputGradient else { return nil }
        // Reuse the column buffer for the gradient of the columns, then fold it back onto the input.
        columns.withUnsafeMutableBufferPointer { cols in
            g.withUnsafeBufferPointer { gp in
                kernel.value.withUnsafeBufferPointer { w in
                    GEMM.multiply(m: rows, n: width, k: filters, a: gp.baseAddress!, lda: filters,
                                  b: w.baseAddress!, ldb: filters, transposeB: true, c: cols.baseAddress!, ldc: width)
                }
            }
        }
        var dx = Tensor(shape: cachedInputShape, repeating: 0)
        dx.values.withUnsafeMutableBufferPointer { dxp in
            columns.withUnsafeBufferPointer { cols in
                let dst = dxp.baseAddress!, src = cols.baseAddress!
                for b in 0..<batch {
                    for t in 0..<steps {
                        let to = dst + (b * length + t) * channels, from = src + (b * steps + t) * width
                        for i in 0..<width { to[i] += from[i] }
                    }
                }
            }
        }
        return dx
    }
}
