/// What can go wrong when building, training or using a network.
public enum LearnError: Error, Equatable, CustomStringConvertible {
    /// An argument Keras would also reject.
    case invalidArgument(String)
    /// Data whose shape does not fit the model or the other data.
    case shapeMismatch(context: String, expected: String, got: String)
    /// A model used before its input shape is known.
    case notBuilt(String)
    /// Data without any sample.
    case emptyData(String)
    /// A weight list that does not match the model's weights.
    case weightsMismatch(String)
    /// A numeric failure, such as a loss that became NaN.
    case numeric(String)

    /// One sentence for a user.
    public var description: String {
        switch self {
        case let .invalidArgument(message): "Invalid argument: \(message)."
        case let .shapeMismatch(context, expected, got): "\(context): expected shape \(expected) but got \(got)."
        case let .notBuilt(message): "The model is not built yet: \(message)."
        case let .emptyData(what): "\(what) holds no samples."
        case let .weightsMismatch(message): "The weights do not fit the model: \(message)."
        case let .numeric(message): "Training failed numerically: \(message)."
        }
    }
}
