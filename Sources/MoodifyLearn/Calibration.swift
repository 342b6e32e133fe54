import Foundation

/// Expected calibration error (Guo et al., 2017) of class probabilities (one row per sample) against the true class
/// codes: each row's confidence, its largest probability, falls in one of `bins` equal-width bins over (0, 1] (bin m
/// holds (m/bins, (m+1)/bins]); ECE = Σ over bins of |B| / n · |accuracy(B) − mean confidence(B)|, where a row is
/// accurate when its most probable class (the first on ties) is the true one.
public func expectedCalibrationError(_ yTrue: [Int], _ probabilities: Matrix, bins: Int = 15) throws -> Double {
    try validateProbabilities(yTrue, probabilities)
    guard bins > 0 else { throw LearnError.invalidArgument("the expected calibration error needs at least one bin, not \(bins)") }
    var hits = [Double](repeating: 0, count: bins), confidence = hits
    for (r, label) in yTrue.enumerated() {
        let row = probabilities.row(r)
        let best = row.indices.max { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) }!
        let p = Double(row[best])
        let bin = min(max(Int((p * Double(bins)).rounded(.up)) - 1, 0), bins - 1)
        confidence[bin] += p
        if best - row.startIndex == label { hits[bin] += 1 }
    }
    return zip(hits, confidence).map { abs($0 - $1) }.reduce(0, +) / Double(yTrue.count)
}

/// Probabilities rescaled by a temperature: softmax(log p / T) row by row, i.e. p^(1/T) normalised, which is what
/// dividing the network's logits by T gives. T > 1 softens the probabilities, T < 1 sharpens them, 1 keeps them.
public func temperatureScaled(_ probabilities: Matrix, temperature: Double) throws -> Matrix {
    guard temperature > 0, temperature.isFinite else {
        throw LearnError.invalidArgument("a temperature must be a positive number, not \(temperature)")
    }
    var values = [Float]()
    values.reserveCapacity(probabilities.values.count)
    for r in 0..<probabilities.rows {
        values += softmax(logProbabilities(probabilities.row(r)), scale: 1 / temperature).map(Float.init)
    }
    return Matrix(rows: probabilities.rows, cols: probabilities.cols, values: values)
}

/// The temperature T that minimises the mean negative log-likelihood of `temperatureScaled(probabilities, T)` for the
/// true classes (temperature scaling, Guo et al., 2017), searched over 0.001…1000. Fit it on held-out probabilities,
/// such as a cross-validation's out-of-fold ones, never on the rows the network was trained on.
///
/// With zᵢ = log pᵢ and β = 1 / T the loss mean(logsumexp(β·zᵢ) − β·zᵢ,yᵢ) is convex in β, and its derivative
/// mean(E_softmax(β·zᵢ)[zᵢ] − zᵢ,yᵢ) increases with β, so bisection on the derivative's sign finds the minimum.
public func fitTemperature(_ yTrue: [Int], _ probabilities: Matrix) throws -> Double {
    try validateProbabilities(yTrue, probabilities)
    let logits = (0..<probabilities.rows).map { logProbabilities(probabilities.row($0)) }
    func slope(_ beta: Double) -> Double {
        var total = 0.0
        for (z, label) in zip(logits, yTrue) {
            let p = softmax(z, scale: beta)
            total += zip(p, z).map { $0 * $1 }.reduce(0, +) - z[label]
        }
        return total / Double(logits.count)
    }
    var low = log(1e-3), high = log(1e3)
    if slope(exp(low)) >= 0 { return exp(-low) }
    if slope(exp(high)) <= 0 { return exp(-high) }
    for _ in 0..<100 {
        let middle = (low + high) / 2
        if slope(exp(middle)) < 0 { low = middle } else { high = middle }
    }
    return exp(-(low + high) / 2)
}

/// The mean negative log-likelihood of the true classes, −mean(log pᵢ,yᵢ) (scikit-learn's `log_loss` on probability
/// rows that sum to 1), with probabilities clipped below at 1e-15 so that a zero costs 34.5, not infinity.
public func negativeLogLikelihood(_ yTrue: [Int], _ probabilities: Matrix) throws -> Double {
    try validateProbabilities(yTrue, probabilities)
    return -yTrue.enumerated().map { log(max(Double(probabilities[$0.offset, $0.element]), 1e-15)) }.reduce(0, +) / Double(yTrue.count)
}

/// The natural logarithms of a row of probabilities, a zero (float underflow) read as Float's smallest positive value.
private func logProbabilities(_ row: ArraySlice<Float>) -> [Double] {
    row.map { log(Double(max($0, .leastNonzeroMagnitude))) }
}

/// softmax(scale · z), computed stably in Float64.
private func softmax(_ z: [Double], scale: Double) -> [Double] {
    let top = z.max()! * scale
    let e = z.map { exp($0 * scale - top) }
    let sum = e.reduce(0, +)
    return e.map { $0 / sum }
}

/// Checks that there is one probability row per label, with a column for every label's class.
private func validateProbabilities(_ yTrue: [Int], _ probabilities: Matrix) throws {
    guard yTrue.count == probabilities.rows else {
        throw MetricsError.lengthMismatch(truth: yTrue.count, predicted: probabilities.rows)
    }
    guard !yTrue.isEmpty, probabilities.cols > 0 else { throw MetricsError.empty }
    for code in yTrue where code < 0 || code >= probabilities.cols {
        throw MetricsError.codeOutOfRange(code: code, classes: probabilities.cols)
    }
}
