import COpenBLAS

/// Principal component analysis as scikit-learn's `PCA` (no whitening): centre, eigen-decompose the
/// covariance in Float64, keep the top components with `svd_flip`'s signs (largest |loading| positive).
public struct PCA: Sendable {
    /// The per-column mean subtracted before projecting.
    public var mean: [Float]
    /// One component per row (unit length, by decreasing variance), one column per feature.
    public var components: Matrix
    /// The variance (ddof 1) along each component.
    public var explainedVariance: [Float]
    /// Each component's share of the total variance.
    public var explainedVarianceRatio: [Float]

    /// Rows of centred data per covariance update, bounding the Float64 scratch memory.
    private static let blockRows = 2048

    /// Finds the top `components` principal directions of the rows of `x`.
    public static func fit(_ x: Matrix, components: Int = 2) throws -> PCA {
        guard x.rows >= 2 else { throw PreprocessingError.tooFewRows(rows: x.rows, needed: 2, operation: "PCA") }
        let available = min(x.rows, x.cols)
        guard components >= 1 && components <= available else {
            throw PreprocessingError.tooManyComponents(requested: components, available: available)
        }
        guard x.values.allSatisfy({ $0.isFinite }) else { throw PreprocessingError.nonFinite(operation: "PCA") }
        let n = x.rows, d = x.cols
        var mean = [Double](repeating: 0, count: d)
        var covariance = [Double](repeating: 0, count: d * d)
        _ = OpenBLASKernels.ready
        x.values.withUnsafeBufferPointer { v in
            for r in 0..<n { for c in 0..<d { mean[c] += Double(v[r * d + c]) } }
            for c in 0..<d { mean[c] /= Double(n) }
            // Xcᵀ Xc accumulated block by block (upper triangle), centred in Float64.
            var block = [Double](repeating: 0, count: min(n, blockRows) * d)
            var start = 0
            while start < n {
                let rows = min(blockRows, n - start)
                for r in 0..<rows { for c in 0..<d { block[r * d + c] = Double(v[(start + r) * d + c]) - mean[c] } }
                cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, blasint(d), blasint(rows), 1, block, blasint(d),
                            1, &covariance, blasint(d))
                start += rows
            }
        }
        for i in 0..<d {
            for j in i..<d {
                let value = covariance[i * d + j] / Double(n - 1)
                covariance[i * d + j] = value
                covariance[j * d + i] = value
            }
        }
        guard let eigen = SymmetricEigen(symmetric: covariance, n: d) else { throw PreprocessingError.nonFinite(operation: "PCA") }
        let variances = eigen.values.map { max($0, 0) }
        let total = variances.reduce(0, +)
        let order = variances.indices.sorted { variances[$0] > variances[$1] }.prefix(components)
        var loadings = [Float]()
        loadings.reserveCapacity(components * d)
        for j in order {
            let vector = eigen.vectors[(j * d)..<((j + 1) * d)]
            // svd_flip: the entry of largest magnitude (the first such) becomes positive.
            var largest = vector.startIndex
            for i in vector.indices where abs(vector[i]) > abs(vector[largest]) { largest = i }
            let sign: Double = vector[largest] < 0 ? -1 : 1
            loadings += vector.map { Float(sign * $0) }
        }
        return PCA(mean: mean.map { Float($0) }, components: Matrix(rows: components, cols: d, values: loadings),
                   explainedVariance: order.map { Float(variances[$0]) },
                   explainedVarianceRatio: order.map { Float(total > 0 ? variances[$0] / total : 0) })
    }

    /// The coordinates of each row of `x` along the components: `(x − mean) · componentsᵀ`.
    public func transform(_ x: Matrix) throws -> Matrix {
        guard x.cols == mean.count else { throw PreprocessingError.columnMismatch(expected: mean.count, got: x.cols, operation: "PCA") }
        let d = x.cols, k = components.rows
        var centred = x.values
        mean.withUnsafeBufferPointer { m in
            centred.withUnsafeMutableBufferPointer { v in
                for r in 0..<x.rows { for c in 0..<d { v[r * d + c] -= m[c] } }
            }
        }
        var out = Matrix(rows: x.rows, cols: k)
        guard x.rows > 0 else { return out }
        _ = OpenBLASKernels.ready
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, blasint(x.rows), blasint(k), blasint(d),
                    1, centred, blasint(d), components.values, blasint(d), 0, &out.values, blasint(k))
        return out
    }
}
