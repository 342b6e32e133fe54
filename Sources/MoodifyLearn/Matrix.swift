/// A dense row-major Float32 matrix: one row per sample, one column per feature.
public struct Matrix: Sendable, Equatable {
    /// Number of rows (samples).
    public private(set) var rows: Int
    /// Number of columns (features).
    public private(set) var cols: Int
    /// The values, row after row (`rows * cols` of them).
    public var values: [Float]

    /// A matrix over the given row-major values; `values.count` must equal `rows * cols`.
    public init(rows: Int, cols: Int, values: [Float]) {
        precondition(rows >= 0 && cols >= 0 && values.count == rows * cols, "Matrix: \(values.count) values do not fill \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.values = values
    }

    /// A matrix of the given shape filled with one value.
    public init(rows: Int, cols: Int, repeating value: Float = 0) {
        self.init(rows: rows, cols: cols, values: Array(repeating: value, count: rows * cols))
    }

    /// A matrix built from equally long rows.
    public init(rowArrays: [[Float]]) {
        let cols = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == cols }, "Matrix: rows differ in length")
        self.init(rows: rowArrays.count, cols: cols, values: rowArrays.flatMap { $0 })
    }

    /// The shape as `[rows, cols]`.
    public var shape: [Int] { [rows, cols] }

    /// The element at `row`, `col`.
    public subscript(row: Int, col: Int) -> Float {
        get { values[row * cols + col] }
        set { values[row * cols + col] = newValue }
    }

    /// One row as a slice of `values`.
    public func row(_ i: Int) -> ArraySlice<Float> {
        values[(i * cols)..<((i + 1) * cols)]
    }

    /// The rows at `indices`, in that order.
    public func rows(_ indices: [Int]) -> Matrix {
        var out = [Float]()
        out.reserveCapacity(indices.count * cols)
        for i in indices { out.append(contentsOf: row(i)) }
        return Matrix(rows: indices.count, cols: cols, values: out)
    }

    /// This matrix with `other`'s rows appended below.
    public func appendingRows(of other: Matrix) -> Matrix {
        precondition(rows == 0 || other.rows == 0 || cols == other.cols, "Matrix: cannot stack \(cols) and \(other.cols) columns")
        return Matrix(rows: rows + other.rows, cols: rows == 0 ? other.cols : cols, values: values + other.values)
    }

    /// The transpose.
    public var transposed: Matrix {
        var out = [Float](repeating: 0, count: values.count)
        for r in 0..<rows { for c in 0..<cols { out[c * rows + r] = values[r * cols + c] } }
        return Matrix(rows: cols, cols: rows, values: out)
    }
}
