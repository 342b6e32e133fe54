import Foundation
import Testing
@testable import MoodifyLearn

@Suite("SMOTE and nearest neighbours")
struct SMOTETests {
    /// Rows drawn from N(offset, 1) with a fixed seed.
    static func randomMatrix(rows: Int, cols: Int, seed: UInt64, offset: Float = 0) -> Matrix {
        var g = SeededGenerator(seed: seed)
        return Matrix(rows: rows, cols: cols, values: (0..<(rows * cols)).map { _ in
            // Sum of four uniforms: a cheap bell shape, spread ≈ 0.58.
            offset + (0..<4).map { _ in g.nextUnitFloat() }.reduce(0, +) - 2
        })
    }

    /// The `k` nearest other rows by exact Float64 distance (ties by index).
    static func bruteForceNeighbors(_ x: Matrix, row: Int, k: Int) -> [Int] {
        let distances = (0..<x.rows).filter { $0 != row }.map { j -> (Double, Int) in
            (zip(x.row(row), x.row(j)).reduce(0.0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) }, j)
        }
        return distances.sorted { $0 < $1 }.prefix(k).map(\.1)
    }

    @Test("NearestNeighbors equals an exact brute-force search", arguments: [Float(0), 1e4])
    func neighborsExact(offset: Float) {
        let x = Self.randomMatrix(rows: 300, cols: 12, seed: 9, offset: offset)
        let nn = NearestNeighbors(x, k: 5)
        for row in 0..<x.rows {
            #expect(Array(nn.neighbors(of: row)) == Self.bruteForceNeighbors(x, row: row, k: 5), "row \(row)")
        }
    }

    @Test("NearestNeighbors on a few rows with duplicates keeps every other row, ties by index")
    func neighborsSmall() {
        let x = Matrix(rowArrays: [[0, 0], [1, 0], [0, 0], [5, 5]])
        let nn = NearestNeighbors(x, k: 3)
        #expect(Array(nn.neighbors(of: 0)) == [2, 1, 3])
        #expect(Array(nn.neighbors(of: 2)) == [0, 1, 3])
        #expect(Array(nn.neighbors(of: 3)) == [1, 0, 2])
    }

    @Test("SMOTE raises every class to the majority, originals first, labels as imbalanced-learn")
    func smoteGolden() throws {
        let g = try SklearnGolden.load("smote", as: SklearnGolden.SMOTECase.self)
        let y = g.y
        let x = Self.randomMatrix(rows: y.count, cols: 4, seed: 5)
        let (xr, yr) = try smote(x, y, k: 5, seed: 42)
        #expect(xr.rows == g.resampledRows)
        #expect(yr == g.resampledLabels)
        #expect(Array(xr.values[0..<x.values.count]) == x.values)
    }

    @Test("every synthetic row lies between a row and one of its 5 nearest same-class neighbours")
    func syntheticRowsOnSegments() throws {
        let y = [Int](repeating: 0, count: 60) + [Int](repeating: 1, count: 15) + [Int](repeating: 2, count: 33)
        let x = Self.randomMatrix(rows: y.count, cols: 6, seed: 11, offset: 3)
        let (xr, yr) = try smote(x, y, k: 5, seed: 1)
        #expect(yr.count == 180)
        for row in x.rows..<xr.rows {
            let code = yr[row]
            let members = y.indices.filter { y[$0] == code }
            let own = x.rows(members)
            let synthetic = Array(xr.row(row)).map(Double.init)
            var best = Double.infinity
            for (b, base) in members.enumerated() {
                for n in Self.bruteForceNeighbors(own, row: b, k: 5) {
                    let a = Array(x.row(base)).map(Double.init), c = Array(own.row(n)).map(Double.init)
                    let dir = zip(c, a).map { $0 - $1 }, off = zip(synthetic, a).map { $0 - $1 }
                    let length = dir.reduce(0) { $0 + $1 * $1 }
                    let u = min(1, max(0, zip(off, dir).reduce(0) { $0 + $1.0 * $1.1 } / length))
                    let residual = zip(off, dir).reduce(0) { $0 + ($1.0 - u * $1.1) * ($1.0 - u * $1.1) }.squareRoot()
                    best = min(best, residual)
                }
            }
            // base + u·(neighbour − base) in float32 on values near 3: each coordinate is off by a few ulps (≈ 1e-6).
            #expect(best <= 1e-5, "synthetic row \(row) of class \(code) is \(best) away from every neighbour segment")
        }
    }

    @Test("seeded SMOTE runs repeat; other seeds differ")
    func smoteRepeatable() throws {
        let y = [Int](repeating: 0, count: 40) + [Int](repeating: 1, count: 10)
        let x = Self.randomMatrix(rows: 50, cols: 3, seed: 2)
        let first = try smote(x, y, seed: 42), again = try smote(x, y, seed: 42), other = try smote(x, y, seed: 43)
        #expect(first.0 == again.0 && first.1 == again.1)
        #expect(first.0 != other.0)
    }

    @Test("SMOTE refuses classes with k or fewer rows, and mismatched inputs")
    func smoteErrors() {
        let x = Self.randomMatrix(rows: 12, cols: 2, seed: 3)
        let y = [Int](repeating: 0, count: 7) + [Int](repeating: 4, count: 5)
        let error = #expect(throws: SMOTEError.self) { try smote(x, y, k: 5, seed: 0) }
        #expect(error == .tooFewRows(classCode: 4, rows: 5, k: 5))
        #expect(error?.description.hasPrefix("SMOTE with k = 5 needs more than 5 rows in every class it oversamples") == true)
        #expect(throws: Never.self) { try smote(x, y, k: 4, seed: 0) }
        #expect(throws: SMOTEError.rowsLabelsMismatch(rows: 12, labels: 2)) { try smote(x, [0, 1], seed: 0) }
        #expect(throws: SMOTEError.invalidNeighbors(k: 0)) { try smote(x, y, k: 0, seed: 0) }
        var holed = x
        holed[3, 1] = .nan
        #expect(throws: SMOTEError.nonFinite) { try smote(holed, y, k: 4, seed: 0) }
    }
}
