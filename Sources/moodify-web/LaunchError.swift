/// Why the server could not start; printed as one sentence without the usage text.
enum LaunchError: Error, CustomStringConvertible {
    /// No bundle at the model path; `others` are bundles found beside it.
    case missingModel(path: String, others: [String])
    /// The bundle exists but cannot serve as a classifier.
    case unusableModel(path: String, reason: String)

    var description: String {
        switch self {
        case .missingModel(let path, let others) where others.isEmpty:
            return "No model bundle at \(path): train one first (make run saves Models/method_1.model), or pass --model PATH."
        case .missingModel(let path, let others):
            return "No model bundle at \(path); found \(others.joined(separator: ", ")): pass one with --model PATH."
        case .unusableModel(let path, let reason):
            return "The model \(path) cannot be served: \(reason)"
        }
    }
}
