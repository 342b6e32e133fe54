extension Matrix {
    /// The matrix of a tensor's samples, one flattened sample per row.
    public init(_ tensor: Tensor) {
        self.init(rows: tensor.batch, cols: tensor.sampleSize, values: tensor.values)
    }

    /// The index of the largest value in each row (the first one on ties), as class predictions.
    public func argmaxRows() -> [Int] {
        guard cols > 0 else { return Array(repeating: 0, count: rows) }
        return values.withUnsafeBufferPointer { v in
            (0..<rows).map { r in
                let base = v.baseAddress! + r * cols
                var best = 0
                for c in 1..<cols where base[c] > base[best] { best = c }
                return best
            }
        }
    }
}

extension Tensor {
    /// The `[rows, cols]` tensor holding a matrix.
    public init(_ matrix: Matrix) {
        self.init(shape: [matrix.rows, matrix.cols], values: matrix.values)
    }
}

extension Matrix {
    /// The matrix product `self · other` (OpenBLAS sgemm).
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(cols == other.rows, "Matrix: cannot multiply \(rows)×\(cols) by \(other.rows)×\(other.cols)")
        var out = Matrix(rows: rows, cols: other.cols)
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                out.values.withUnsafeMutableBufferPointer { c in
                    guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
                    GEMM.multiply(m: rows, n: other.cols, k: cols, a: a, lda: cols, b: b, ldb: other.cols, c: c, ldc: other.cols)
                }
            }
        }
        return out
    }
}
