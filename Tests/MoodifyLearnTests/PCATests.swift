import Foundation
import Testing
@testable import MoodifyLearn

@Suite("PCA")
struct PCATests {
    @Test("PCA matches scikit-learn's components, variance ratios and projection")
    func pcaGolden() throws {
        let g = try SklearnGolden.load("pca", as: SklearnGolden.PCACase.self)
        let rows = g.rows
        let x = Matrix(rows: rows, cols: g.cols, values: g.x)
        let pca = try PCA.fit(x, components: 3)
        let components = g.components
        // Unit loadings: scikit-learn's (float32 covariance, covariance_eigh) differ from the Float64 ones by
        // ≤ 7e-7 here; 1e-5 bounds that and is far below the 1e-3 that a sign flip or a swapped component would show.
        for i in 0..<components.count { #expect(abs(pca.components.values[i] - components[i]) <= 1e-5, "loading \(i)") }
        let ratio = g.explainedVarianceRatio, variance = g.explainedVariance
        for i in 0..<3 {
            // scikit-learn forms the covariance of float32 input in float32 (XᵀX − n·μμᵀ), we in Float64: its
            // variances are off by ≈ eps32 · (mean² + variance) / variance · a few ≈ 6e-7 relative here
            // (checked against NumPy's Float64 eigh). A relative 1e-5 bounds that with margin.
            #expect(abs(pca.explainedVarianceRatio[i] - ratio[i]) <= 1e-5 * ratio[i])
            #expect(abs(pca.explainedVariance[i] - variance[i]) <= 1e-5 * variance[i])
        }
        let projection = g.projection
        let got = try pca.transform(x)
        #expect(got.shape == [rows, 3])
        for i in 0..<projection.count {
            // Float32 centring and dot products of 10 terms with |x| ≲ 40: rounding ≈ 10 · 40 · 6e-8 ≈ 2.4e-5,
            // plus the loadings' 1e-5 times |x − mean| ≲ 40 per term; 1e-3 covers both with margin,
            // while the projections themselves spread over ±30.
            #expect(abs(got.values[i] - projection[i]) <= 1e-3, "projection \(i)")
        }
    }

    @Test("the eigen-decomposition satisfies A v = λ v with orthonormal vectors")
    func eigenResidual() throws {
        var g = SeededGenerator(seed: 4)
        let n = 40
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in i..<n { let v = Double(g.nextUnitFloat()) - 0.5; a[i * n + j] = v; a[j * n + i] = v } }
        let eigen = try #require(SymmetricEigen(symmetric: a, n: n))
        for j in 0..<n {
            let v = Array(eigen.vectors[(j * n)..<((j + 1) * n)])
            for i in 0..<n {
                let av = (0..<n).reduce(0.0) { $0 + a[i * n + $1] * v[$1] }
                // Backward-stable Float64 algorithm on entries ≤ 0.5: residuals of order n·ε·‖A‖ ≈ 1e-13.
                #expect(abs(av - eigen.values[j] * v[i]) <= 1e-10)
            }
            for k in 0..<n {
                let dot = (0..<n).reduce(0.0) { $0 + v[$1] * eigen.vectors[k * n + $1] }
                #expect(abs(dot - (j == k ? 1 : 0)) <= 1e-10)
            }
        }
    }

    @Test("PCA on an exact line, one column, and its errors")
    func pcaEdges() throws {
        // Points on y = 2x: one component carries all the variance.
        let line = Matrix(rowArrays: [[1, 2], [2, 4], [3, 6], [4, 8]])
        let pca = try PCA.fit(line, components: 2)
        // Float64 work rounded to float32.
        #expect(abs(pca.explainedVarianceRatio[0] - 1) <= 1e-6 && pca.explainedVarianceRatio[1] <= 1e-6)
        #expect(abs(pca.components[0, 0] - 1 / Float(5).squareRoot()) <= 1e-6 && pca.components[0, 1] > 0)
        let one = try PCA.fit(Matrix(rowArrays: [[1], [3]]), components: 1)
        #expect(one.components.values == [1])
        #expect(try one.transform(Matrix(rowArrays: [[2], [5]])).values == [0, 3])
        #expect(throws: PreprocessingError.tooManyComponents(requested: 3, available: 2)) { try PCA.fit(line.transposed, components: 3) }
        #expect(throws: PreprocessingError.tooFewRows(rows: 1, needed: 2, operation: "PCA")) { try PCA.fit(Matrix(rowArrays: [[1, 2]])) }
        #expect(throws: PreprocessingError.nonFinite(operation: "PCA")) { try PCA.fit(Matrix(rowArrays: [[1, .nan], [2, 3]])) }
        #expect(throws: PreprocessingError.columnMismatch(expected: 2, got: 1, operation: "PCA")) { try pca.transform(Matrix(rowArrays: [[1]])) }
    }
}
