import Foundation

/// A cosine learning-rate schedule applied at the start of every epoch:
/// lr(e) = lrMin + ½(lrMax − lrMin)(1 + cos(π·e / tMax)), e the 0-based epoch (as the method-2 notebook's
/// `LearningRateScheduler`).
public final class CosineAnnealing: Callback {
    /// The rate at epoch 0.
    public let lrMax: Double
    /// The rate at epoch `tMax`.
    public let lrMin: Double
    /// The half period in epochs.
    public let tMax: Int

    /// A schedule from `lrMax` down to `lrMin` over `tMax` epochs.
    public init(lrMax: Double, lrMin: Double, tMax: Int) throws {
        guard tMax > 0 else { throw LearnError.invalidArgument("cosine annealing needs a positive t_max, got \(tMax)") }
        self.lrMax = lrMax
        self.lrMin = lrMin
        self.tMax = tMax
    }

    /// The learning rate for a 0-based epoch.
    public func learningRate(epoch: Int) -> Float {
        Float(lrMin + 0.5 * (lrMax - lrMin) * (1 + cos(Double.pi * Double(epoch) / Double(tMax))))
    }

    /// Sets the optimizer's learning rate for the coming epoch.
    public func epochBegin(_ epoch: Int, _ training: TrainingContext) throws {
        training.optimizer.learningRate = learningRate(epoch: epoch)
    }
}
