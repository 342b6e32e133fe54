/// One row per code with a 1 in that code's column, as Keras's `to_categorical`.
public func oneHot(_ y: [Int], classes: Int) throws -> Matrix {
    var out = Matrix(rows: y.count, cols: classes)
    for (row, code) in y.enumerated() {
        guard code >= 0 && code < classes else { throw PreprocessingError.codeOutOfRange(code: code, classes: classes) }
        out[row, code] = 1
    }
    return out
}

/// The column of each row's largest value (the first on ties), e.g. class indices from probability rows.
public func argmax(_ x: Matrix) -> [Int] {
    precondition(x.cols > 0, "argmax: the matrix has no columns")
    let d = x.cols
    return x.values.withUnsafeBufferPointer { v in
        (0..<x.rows).map { r in
            var best = 0
            var bestValue = v[r * d]
            for c in 1..<d where v[r * d + c] > bestValue {
                best = c
                bestValue = v[r * d + c]
            }
            return best
        }
    }
}
