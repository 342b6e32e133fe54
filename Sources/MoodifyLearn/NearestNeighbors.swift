import COpenBLAS

/// The `k` nearest other rows of every row of a matrix by Euclidean distance, nearest first
/// (brute force: blocked sgemm for ‖a‖² + ‖b‖² − 2a·b over the upper triangle only, then an exact Float64
/// re-ranking of a few extra candidates).
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
    /// Rows per block: small enough that skipping the lower triangle saves nearly half the products,
    /// large enough for sgemm to run near its peak.
    private static let preferredBlockRows = 256

    /// Finds each row's `k` nearest other rows; needs `0 < k < x.rows` and finite values.
    public init(_ x: Matrix, k: Int) {
        precondition(k > 0 && k < x.rows, "NearestNeighbors: k = \(k) needs 0 < k < rows = \(x.rows)")
        self.k = k
        let n = x.rows, d = x.cols
        let m = min(n - 1, k + Self.spareCandidates)
        // Distances do not change under translation; centring keeps ‖a‖² small next to a·b, so float32 cancellation stays small.
        let centred = Self.centred(x)
        var keys = [Float](repeating: .infinity, count: n * m)
        var candidates = [Int](repeating: -1, count: n * m)
        centred.withUnsafeBufferPointer { v in
            keys.withUnsafeMutableBufferPointer { keys in
                candidates.withUnsafeMutableBufferPointer { candidates in
                    Self.candidatePass(v.baseAddress!, rows: n, cols: d, keep: m, keys: keys.baseAddress!, candidates: candidates.baseAddress!)
                }
            }
        }
        var result = [Int](repeating: 0, count: n * k)
        var exact = [(distance: Double, row: Int)]()
        exact.reserveCapacity(m)
        x.values.withUnsafeBufferPointer { v in
            for row in 0..<n {
                exact.removeAll(keepingCapacity: true)
                for c in 0..<m {
                    let j = candidates[row * m + c]
                    var s: Double = 0
                    for col in 0..<d {
                        let t = Double(v[row * d + col]) - Double(v[j * d + col])
                        s += t * t
                    }
                    exact.append((s, j))
                }
                exact.sort { $0.distance < $1.distance || ($0.distance == $1.distance && $0.row < $1.row) }
                for c in 0..<k { result[row * k + c] = exact[c].row }
            }
        }
        indices = result
    }

    /// Row `row`'s neighbours, nearest first.
    public func neighbors(of row: Int) -> ArraySlice<Int> {
        indices[(row * k)..<((row + 1) * k)]
    }

    /// Fills row i's `keep` best candidates at `i * keep ..< (i + 1) * keep`, ascending by the float32 key
    /// ‖x_j‖² − 2 x_i·x_j (row i's own norm is the same for all j). Each block of rows is multiplied against
    /// itself and the later rows only; every product updates both rows' lists.
    private static func candidatePass(_ v: UnsafePointer<Float>, rows n: Int, cols d: Int, keep m: Int,
                                      keys: UnsafeMutablePointer<Float>, candidates: UnsafeMutablePointer<Int>) {
        var norms = [Float](repeating: 0, count: n)
        for i in 0..<n {
            var s: Float = 0
            for c in 0..<d { s += v[i * d + c] * v[i * d + c] }
            norms[i] = s
        }
        _ = OpenBLASKernels.ready
        let blockRows = min(n, max(32, min(preferredBlockRows, blockBudget / n)))
        var products = [Float](repeating: 0, count: blockRows * n)
        products.withUnsafeMutableBufferPointer { g in
            norms.withUnsafeBufferPointer { norm in
                var start = 0
                while start < n {
                    // g[i, j'] = −2 x_{start+i} · x_{start+j'}
                    let rowsHere = min(blockRows, n - start), width = n - start
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, blasint(rowsHere), blasint(width), blasint(d),
                                -2, v + start * d, blasint(d), v + start * d, blasint(d), 0, g.baseAddress!, blasint(width))
                    for i in 0..<rowsHere {
                        let a = start + i
                        let line = g.baseAddress! + i * width
                        for offset in (i + 1)..<max(i + 1, width) {
                            let b = start + offset, product = line[offset]
                            let keyForA = product + norm[b], keyForB = product + norm[a]
                            if keyForA < keys[a * m + m - 1] { insert(b, key: keyForA, keys: keys + a * m, rows: candidates + a * m, count: m) }
                            if keyForB < keys[b * m + m - 1] { insert(a, key: keyForB, keys: keys + b * m, rows: candidates + b * m, count: m) }
                        }
                    }
                    start += rowsHere
                }
            }
        }
    }

    /// Inserts `candidate` into an ascending list of `count` keys whose last entry `key` beats, dropping that last entry.
    @inline(__always)
    private static func insert(_ candidate: Int, key: Float, keys: UnsafeMutablePointer<Float>, rows: UnsafeMutablePointer<Int>, count: Int) {
        var slot = count - 1
        while slot > 0 && keys[slot - 1] > key {
            keys[slot] = keys[slot - 1]
            rows[slot] = rows[slot - 1]
            slot -= 1
        }
        keys[slot] = key
        rows[slot] = candidate
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
}
