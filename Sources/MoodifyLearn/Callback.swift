/// Code run by `fit` around epochs, as Keras callbacks: stop early, change the learning rate, save checkpoints.
///
/// Callbacks are classes because they keep state across epochs; `fit` resets it in `trainBegin`.
public protocol Callback: AnyObject {
    /// Called once before the first epoch.
    func trainBegin(_ training: TrainingContext) throws
    /// Called before each epoch (0-based).
    func epochBegin(_ epoch: Int, _ training: TrainingContext) throws
    /// Called after each epoch with its logs.
    func epochEnd(_ epoch: Int, logs: EpochLogs, _ training: TrainingContext) throws
    /// Called once after the last epoch.
    func trainEnd(_ training: TrainingContext) throws
}

extension Callback {
    /// Does nothing.
    public func trainBegin(_ training: TrainingContext) throws {}
    /// Does nothing.
    public func epochBegin(_ epoch: Int, _ training: TrainingContext) throws {}
    /// Does nothing.
    public func epochEnd(_ epoch: Int, logs: EpochLogs, _ training: TrainingContext) throws {}
    /// Does nothing.
    public func trainEnd(_ training: TrainingContext) throws {}
}

/// The training run as callbacks see it.
public final class TrainingContext {
    /// The model being trained.
    public let model: Sequential
    /// Its optimizer, whose learning rate callbacks may change.
    public let optimizer: Adam
    /// The number of epochs asked for.
    public let epochs: Int
    /// Whether validation metrics are logged.
    public let hasValidation: Bool
    /// Set to stop after the current epoch.
    public var stopTraining = false

    init(model: Sequential, optimizer: Adam, epochs: Int, hasValidation: Bool) {
        self.model = model
        self.optimizer = optimizer
        self.epochs = epochs
        self.hasValidation = hasValidation
    }
}

/// Whether a monitored value should go down or up; `auto` infers it from the name as Keras does.
public enum MonitorMode: String, Sendable, Codable {
    /// "loss" values go down, "accuracy" values go up.
    case auto
    /// Lower is better.
    case min
    /// Higher is better.
    case max
}

/// A monitored log value and Keras's improvement test.
struct Monitor {
    let key: String
    let minimize: Bool
    let minDelta: Float

    /// Resolves the direction; throws for names whose direction `auto` cannot tell or that will not be logged.
    init(key: String, mode: MonitorMode, minDelta: Float, hasValidation: Bool, owner: String) throws {
        let known = ["loss", "accuracy", "val_loss", "val_accuracy"]
        guard known.contains(key) else {
            throw LearnError.invalidArgument("\(owner) monitors \"\(key)\", which is not one of \(known.joined(separator: ", "))")
        }
        guard hasValidation || !key.hasPrefix("val_") else {
            throw LearnError.invalidArgument("\(owner) monitors \"\(key)\", which needs validation data")
        }
        switch mode {
        case .min: minimize = true
        case .max: minimize = false
        case .auto: minimize = key.hasSuffix("loss")
        }
        self.key = key
        self.minDelta = abs(minDelta)
    }

    /// Keras's test: `current − delta < best` when minimising, `current − delta > best` when maximising
    /// (delta negated for min), always true without a best yet.
    func isImprovement(_ current: Float, over best: Float?) -> Bool {
        guard let best else { return true }
        return minimize ? current + minDelta < best : current - minDelta > best
    }
}
