/// Eigenvalues and eigenvectors of a real symmetric matrix in Float64: Householder reduction to tridiagonal
/// form, then implicit QL iterations with Wilkinson shifts (the eigen-decomposition behind `PCA`).
struct SymmetricEigen {
    /// Eigenvalues, in no particular order.
    var values: [Double]
    /// Eigenvector `j` at `vectors[j * n ..< (j + 1) * n]`, unit length, paired with `values[j]`.
    var vectors: [Double]

    /// Decomposes the symmetric `n`×`n` row-major matrix `a`; `nil` if the QL iterations fail to converge
    /// (only possible for non-finite input).
    init?(symmetric a: [Double], n: Int) {
        precondition(a.count == n * n, "SymmetricEigen: \(a.count) values do not fill \(n)×\(n)")
        var work = a
        var diagonal = [Double](repeating: 0, count: n)
        var offDiagonal = [Double](repeating: 0, count: n)
        var reflectors = [(start: Int, v: [Double], beta: Double)]()
        work.withUnsafeMutableBufferPointer { w in
            reflectors = Self.tridiagonalize(w, n: n, diagonal: &diagonal, offDiagonal: &offDiagonal)
        }
        // Eigenvectors of the tridiagonal matrix, one per row, starting from the identity.
        var rows = [Double](repeating: 0, count: n * n)
        for i in 0..<n { rows[i * n + i] = 1 }
        let converged = rows.withUnsafeMutableBufferPointer { z in
            Self.implicitQL(diagonal: &diagonal, offDiagonal: &offDiagonal, rows: z, n: n)
        }
        guard converged else { return nil }
        // Back to the original basis: x = H₀ H₁ … H_{n−3} y, applying the last reflector first.
        rows.withUnsafeMutableBufferPointer { z in
            for j in 0..<n {
                let y = z.baseAddress! + j * n
                for (start, v, beta) in reflectors.reversed() {
                    var dot = 0.0
                    for i in 0..<v.count { dot += v[i] * y[start + i] }
                    let scale = beta * dot
                    for i in 0..<v.count { y[start + i] -= scale * v[i] }
                }
            }
        }
        values = diagonal
        vectors = rows
    }

    /// Reduces `a` in place to tridiagonal form with Householder reflectors `I − β v vᵀ` acting on indices
    /// `start...`; fills the diagonal and `offDiagonal[i]` (coupling `i` and `i + 1`) and returns the reflectors.
    private static func tridiagonalize(_ a: UnsafeMutableBufferPointer<Double>, n: Int, diagonal: inout [Double],
                                       offDiagonal: inout [Double]) -> [(start: Int, v: [Double], beta: Double)] {
        var reflectors = [(start: Int, v: [Double], beta: Double)]()
        var p = [Double](repeating: 0, count: n)
        for k in 0..<max(0, n - 2) {
            let start = k + 1, m = n - start
            var v = (0..<m).map { a[k * n + start + $0] }
            let tail = v.dropFirst().reduce(0.0) { $0 + $1 * $1 }
            guard tail > 0 else {
                offDiagonal[k] = v[0]
                continue
            }
            let norm = (v[0] * v[0] + tail).squareRoot()
            let sign: Double = v[0] >= 0 ? 1 : -1
            offDiagonal[k] = -sign * norm
            v[0] += sign * norm
            let beta = 2 / (v[0] * v[0] + tail)
            // p = β S v on the trailing block S, then w = p − (β/2)(pᵀv) v, then S −= v wᵀ + w vᵀ.
            var pv = 0.0
            for i in 0..<m {
                var s = 0.0
                let row = (start + i) * n + start
                for j in 0..<m { s += a[row + j] * v[j] }
                p[i] = beta * s
                pv += p[i] * v[i]
            }
            let half = 0.5 * beta * pv
            for i in 0..<m { p[i] -= half * v[i] }
            for i in 0..<m {
                let row = (start + i) * n + start
                let vi = v[i], wi = p[i]
                for j in 0..<m { a[row + j] -= vi * p[j] + wi * v[j] }
            }
            reflectors.append((start, v, beta))
        }
        for i in 0..<n { diagonal[i] = a[i * n + i] }
        if n >= 2 { offDiagonal[n - 2] = a[(n - 2) * n + n - 1] }
        if n >= 1 { offDiagonal[n - 1] = 0 }
        return reflectors
    }

    /// Diagonalises the symmetric tridiagonal matrix by implicit QL steps with Wilkinson shifts, rotating the
    /// eigenvector rows `z` along; leaves the eigenvalues in `diagonal`. Returns false if an eigenvalue needs
    /// more than 60 iterations.
    private static func implicitQL(diagonal d: inout [Double], offDiagonal e: inout [Double],
                                   rows z: UnsafeMutableBufferPointer<Double>, n: Int) -> Bool {
        for l in 0..<n {
            var iterations = 0
            while true {
                // The first negligible coupling at or after l splits the matrix.
                var m = l
                while m < n - 1 {
                    let scale = abs(d[m]) + abs(d[m + 1])
                    if abs(e[m]) <= Double.ulpOfOne * scale { break }
                    m += 1
                }
                if m == l { break }
                iterations += 1
                if iterations > 60 { return false }
                // Wilkinson shift from the leading 2×2 block, folded into the first rotation's g.
                var g = (d[l + 1] - d[l]) / (2 * e[l])
                var r = (g * g + 1).squareRoot()
                g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r))
                var s = 1.0, c = 1.0, p = 0.0
                var i = m - 1
                var deflated = false
                while i >= l {
                    let f = s * e[i], b = c * e[i]
                    r = (f * f + g * g).squareRoot()
                    e[i + 1] = r
                    if r == 0 {
                        // An exact zero coupling appeared: undo the partial shift and restart on the smaller block.
                        d[i + 1] -= p
                        e[m] = 0
                        deflated = true
                        break
                    }
                    s = f / r
                    c = g / r
                    g = d[i + 1] - p
                    r = (d[i] - g) * s + 2 * c * b
                    p = s * r
                    d[i + 1] = g + p
                    g = c * r - b
                    let lower = z.baseAddress! + i * n, upper = z.baseAddress! + (i + 1) * n
                    for k in 0..<n {
                        let t = upper[k]
                        upper[k] = s * lower[k] + c * t
                        lower[k] = c * lower[k] - s * t
                    }
                    i -= 1
                }
                if deflated { continue }
                d[l] -= p
                e[l] = g
                e[m] = 0
            }
        }
        return true
    }
}
