import MoodifyLearn

extension Value {
    private func fail(_ expected: String, _ detail: String? = nil) -> ValueError {
        .conversion(expected: expected, got: kindDescription, detail: detail)
    }

    /// This value as a matrix: a matrix as is; a list of numbers as 1×n; a list of equally long
    /// lists of numbers as rows; a host object's `matrixValue`, else its `floatValues` as 1×n.
    public func asMatrix() throws -> Matrix {
        let expected = "a matrix or a list of numbers"
        switch self {
        case .matrix(let m):
            return m
        case .list(let items):
            if items.isEmpty { return Matrix(rows: 0, cols: 0) }
            if case .list = items[0] {
                var rows = [[Float]]()
                rows.reserveCapacity(items.count)
                for (i, item) in items.enumerated() {
                    guard case .list(let row) = item else { throw fail(expected, "row \(i) is \(item.kindDescription)") }
                    let floats = try Value.floats(of: row, expected: expected, prefix: "row \(i) ")
                    if let first = rows.first, first.count != floats.count {
                        throw fail(expected, "row \(i) has \(floats.count) values, row 0 has \(first.count)")
                    }
                    rows.append(floats)
                }
                return Matrix(rowArrays: rows)
            }
            let floats = try Value.floats(of: items, expected: expected, prefix: "")
            return Matrix(rows: 1, cols: floats.count, values: floats)
        case .object(let o):
            if let m = o.matrixValue { return m }
            if let f = o.floatValues { return Matrix(rows: 1, cols: f.count, values: f) }
            throw fail(expected)
        default:
            throw fail(expected)
        }
    }

    private static func floats(of items: [Value], expected: String, prefix: String) throws -> [Float] {
        var out = [Float]()
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard case .number(let x) = item else {
                throw ValueError.conversion(expected: expected, got: "a list", detail: "\(prefix)item \(i) is \(item.kindDescription)")
            }
            out.append(Float(x))
        }
        return out
    }

    /// This value as doubles: a list of numbers, a matrix with one row or one column, or a host object's `floatValues`.
    public func asDoubles() throws -> [Double] {
        let expected = "a list of numbers"
        switch self {
        case .list(let items):
            return try items.enumerated().map { i, item in
                guard case .number(let x) = item else { throw fail(expected, "item \(i) is \(item.kindDescription)") }
                return x
            }
        case .matrix(let m):
            guard m.rows <= 1 || m.cols <= 1 else {
                throw ValueError.conversion(expected: expected, got: "a \(m.rows)×\(m.cols) matrix", detail: nil)
            }
            return m.values.map { Double($0) }
        case .object(let o):
            if let f = o.floatValues { return f.map { Double($0) } }
            throw fail(expected)
        default:
            throw fail(expected)
        }
    }

    /// This value as Float32 values: a list of numbers, a matrix with one row or one column, or a host object's `floatValues`.
    public func asFloats() throws -> [Float] {
        switch self {
        case .matrix(let m) where m.rows <= 1 || m.cols <= 1: return m.values
        case .object(let o) where o.floatValues != nil: return o.floatValues!
        default: return try asDoubles().map { Float($0) }
        }
    }

    /// This value as integers: a list of whole numbers (or a one-row/one-column matrix of them).
    public func asInts() throws -> [Int] {
        let doubles: [Double]
        do {
            doubles = try asDoubles()
        } catch ValueError.conversion(_, let got, let detail) {
            throw ValueError.conversion(expected: "a list of integers", got: got, detail: detail)
        }
        return try doubles.enumerated().map { i, x in
            guard let n = Int(exactly: x) else {
                throw ValueError.conversion(expected: "a list of integers", got: kindDescription,
                                            detail: "item \(i) is \(Display.repr(.number(x)))")
            }
            return n
        }
    }

    /// This value as strings: a list of strings.
    public func asStrings() throws -> [String] {
        guard case .list(let items) = self else { throw fail("a list of strings") }
        return try items.enumerated().map { i, item in
            guard case .string(let s) = item else { throw fail("a list of strings", "item \(i) is \(item.kindDescription)") }
            return s
        }
    }
}
