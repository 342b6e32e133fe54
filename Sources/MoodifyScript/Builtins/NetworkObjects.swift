import Foundation
import MoodifyLearn

/// A layer description (`conv1d(64, 3, activation: "relu")`) waiting to be put in a `sequential` model.
struct LayerObject: HostObject {
    /// What the layer is.
    let spec: LayerSpec

    var typeName: String { "Layer" }

    var summary: String {
        switch spec {
        case let .conv1d(filters, kernelSize, activation): "Conv1D(\(filters), \(kernelSize), activation: \(activation.rawValue))"
        case let .batchNormalization(momentum, epsilon): "BatchNormalization(momentum: \(momentum), epsilon: \(epsilon))"
        case let .maxPool1d(poolSize): "MaxPooling1D(pool_size: \(poolSize))"
        case let .dropout(rate): "Dropout(\(rate))"
        case .flatten: "Flatten()"
        case .globalAveragePooling1d: "GlobalAveragePooling1D()"
        case .globalMaxPooling1d: "GlobalMaxPooling1D()"
        case let .specAugment(timeMasks, timeWidth, frequencyMasks, frequencyWidth):
            "SpecAugment(time_masks: \(timeMasks), time_width: \(timeWidth), freq_masks: \(frequencyMasks), freq_width: \(frequencyWidth))"
        case let .dense(units, activation, l2): "Dense(\(units), activation: \(activation.rawValue)\(l2 > 0 ? ", l2: \(l2)" : ""))"
        }
    }
}

/// Adam's settings; every `fit` (and every cross-validation fold) gets a new optimizer made from them.
struct OptimizerObject: HostObject {
    /// The initial learning rate.
    let learningRate: Float
    /// The first moment's decay.
    let beta1: Double
    /// The second moment's decay.
    let beta2: Double
    /// Added to √v.
    let epsilon: Float

    var typeName: String { "Adam" }
    var summary: String { "Adam(lr: \(learningRate), beta_1: \(beta1), beta_2: \(beta2), epsilon: \(epsilon))" }
    var propertyNames: [String] { ["lr"] }
    func property(_ name: String) throws -> Value? { name == "lr" ? .float(learningRate) : nil }

    /// A new optimizer with no moments.
    func make() -> Adam { Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon) }
}

/// A callback's settings; callbacks keep state, so every `fit` (and every fold) gets new ones made from these.
struct CallbackObject: HostObject {
    /// Which callback, with its arguments.
    enum Kind: Sendable {
        /// Keras's EarlyStopping.
        case earlyStopping(monitor: String, patience: Int, minDelta: Float, mode: MonitorMode, restoreBest: Bool)
        /// Keras's ReduceLROnPlateau.
        case reduceLROnPlateau(monitor: String, factor: Double, patience: Int, minLR: Double, minDelta: Float, cooldown: Int, mode: MonitorMode)
        /// Keras's ModelCheckpoint; `{fold}` in the path becomes the fold number in cross-validation.
        case modelCheckpoint(path: String, monitor: String, mode: MonitorMode, saveBestOnly: Bool)
        /// The method-2 notebook's cosine schedule.
        case cosineAnnealing(lrMax: Double, lrMin: Double, tMax: Int)
    }

    /// The callback's kind and arguments.
    let kind: Kind

    var typeName: String {
        switch kind {
        case .earlyStopping: "EarlyStopping"
        case .reduceLROnPlateau: "ReduceLROnPlateau"
        case .modelCheckpoint: "ModelCheckpoint"
        case .cosineAnnealing: "CosineAnnealing"
        }
    }

    var summary: String {
        switch kind {
        case let .earlyStopping(monitor, patience, _, _, restoreBest):
            "EarlyStopping(monitor: \"\(monitor)\", patience: \(patience), restore_best: \(restoreBest))"
        case let .reduceLROnPlateau(monitor, factor, patience, minLR, _, _, _):
            "ReduceLROnPlateau(monitor: \"\(monitor)\", factor: \(factor), patience: \(patience), min_lr: \(minLR))"
        case let .modelCheckpoint(path, monitor, mode, saveBestOnly):
            "ModelCheckpoint(\"\(path)\", monitor: \"\(monitor)\", mode: \"\(mode.rawValue)\", save_best_only: \(saveBestOnly))"
        case let .cosineAnnealing(lrMax, lrMin, tMax):
            "CosineAnnealing(lr_max: \(lrMax), lr_min: \(lrMin), t_max: \(tMax))"
        }
    }

    /// A new callback; `fold` (1-based) fills a checkpoint path's `{fold}`.
    func make(fold: Int?) throws -> any Callback {
        switch kind {
        case let .earlyStopping(monitor, patience, minDelta, mode, restoreBest):
            return EarlyStopping(monitor: monitor, patience: patience, minDelta: minDelta, mode: mode, restoreBestWeights: restoreBest)
        case let .reduceLROnPlateau(monitor, factor, patience, minLR, minDelta, cooldown, mode):
            return try ReduceLROnPlateau(monitor: monitor, factor: factor, patience: patience, mode: mode, minDelta: minDelta,
                                         cooldown: cooldown, minLR: minLR)
        case let .modelCheckpoint(path, monitor, mode, saveBestOnly):
            let resolved = fold.map { path.replacingOccurrences(of: "{fold}", with: String($0)) } ?? path
            let url = URL(fileURLWithPath: resolved)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            return ModelCheckpoint(url: url, monitor: monitor, mode: mode, saveBestOnly: saveBestOnly)
        case let .cosineAnnealing(lrMax, lrMin, tMax):
            return try CosineAnnealing(lrMax: lrMax, lrMin: lrMin, tMax: tMax)
        }
    }
}
