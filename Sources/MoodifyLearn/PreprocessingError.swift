/// Why a scaler, label encoder, one-hot encoding or PCA could not be fitted or applied.
public enum PreprocessingError: Error, Equatable, CustomStringConvertible {
    /// Fitting needs at least `needed` rows, but the matrix has `rows`.
    case tooFewRows(rows: Int, needed: Int, operation: String)
    /// The matrix has `got` columns where the fitted transform expects `expected`.
    case columnMismatch(expected: Int, got: Int, operation: String)
    /// Labels that the encoder did not see when it was fitted.
    case unseenLabels([String])
    /// A class code outside `0..<classes`.
    case codeOutOfRange(code: Int, classes: Int)
    /// More principal components were asked for than the data can have.
    case tooManyComponents(requested: Int, available: Int)
    /// The data holds NaN or infinite values.
    case nonFinite(operation: String)

    /// One sentence for the user.
    public var description: String {
        switch self {
        case let .tooFewRows(rows, needed, operation):
            return "\(operation) needs at least \(needed) row\(needed == 1 ? "" : "s"), but the matrix has \(rows)."
        case let .columnMismatch(expected, got, operation):
            return "\(operation) was fitted on \(expected) columns, but this matrix has \(got)."
        case let .unseenLabels(labels):
            let shown = labels.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ")
            let more = labels.count > 5 ? " and \(labels.count - 5) more" : ""
            return "The label encoder has never seen the label\(labels.count == 1 ? "" : "s") \(shown)\(more)."
        case let .codeOutOfRange(code, classes):
            return "Class code \(code) is outside the \(classes) known classes (0 to \(classes - 1))."
        case let .tooManyComponents(requested, available):
            return "PCA can find at most \(available) components here (the smaller of rows and columns), not \(requested)."
        case let .nonFinite(operation):
            return "\(operation) cannot use data that holds NaN or infinite values."
        }
    }
}
