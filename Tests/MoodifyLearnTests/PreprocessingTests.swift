import Foundation
import Testing
@testable import MoodifyLearn

/// Reads the JSON files `Scripts/goldens_sklearn.py` writes into `Golden/sklearn/` (with JSONDecoder, which
/// parses numbers exactly; Foundation's JSONSerialization on Linux can be off in the last bits).
enum SklearnGolden {
    /// The contents of `Golden/sklearn/<name>.json`.
    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Golden/sklearn/\(name).json")
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// `Golden/sklearn/scaler.json`.
    struct Scaler: Decodable { let rows: Int, cols: Int, x: [Float], mean: [Float], scale: [Float], transformed: [Float], z: [Float], inverse: [Float] }
    /// `Golden/sklearn/encoder.json`.
    struct Encoder: Decodable { let labels: [String], classes: [String], codes: [Int] }
    /// `Golden/sklearn/reports.json`.
    struct Reports: Decodable {
        struct Case: Decodable {
            let name: String, yTrue: [Int], yPred: [Int], labels: [String], digits: Int, text: String, confusion: [[Int]]
            let accuracy: Double, macroPrecision: Double, macroRecall: Double, macroF1: Double, weightedF1: Double
        }
        let cases: [Case]
    }
    /// `Golden/sklearn/splits.json`.
    struct Splits: Decodable {
        struct Labels: Decodable { let y: [Int], groups: [String] }
        struct TrainTest: Decodable { let counts: [Int], testSize: Double, train: Int, test: Int, testPerClass: [Int]? }
        let corpus: Labels, small: Labels
        let stratifiedKFold: [String: [[Int]]], groupKFold: [String: [[Int]]], stratifiedGroupKFold: [String: [[Int]]]
        let trainTestSplit: [TrainTest]
    }
    /// `Golden/sklearn/pca.json`.
    struct PCACase: Decodable {
        let rows: Int, cols: Int, x: [Float], components: [Float], mean: [Float]
        let explainedVarianceRatio: [Float], explainedVariance: [Float], projection: [Float]
    }
    /// `Golden/sklearn/smote.json`.
    struct SMOTECase: Decodable { let y: [Int], resampledRows: Int, resampledCounts: [Int], resampledLabels: [Int] }
}

@Suite("StandardScaler, LabelEncoder, one-hot")
struct PreprocessingTests {
    @Test("StandardScaler matches scikit-learn's mean, scale, transform and inverse")
    func scalerGolden() throws {
        let g = try SklearnGolden.load("scaler", as: SklearnGolden.Scaler.self)
        let rows = g.rows, cols = g.cols
        let x = Matrix(rows: rows, cols: cols, values: g.x)
        let scaler = try StandardScaler.fit(x)
        let mean = g.mean, scale = g.scale
        // Both sides accumulate in Float64 and round once to float32 here: at most one float32 ulp apart.
        for c in 0..<cols {
            #expect(abs(scaler.mean[c] - mean[c]) <= mean[c].magnitude.ulp, "mean of column \(c)")
            #expect(abs(scaler.scale[c] - scale[c]) <= scale[c].magnitude.ulp, "scale of column \(c)")
        }
        #expect(scaler.scale[2] == 1, "a constant column keeps scale 1, as scikit-learn")

        let expected = g.transformed
        let got = try scaler.transform(x)
        for r in 0..<rows {
            for c in 0..<cols {
                // scikit-learn subtracts a Float64 mean and divides by a Float64 scale; we use their float32
                // roundings. Rounding the mean moves the result by ≤ ulp(mean)/scale; the subtraction and
                // division add a few float32 ulps of the operands. Allow 4 ε of each.
                let eps = Float.ulpOfOne
                let bound = 4 * eps * ((x[r, c].magnitude + mean[c].magnitude) / scale[c] + expected[r * cols + c].magnitude)
                #expect(abs(got[r, c] - expected[r * cols + c]) <= bound, "transform at \(r), \(c)")
            }
        }
        let z = Matrix(rows: 5, cols: cols, values: g.z)
        let inverse = g.inverse
        let back = try scaler.inverseTransform(z)
        for i in 0..<inverse.count {
            // z·scale + mean in float32 against Float64: a few ulps of the larger term.
            let bound = 4 * Float.ulpOfOne * (z.values[i].magnitude * scale[i % cols] + mean[i % cols].magnitude)
            #expect(abs(back.values[i] - inverse[i]) <= bound, "inverse at \(i)")
        }
    }

    @Test("StandardScaler round trip, Codable, fitTransform, and its errors")
    func scalerBehaviour() throws {
        let x = Matrix(rowArrays: [[1, 10], [2, 20], [3, 30], [4, 40]])
        let (scaler, z) = try StandardScaler.fitTransform(x)
        #expect(scaler.mean == [2.5, 25])
        // Population std of 1,2,3,4 is √1.25; float32 rounding of the square root only.
        #expect(abs(scaler.scale[0] - Float(1.25.squareRoot())) <= Float(1.25.squareRoot()).ulp)
        let back = try scaler.inverseTransform(z)
        // Standardise and undo: two float32 roundings per step on values ≤ 40.
        for (a, b) in zip(back.values, x.values) { #expect(abs(a - b) <= 4 * b.magnitude.ulp) }
        let decoded = try JSONDecoder().decode(StandardScaler.self, from: JSONEncoder().encode(scaler))
        #expect(decoded == scaler)
        #expect(throws: PreprocessingError.tooFewRows(rows: 0, needed: 1, operation: "The standard scaler")) {
            try StandardScaler.fit(Matrix(rows: 0, cols: 3))
        }
        #expect(throws: PreprocessingError.columnMismatch(expected: 2, got: 3, operation: "The standard scaler")) {
            try scaler.transform(Matrix(rows: 1, cols: 3))
        }
    }

    @Test("LabelEncoder sorts classes by code point, as scikit-learn")
    func encoderGolden() throws {
        let g = try SklearnGolden.load("encoder", as: SklearnGolden.Encoder.self)
        let labels = g.labels
        let encoder = LabelEncoder.fit(labels)
        #expect(encoder.classes == g.classes)
        #expect(try encoder.transform(labels) == g.codes)
        #expect(LabelEncoder.fitTransform(labels).codes == g.codes)
        #expect(try encoder.inverse(encoder.transform(labels)) == labels)
    }

    @Test("LabelEncoder rejects unseen labels and unknown codes with a sentence")
    func encoderErrors() throws {
        let encoder = LabelEncoder.fit(["SAD", "ANG", "HAP"])
        #expect(encoder.classes == ["ANG", "HAP", "SAD"])
        let error = #expect(throws: PreprocessingError.self) { try encoder.transform(["ANG", "CALM", "CALM", "X"]) }
        #expect(error == .unseenLabels(["CALM", "X"]))
        #expect(error?.description == "The label encoder has never seen the labels \"CALM\", \"X\".")
        #expect(throws: PreprocessingError.codeOutOfRange(code: 3, classes: 3)) { try encoder.inverse([0, 3]) }
        let decoded = try JSONDecoder().decode(LabelEncoder.self, from: JSONEncoder().encode(encoder))
        #expect(decoded == encoder)
    }

    @Test("one-hot rows and argmax")
    func oneHotAndArgmax() throws {
        let y = [2, 0, 1, 2]
        let hot = try oneHot(y, classes: 3)
        #expect(hot.shape == [4, 3])
        #expect(hot.values == [0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1])
        #expect(argmax(hot) == y)
        // Ties go to the first column, as NumPy's argmax.
        #expect(argmax(Matrix(rowArrays: [[0.2, 0.5, 0.5], [0.9, 0.05, 0.05], [-3, -1, -2]])) == [1, 0, 1])
        #expect(throws: PreprocessingError.codeOutOfRange(code: 3, classes: 3)) { try oneHot([0, 3], classes: 3) }
        #expect(throws: PreprocessingError.codeOutOfRange(code: -1, classes: 3)) { try oneHot([-1], classes: 3) }
    }
}
