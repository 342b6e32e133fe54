import COpenBLAS

/// The `k` nearest other rows of every row of a matrix by Euclidean distance, nearest first
/// (brute force: blocked sgemm for ‖a‖² + ‖b‖² − 2a·b, then an exact Float64 re-ranking of a few extra candidates).
public struct NearestNeighbors: Sendable {
    /// Neighbours kept per row.
    public let k: Int
    /// Row `i`'s neighbours at `i * k ..< (i + 1) * k`, nearest first; a row is never its own neighbour.
    public let indices: [Int]

    /// Extra candidates kept from the float32 distance pass, re-ranked with exact distances, so that
    /// rounding in ‖a‖² + ‖b‖² − 2a·b cannot swap near-equal neighbours at the k-th place.
    private static let spareCandidates = 8
    /// Upper bound on the floats in one block of the distance matrix (32 MB).
    private static let blockBudget = 8 << 20

    /// Finds each row's `k` nearest other rows; needs `0 < k < x.rows`.
    public init(_ x: Matrix, k: Int) {
        precondition(k > 0 && k < x.rows, "NearestNeighbors: k = \(k) needs 0 < k < rows = \(x.rows)")
        self.k = k
        let n = x.rows, d = x.cols
        let m = min(n - 1, k + Self.spareCandidates)
        let blockRows = min(n, max(32, Self.blockBudget / max(n, 1)))
        var result = [Int](repeating: 0, count: n * k)
        var distances = [Float](repeating: 0, count: blockRows * n)
        var norms = [Float](repeating: 0, count: n)
        var candidateKeys = [Float](repeating: 0, count: m)
        var candidateRows = [Int](repeating: 0, count: m)
        var exact = [(distance: Double, row: Int)](repeating: (0, 0), count: m)
        // Distances do not change under translation; centring keeps ‖a‖² small next to a·b, so float32 cancellation stays small.
        let centred = Self.centred(x)
        x.values.withUnsafeBufferPointer { original in
        centred.withUnsafeBufferPointer { v in
            for i in 0..<n {
                var s: Float = 0
                for c in 0..<d { s += v[i * d + c] * v[i * d + c] }
                norms[i] = s
            }
            var start = 0
            while start < n {
                let rowsHere = min(blockRows, n - start)
                distances.withUnsafeMutableBufferPointer { g in
                    // g[i, j] = −2 x_{start+i} · x_j
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, blasint(rowsHere), blasint(n), blasint(d),
                                -2, v.baseAddress! + start * d, blasint(d), v.baseAddress!, blasint(d),
                                0, g.baseAddress!, blasint(n))
                }
                for i in 0..<rowsHere {
                    let row = start + i
                    let found = distances.withUnsafeBufferPointer { g in
                        norms.withUnsafeBufferPointer { norm in
                            Self.smallest(m, products: g.baseAddress! + i * n, norms: norm, count: n, skipping: row,
                                          keys: &candidateKeys, rows: &candidateRows)
                        }
                    }
                    for c in 0..<found {
                        let j = candidateRows[c]
                        var s: Double = 0
                        for col in 0..<d {
                            let t = Double(original[row * d + col]) - Double(original[j * d + col])
                            s += t * t
                        }
                        exact[c] = (s, j)
                    }
                    exact[0..<found].sort { $0.distance < $1.distance || ($0.distance == $1.distance && $0.row < $1.row) }
                    for c in 0..<k { result[row * k + c] = exact[c].row }
                }
                start += rowsHere
            }
        }
        }
        indices = result
    }

    /// `x`'s values with each column's mean (accumulated in Float64) subtracted.
    private static func centred(_ x: Matrix) -> [Float] {
        let n = x.rows, d = x.cols
        var mean = [Double](repeating: 0, count: d)
        var out = x.values
        out.withUnsafeMutableBufferPointer { v in
            mean.withUnsafeMutableBufferPointer { mu in
                for r in 0..<n { for c in 0..<d { mu[c] += Double(v[r * d + c]) } }
                for c in 0..<d { mu[c] /= Double(n) }
                for r in 0..<n { for c in 0..<d { v[r * d + c] = Float(Double(v[r * d + c]) - mu[c]) } }
            }
        }
        return out
    }

    /// Row `row`'s neighbours, nearest first.
    public func neighbors(of row: Int) -> ArraySlice<Int> {
        indices[(row * k)..<((row + 1) * k)]
    }

    /// Keeps the `m` smallest `g[j] + norms[j]` (j ≠ `skipping`) in ascending order; returns how many were kept.
    private static func smallest(_ m: Int, products g: UnsafePointer<Float>, norms: UnsafeBufferPointer<Float>, count n: Int,
                                 skipping: Int, keys bestKeys: inout [Float], rows bestRows: inout [Int]) -> Int {
        bestKeys.withUnsafeMutableBufferPointer { keys in
            bestRows.withUnsafeMutableBufferPointer { rows in
                var filled = 0
                for j in 0..<n where j != skipping {
                    let key = g[j] + norms[j]
                    if filled == m && !(key < keys[m - 1]) { continue }
                    var slot = filled == m ? m - 1 : filled
                    while slot > 0 && keys[slot - 1] > key {
                        keys[slot] = keys[slot - 1]
                        rows[slot] = rows[slot - 1]
                        slot -= 1
                    }
                    keys[slot] = key
                    rows[slot] = j
                    if filled < m { filled += 1 }
                }
                return filled
            }
        }
    }
}
