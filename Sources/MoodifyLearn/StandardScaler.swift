/// Standardises each column to zero mean and unit variance, as scikit-learn's `StandardScaler`.
public struct StandardScaler: Sendable, Codable, Equatable {
    /// The per-column mean seen by `fit`.
    public var mean: [Float]
    /// The per-column population standard deviation seen by `fit` (1 for constant columns).
    public var scale: [Float]

    /// A scaler with a known mean and scale, e.g. read back from a model bundle.
    public init(mean: [Float], scale: [Float]) {
        precondition(mean.count == scale.count, "StandardScaler: \(mean.count) means but \(scale.count) scales")
        self.mean = mean
        self.scale = scale
    }

    /// Learns each column's mean and population standard deviation (Float64 accumulators, two passes).
    public static func fit(_ x: Matrix) throws -> StandardScaler {
        guard x.rows > 0 else { throw PreprocessingError.tooFewRows(rows: 0, needed: 1, operation: "The standard scaler") }
        let n = x.rows, d = x.cols
        var sum = [Double](repeating: 0, count: d)
        var correction = [Double](repeating: 0, count: d)
        var squares = [Double](repeating: 0, count: d)
        x.values.withUnsafeBufferPointer { v in
            sum.withUnsafeMutableBufferPointer { s in
                for r in 0..<n { for c in 0..<d { s[c] += Double(v[r * d + c]) } }
            }
            for c in 0..<d { sum[c] /= Double(n) }
            sum.withUnsafeBufferPointer { m in
                correction.withUnsafeMutableBufferPointer { corr in
                    squares.withUnsafeMutableBufferPointer { sq in
                        for r in 0..<n {
                            for c in 0..<d {
                                let t = Double(v[r * d + c]) - m[c]
                                corr[c] += t
                                sq[c] += t * t
                            }
                        }
                    }
                }
            }
        }
        var scale = [Float](repeating: 1, count: d)
        for c in 0..<d {
            let variance = (squares[c] - correction[c] * correction[c] / Double(n)) / Double(n)
            if !isNearlyConstant(variance: variance, mean: sum[c], rows: n) {
                scale[c] = Float(variance.squareRoot())
            }
        }
        return StandardScaler(mean: sum.map { Float($0) }, scale: scale)
    }

    /// Standardised copy of `x`: `(x - mean) / scale` column by column.
    public func transform(_ x: Matrix) throws -> Matrix {
        try checkColumns(x, operation: "The standard scaler")
        var out = x
        let d = x.cols
        mean.withUnsafeBufferPointer { m in
            scale.withUnsafeBufferPointer { s in
                out.values.withUnsafeMutableBufferPointer { v in
                    for r in 0..<x.rows { for c in 0..<d { v[r * d + c] = (v[r * d + c] - m[c]) / s[c] } }
                }
            }
        }
        return out
    }

    /// Fits on `x` and returns the scaler with `x` standardised.
    public static func fitTransform(_ x: Matrix) throws -> (scaler: StandardScaler, transformed: Matrix) {
        let scaler = try fit(x)
        return (scaler, try scaler.transform(x))
    }

    /// Undoes `transform`: `x * scale + mean` column by column.
    public func inverseTransform(_ x: Matrix) throws -> Matrix {
        try checkColumns(x, operation: "The standard scaler")
        var out = x
        let d = x.cols
        mean.withUnsafeBufferPointer { m in
            scale.withUnsafeBufferPointer { s in
                out.values.withUnsafeMutableBufferPointer { v in
                    for r in 0..<x.rows { for c in 0..<d { v[r * d + c] = v[r * d + c] * s[c] + m[c] } }
                }
            }
        }
        return out
    }

    private func checkColumns(_ x: Matrix, operation: String) throws {
        guard x.cols == mean.count else {
            throw PreprocessingError.columnMismatch(expected: mean.count, got: x.cols, operation: operation)
        }
    }

    /// scikit-learn's test for a column indistinguishable from a constant, from the error bound of
    /// the two-pass variance (Chan, Golub and LeVeque): such columns keep scale 1.
    private static func isNearlyConstant(variance: Double, mean: Double, rows: Int) -> Bool {
        let eps = Double.ulpOfOne, n = Double(rows)
        let bound = n * eps * variance + (n * mean * eps) * (n * mean * eps)
        return variance <= bound
    }
}
