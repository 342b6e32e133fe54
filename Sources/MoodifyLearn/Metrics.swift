/// Why a metric could not be computed.
public enum MetricsError: Error, Equatable, CustomStringConvertible {
    /// True and predicted labels differ in number.
    case lengthMismatch(truth: Int, predicted: Int)
    /// A class code outside `0..<classes`.
    case codeOutOfRange(code: Int, classes: Int)
    /// There are no labels to score.
    case empty
    /// A negative number of decimals for the report.
    case invalidDigits(Int)

    /// One sentence for the user.
    public var description: String {
        switch self {
        case let .lengthMismatch(truth, predicted):
            return "There are \(truth) true labels but \(predicted) predictions; they must pair up one to one."
        case let .codeOutOfRange(code, classes):
            return "Class code \(code) is outside the \(classes) classes being scored (0 to \(classes - 1))."
        case .empty:
            return "There are no labels to score."
        case let .invalidDigits(digits):
            return "A classification report needs 0 or more decimals, not \(digits)."
        }
    }
}

/// The fraction of predictions equal to the truth.
public func accuracy(_ yTrue: [Int], _ yPred: [Int]) throws -> Double {
    guard yTrue.count == yPred.count else { throw MetricsError.lengthMismatch(truth: yTrue.count, predicted: yPred.count) }
    guard !yTrue.isEmpty else { throw MetricsError.empty }
    let hits = zip(yTrue, yPred).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
    return Double(hits) / Double(yTrue.count)
}

/// Checks that both label lists pair up and hold codes in `0..<classes`.
func validateCodes(_ yTrue: [Int], _ yPred: [Int], classes: Int) throws {
    guard yTrue.count == yPred.count else { throw MetricsError.lengthMismatch(truth: yTrue.count, predicted: yPred.count) }
    guard !yTrue.isEmpty else { throw MetricsError.empty }
    for code in yTrue + yPred where code < 0 || code >= classes {
        throw MetricsError.codeOutOfRange(code: code, classes: classes)
    }
}

/// The sum NumPy's `np.sum` computes for a contiguous Float64 array (its pairwise summation with eight
/// accumulators), so that averages match scikit-learn's to the last bit before they are rounded for printing.
func numpySum(_ values: [Double]) -> Double {
    values.withUnsafeBufferPointer { 0.0 + pairwiseSum($0.baseAddress!, count: $0.count) }
}

private func pairwiseSum(_ a: UnsafePointer<Double>, count n: Int) -> Double {
    if n < 8 {
        var sum = 0.0
        for i in 0..<n { sum += a[i] }
        return sum
    }
    if n <= 128 {
        var r = (a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7])
        var i = 8
        while i < n - n % 8 {
            r.0 += a[i]; r.1 += a[i + 1]; r.2 += a[i + 2]; r.3 += a[i + 3]
            r.4 += a[i + 4]; r.5 += a[i + 5]; r.6 += a[i + 6]; r.7 += a[i + 7]
            i += 8
        }
        var sum = ((r.0 + r.1) + (r.2 + r.3)) + ((r.4 + r.5) + (r.6 + r.7))
        while i < n {
            sum += a[i]
            i += 1
        }
        return sum
    }
    var half = n / 2
    half -= half % 8
    return pairwiseSum(a, count: half) + pairwiseSum(a + half, count: n - half)
}
