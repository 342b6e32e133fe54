/// Why the server could not start; printed as one sentence without the usage text.
enum LaunchError: Error, CustomStringConvertible {
    /// No bundle at the model path.
    case missingModel(path: String)
    /// The bundle exists but cannot serve as a classifier.
    case unusableModel(path: String, reason: String)

    var description: String {
        switch self {
        case .missingModel(let path):
            return "No model bundle at \(path): train one first (a training notebook's save_model), or pass --model PATH."
        case .unusableModel(let path, let reason):
            return "The model \(path) cannot be served: \(reason)"
        }
    }
}
