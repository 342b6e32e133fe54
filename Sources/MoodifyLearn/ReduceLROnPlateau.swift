/// Multiplies the learning rate by `factor` when a monitored value has not improved for `patience`
/// epochs, as Keras 3's `ReduceLROnPlateau` (absolute min_delta 1e-4, cooldown 0, mode auto by default).
public final class ReduceLROnPlateau: Callback {
    /// The logged value watched, e.g. "val_loss".
    public let monitor: String
    /// The factor applied to the learning rate (below 1).
    public let factor: Double
    /// Epochs without improvement before reducing.
    public let patience: Int
    /// Whether lower or higher is better.
    public let mode: MonitorMode
    /// The smallest change that counts as an improvement.
    public let minDelta: Float
    /// Epochs to wait after a reduction before counting again.
    public let cooldown: Int
    /// The learning rate is never reduced below this.
    public let minLR: Double
    private var monitorRule: Monitor?
    private var best: Float?
    private var wait = 0
    private var cooldownCounter = 0

    /// Keras's `ReduceLROnPlateau(monitor, factor, patience, mode, min_delta, cooldown, min_lr)`.
    public init(monitor: String = "val_loss", factor: Double = 0.1, patience: Int = 10, mode: MonitorMode = .auto,
                minDelta: Float = 1e-4, cooldown: Int = 0, minLR: Double = 0) throws {
        guard factor < 1 else { throw LearnError.invalidArgument("ReduceLROnPlateau needs a factor below 1, got \(factor)") }
        self.monitor = monitor
        self.factor = factor
        self.patience = patience
        self.mode = mode
        self.minDelta = minDelta
        self.cooldown = cooldown
        self.minLR = minLR
    }

    /// Resets the state and checks the monitored name.
    public func trainBegin(_ training: TrainingContext) throws {
        monitorRule = try Monitor(key: monitor, mode: mode, minDelta: minDelta, hasValidation: training.hasValidation, owner: "ReduceLROnPlateau")
        best = nil
        wait = 0
        cooldownCounter = 0
    }

    /// Keras's plateau logic: reduce to max(lr · factor, minLR) after `patience` epochs without improvement.
    public func epochEnd(_ epoch: Int, logs: EpochLogs, _ training: TrainingContext) throws {
        guard let rule = monitorRule, let current = logs.value(monitor) else { return }
        if cooldownCounter > 0 {
            cooldownCounter -= 1
            wait = 0
        }
        if rule.isImprovement(current, over: best) {
            best = current
            wait = 0
        } else if cooldownCounter == 0 {
            wait += 1
            if wait >= patience {
                let old = Double(training.optimizer.learningRate)
                if old > Double(Float(minLR)) {
                    training.optimizer.learningRate = Float(max(old * factor, minLR))
                    cooldownCounter = cooldown
                    wait = 0
                }
            }
        }
    }
}
