import Foundation
import MoodifyLearn
import Testing

@Suite struct CalibrationTests {
    /// `Golden/sklearn/calibration.json` (Scripts/goldens_calibration.py).
    struct Golden: Decodable {
        let rows: Int, cols: Int, y: [Int], probabilities: [Float], ece15: Double, ece5: Double, logLoss: Double
        let temperature: Double, nllAtTemperature: Double, scaledBy2: [Double]
        var matrix: Matrix { Matrix(rows: rows, cols: cols, values: probabilities) }
    }

    @Test func eceByHand() throws {
        // Confidences 0.9 (right), 0.75 (wrong), 0.65 (right), 0.55 (right), none near a bin edge. In 2 bins (0, .5],
        // (.5, 1] all fall in the upper bin: accuracy 3/4, mean confidence 2.85/4 = 0.7125 → 0.0375. In 5 bins:
        // (.8, 1] holds 0.9 → |1 − 0.9|; (.6, .8] holds 0.75 and 0.65 → |1 − 1.4|; (.4, .6] holds 0.55 → |1 − 0.55|;
        // ECE = (0.1 + 0.4 + 0.45) / 4.
        let p = Matrix(rowArrays: [[0.9, 0.1], [0.25, 0.75], [0.65, 0.35], [0.45, 0.55]])
        let y = [0, 0, 0, 1]
        // Tolerance 1e-6: the probabilities are float32 (0.9 is 0.899999976), the sums float64.
        #expect(abs(try expectedCalibrationError(y, p, bins: 2) - 0.0375) < 1e-6)
        #expect(abs(try expectedCalibrationError(y, p, bins: 5) - 0.95 / 4) < 1e-6)
        #expect(try expectedCalibrationError([0, 1], Matrix(rowArrays: [[1, 0], [0, 1]])) == 0)  // certain and right
    }

    @Test func temperatureByHand() throws {
        // Three rows (0.8, 0.2) with classes 0, 0, 1: the best scaled probability of class 0 is 2/3, and
        // 1 / (1 + (0.2/0.8)^(1/T)) = 2/3 at 4^(−1/T) = 1/2, T = 2.
        let p = Matrix(rowArrays: [[0.8, 0.2], [0.8, 0.2], [0.8, 0.2]])
        // Bisection stops at Float64 resolution; 1e-9 leaves room for log/exp rounding.
        #expect(abs(try fitTemperature([0, 0, 1], p) - 2) < 1e-9)
        let scaled = try temperatureScaled(p, temperature: 2)
        #expect(abs(scaled[0, 0] - 2.0 / 3) < 1e-6)  // float32 output
        #expect(try temperatureScaled(p, temperature: 1) == p)
        // Always right with confidence 0.8: the sharpest temperature the search allows.
        #expect(abs(try fitTemperature([0, 0], Matrix(rowArrays: [[0.8, 0.2], [0.8, 0.2]])) - 1e-3) < 1e-12)
    }

    @Test func matchesNumPyAndSciPy() throws {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Golden/sklearn/calibration.json")
        let golden = try JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
        // Same float32 inputs and float64 arithmetic; only summation order differs (1e-12).
        #expect(abs(try expectedCalibrationError(golden.y, golden.matrix) - golden.ece15) < 1e-12)
        #expect(abs(try expectedCalibrationError(golden.y, golden.matrix, bins: 5) - golden.ece5) < 1e-12)
        // scikit-learn's log_loss saw rows renormalised in float64; the float32 rows sum to 1 within 3e-7.
        #expect(abs(try negativeLogLikelihood(golden.y, golden.matrix) - golden.logLoss) < 1e-6)
        // SciPy's bounded search stops at xatol 1e-10 in log T; the NLL is flat near its minimum, so compare T to 1e-6
        // and the NLL reached to 1e-12.
        let t = try fitTemperature(golden.y, golden.matrix)
        #expect(abs(t - golden.temperature) < 1e-6)
        let scaledNLL = try negativeLogLikelihood(golden.y, try temperatureScaled(golden.matrix, temperature: t))
        #expect(abs(scaledNLL - golden.nllAtTemperature) < 1e-6)  // float32 output of temperatureScaled
        let scaled = try temperatureScaled(golden.matrix, temperature: 2)
        for (a, b) in zip(scaled.values, golden.scaledBy2) { #expect(abs(Double(a) - b) < 1e-7) }  // float32 rounding of values ≤ 1
    }

    @Test func rejectsBadInput() {
        let p = Matrix(rowArrays: [[0.5, 0.5]])
        #expect(throws: MetricsError.lengthMismatch(truth: 2, predicted: 1)) { try expectedCalibrationError([0, 1], p) }
        #expect(throws: MetricsError.codeOutOfRange(code: 2, classes: 2)) { try fitTemperature([2], p) }
        #expect(throws: LearnError.invalidArgument("a temperature must be a positive number, not 0.0")) {
            try temperatureScaled(p, temperature: 0)
        }
        #expect(throws: LearnError.invalidArgument("the expected calibration error needs at least one bin, not 0")) {
            try expectedCalibrationError([0], p, bins: 0)
        }
    }
}
