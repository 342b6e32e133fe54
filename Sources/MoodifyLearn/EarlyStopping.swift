/// Stops training when a monitored value stops improving, as Keras 3's `EarlyStopping`
/// (min_delta 0 and mode auto by default). With `restoreBestWeights`, the weights of the best epoch are
/// restored when training ends, also when it ran all its epochs.
public final class EarlyStopping: Callback {
    /// The logged value watched, e.g. "val_loss".
    public let monitor: String
    /// Epochs without improvement before stopping.
    public let patience: Int
    /// The smallest change that counts as an improvement.
    public let minDelta: Float
    /// Whether lower or higher is better.
    public let mode: MonitorMode
    /// Whether the best epoch's weights are put back at the end.
    public let restoreBestWeights: Bool
    /// The epoch (0-based) after which training stopped, if it stopped early.
    public private(set) var stoppedEpoch: Int?
    /// The epoch (0-based) with the best monitored value.
    public private(set) var bestEpoch: Int?
    /// The best monitored value seen.
    public private(set) var best: Float?
    private var monitorRule: Monitor?
    private var wait = 0
    private var bestWeights: [[Float]]?

    /// Keras's `EarlyStopping(monitor, min_delta, patience, mode, restore_best_weights)`.
    public init(monitor: String = "val_loss", patience: Int = 0, minDelta: Float = 0, mode: MonitorMode = .auto,
                restoreBestWeights: Bool = false) {
        self.monitor = monitor
        self.patience = patience
        self.minDelta = minDelta
        self.mode = mode
        self.restoreBestWeights = restoreBestWeights
    }

    /// Resets the state and checks the monitored name.
    public func trainBegin(_ training: TrainingContext) throws {
        monitorRule = try Monitor(key: monitor, mode: mode, minDelta: minDelta, hasValidation: training.hasValidation, owner: "EarlyStopping")
        stoppedEpoch = nil
        bestEpoch = nil
        best = nil
        wait = 0
        bestWeights = nil
    }

    /// Counts epochs without improvement and asks to stop after `patience` of them.
    public func epochEnd(_ epoch: Int, logs: EpochLogs, _ training: TrainingContext) throws {
        guard let rule = monitorRule, let current = logs.value(monitor) else { return }
        if restoreBestWeights && bestWeights == nil {
            bestWeights = training.model.weights
            bestEpoch = epoch
        }
        wait += 1
        if rule.isImprovement(current, over: best) {
            best = current
            bestEpoch = epoch
            if restoreBestWeights { bestWeights = training.model.weights }
            wait = 0
            return
        }
        if wait >= patience && epoch > 0 {
            stoppedEpoch = epoch
            training.stopTraining = true
        }
    }

    /// Restores the best epoch's weights when asked to.
    public func trainEnd(_ training: TrainingContext) throws {
        if restoreBestWeights, let bestWeights { try training.model.setWeights(bestWeights) }
    }
}
