/// A dense Float32 tensor whose first axis is the batch: `[batch, features]` or `[batch, length, channels]`.
public struct Tensor: Sendable, Equatable {
    /// The extent of each axis, batch first.
    public private(set) var shape: [Int]
    /// The values in row-major order (last axis fastest).
    public var values: [Float]

    /// A tensor over row-major `values`; their count must equal the product of `shape`.
    public init(shape: [Int], values: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 } && values.count == shape.reduce(1, *),
                     "Tensor: \(values.count) values do not fill shape \(shape)")
        self.shape = shape
        self.values = values
    }

    /// A tensor of the given shape filled with one value.
    public init(shape: [Int], repeating value: Float = 0) {
        self.init(shape: shape, values: Array(repeating: value, count: shape.reduce(1, *)))
    }

    /// A tensor whose values are written by `fill`, which must set every one of them.
    init(shape: [Int], filling fill: (UnsafeMutableBufferPointer<Float>) -> Void) {
        let count = shape.reduce(1, *)
        self.shape = shape
        self.values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(buffer)
            initialized = count
        }
    }

    /// The number of values.
    public var count: Int { values.count }

    /// The number of samples (the first axis).
    public var batch: Int { shape.first ?? 0 }

    /// The shape of one sample (every axis but the first).
    public var sampleShape: [Int] { Array(shape.dropFirst()) }

    /// The number of values in one sample.
    public var sampleSize: Int { shape.dropFirst().reduce(1, *) }

    /// The same values under another shape with the same number of values.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, values: values)
    }

    /// The samples at `indices`, in that order.
    public func samples(_ indices: [Int]) -> Tensor {
        let size = sampleSize
        return Tensor(shape: [indices.count] + sampleShape) { out in
            values.withUnsafeBufferPointer { src in
                for (row, index) in indices.enumerated() {
                    precondition(index >= 0 && index < batch, "Tensor: sample \(index) out of \(batch)")
                    (out.baseAddress! + row * size).update(from: src.baseAddress! + index * size, count: size)
                }
            }
        }
    }

    /// The samples in `range`.
    public func samples(_ range: Range<Int>) -> Tensor {
        let size = sampleSize
        return Tensor(shape: [range.count] + sampleShape,
                      values: Array(values[(range.lowerBound * size)..<(range.upperBound * size)]))
    }
}
