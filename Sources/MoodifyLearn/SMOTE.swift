/// Why SMOTE could not oversample.
public enum SMOTEError: Error, Equatable, CustomStringConvertible {
    /// The matrix and the label list disagree in length.
    case rowsLabelsMismatch(rows: Int, labels: Int)
    /// `k` must be at least 1.
    case invalidNeighbors(k: Int)
    /// A class to oversample has too few rows to have `k` neighbours.
    case tooFewRows(classCode: Int, rows: Int, k: Int)
    /// The matrix holds NaN or infinite values, which have no nearest neighbours.
    case nonFinite

    /// One sentence for the user.
    public var description: String {
        switch self {
        case let .rowsLabelsMismatch(rows, labels):
            return "SMOTE needs one label per row, but the matrix has \(rows) rows and there are \(labels) labels."
        case let .invalidNeighbors(k):
            return "SMOTE needs k of at least 1 neighbour, not \(k)."
        case let .tooFewRows(classCode, rows, k):
            return "SMOTE with k = \(k) needs more than \(k) rows in every class it oversamples, but class \(classCode) has \(rows); lower k or drop the class."
        case .nonFinite:
            return "SMOTE cannot interpolate data that holds NaN or infinite values."
        }
    }
}

/// Synthetic Minority Over-sampling (imbalanced-learn's `SMOTE(k_neighbors: k)`, "not majority"):
/// every class is raised to the majority count with rows `base + u·(neighbour − base)`, `u` uniform in [0, 1),
/// `neighbour` one of the base row's `k` nearest rows of its class. Returns the original rows first,
/// then the synthetic rows grouped by class in ascending class order.
public func smote(_ x: Matrix, _ y: [Int], k: Int = 5, seed: UInt64) throws -> (Matrix, [Int]) {
    guard x.rows == y.count else { throw SMOTEError.rowsLabelsMismatch(rows: x.rows, labels: y.count) }
    guard k >= 1 else { throw SMOTEError.invalidNeighbors(k: k) }
    guard x.values.allSatisfy({ $0.isFinite }) else { throw SMOTEError.nonFinite }
    var members = [Int: [Int]]()
    for (row, code) in y.enumerated() { members[code, default: []].append(row) }
    let majority = members.values.map(\.count).max() ?? 0
    let classes = members.keys.sorted()
    for code in classes {
        let rows = members[code]!.count
        if rows < majority && rows <= k { throw SMOTEError.tooFewRows(classCode: code, rows: rows, k: k) }
    }
    var generator = SeededGenerator(seed: seed)
    let d = x.cols
    var values = x.values
    var labels = y
    values.reserveCapacity(majority * classes.count * d)
    labels.reserveCapacity(majority * classes.count)
    for code in classes {
        let rows = members[code]!
        let needed = majority - rows.count
        guard needed > 0 else { continue }
        let own = x.rows(rows)
        let neighbors = NearestNeighbors(own, k: k)
        own.values.withUnsafeBufferPointer { v in
            for _ in 0..<needed {
                let base = Int.random(in: 0..<rows.count, using: &generator)
                let other = neighbors.indices[base * k + Int.random(in: 0..<k, using: &generator)]
                let u = generator.nextUnitFloat()
                for c in 0..<d {
                    let a = v[base * d + c]
                    values.append(a + u * (v[other * d + c] - a))
                }
            }
        }
        labels.append(contentsOf: repeatElement(code, count: needed))
    }
    return (Matrix(rows: labels.count, cols: d, values: values), labels)
}
