/// Makes `buffer` hold `count` values, keeping its storage when the size is unchanged, so that layers
/// reuse their work buffers from batch to batch instead of allocating them.
@inline(__always)
func prepareScratch(_ buffer: inout [Float], count: Int) {
    if buffer.count != count { buffer = [Float](repeating: 0, count: count) }
}

extension Tensor {
    /// A tensor whose values are written by `fill` into `storage`, which a layer keeps from call to call:
    /// the storage is reused when nothing else holds it any more (else copy-on-write gives a fresh one).
    static func reusing(_ storage: inout [Float], shape: [Int], fill: (UnsafeMutablePointer<Float>) -> Void) -> Tensor {
        prepareScratch(&storage, count: shape.reduce(1, *))
        storage.withUnsafeMutableBufferPointer { fill($0.baseAddress!) }
        return Tensor(shape: shape, values: storage)
    }
}
