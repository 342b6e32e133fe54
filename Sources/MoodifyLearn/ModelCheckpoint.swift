import Foundation

/// Saves the model as a bundle after an epoch, as Keras's `ModelCheckpoint`: every epoch, or with
/// `saveBestOnly` only when the monitored value improved on the best so far.
public final class ModelCheckpoint: Callback {
    /// Where the bundle is written (replaced each time).
    public let url: URL
    /// The logged value watched, e.g. "val_accuracy".
    public let monitor: String
    /// Whether lower or higher is better.
    public let mode: MonitorMode
    /// Whether only improvements are saved.
    public let saveBestOnly: Bool
    /// The epoch (0-based) last saved.
    public private(set) var savedEpoch: Int?
    /// The best monitored value seen.
    public private(set) var best: Float?
    private var monitorRule: Monitor?

    /// Keras's `ModelCheckpoint(filepath, monitor, mode, save_best_only)`.
    public init(url: URL, monitor: String = "val_loss", mode: MonitorMode = .auto, saveBestOnly: Bool = false) {
        self.url = url
        self.monitor = monitor
        self.mode = mode
        self.saveBestOnly = saveBestOnly
    }

    /// The same, for a file path.
    public convenience init(path: String, monitor: String = "val_loss", mode: MonitorMode = .auto, saveBestOnly: Bool = false) {
        self.init(url: URL(fileURLWithPath: path), monitor: monitor, mode: mode, saveBestOnly: saveBestOnly)
    }

    /// Resets the state and checks the monitored name.
    public func trainBegin(_ training: TrainingContext) throws {
        monitorRule = try Monitor(key: monitor, mode: mode, minDelta: 0, hasValidation: training.hasValidation, owner: "ModelCheckpoint")
        best = nil
        savedEpoch = nil
    }

    /// Saves when due, recording the epoch and the monitored value in the bundle's metadata.
    public func epochEnd(_ epoch: Int, logs: EpochLogs, _ training: TrainingContext) throws {
        guard let rule = monitorRule, let current = logs.value(monitor) else { return }
        if saveBestOnly {
            guard rule.isImprovement(current, over: best) else { return }
            best = current
        }
        try training.model.save(to: url, metadata: ["epoch": String(epoch + 1), monitor: String(current)])
        savedEpoch = epoch
    }
}
