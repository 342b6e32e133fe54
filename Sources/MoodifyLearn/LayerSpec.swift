/// The description of one layer: what `sequential([...])` is made of and what a model bundle stores.
public enum LayerSpec: Sendable, Equatable {
    /// A 1-D convolution, valid padding, stride 1.
    case conv1d(filters: Int, kernelSize: Int, activation: Activation)
    /// Batch normalization over the last axis.
    case batchNormalization(momentum: Float, epsilon: Float)
    /// Max pooling over windows of `poolSize` steps with the same stride, valid padding.
    case maxPool1d(poolSize: Int)
    /// Inverted dropout of a fraction `rate` of the values in training.
    case dropout(rate: Float)
    /// Flattens each sample to one axis.
    case flatten
    /// A fully connected layer with an optional L2 penalty on its kernel.
    case dense(units: Int, activation: Activation, l2: Float)
    /// The mean over the steps of each channel.
    case globalAveragePooling1d
    /// The maximum over the steps of each channel.
    case globalMaxPooling1d
    /// Random runs of steps and of bands zeroed in training (SpecAugment).
    case specAugment(timeMasks: Int, timeWidth: Int, frequencyMasks: Int, frequencyWidth: Int)

    /// Keras's class name.
    public var typeName: String {
        switch self {
        case .conv1d: "Conv1D"
        case .batchNormalization: "BatchNormalization"
        case .maxPool1d: "MaxPooling1D"
        case .dropout: "Dropout"
        case .flatten: "Flatten"
        case .dense: "Dense"
        case .globalAveragePooling1d: "GlobalAveragePooling1D"
        case .globalMaxPooling1d: "GlobalMaxPooling1D"
        case .specAugment: "SpecAugment"
        }
    }

    /// The stem Keras uses for automatic names, e.g. "conv1d", "max_pooling1d".
    public var baseName: String {
        switch self {
        case .conv1d: "conv1d"
        case .batchNormalization: "batch_normalization"
        case .maxPool1d: "max_pooling1d"
        case .dropout: "dropout"
        case .flatten: "flatten"
        case .dense: "dense"
        case .globalAveragePooling1d: "global_average_pooling1d"
        case .globalMaxPooling1d: "global_max_pooling1d"
        case .specAugment: "spec_augment"
        }
    }

    /// Checks the arguments, throwing `LearnError.invalidArgument` for values Keras would reject.
    public func validate() throws {
        func require(_ ok: Bool, _ message: String) throws {
            if !ok { throw LearnError.invalidArgument("\(typeName): \(message)") }
        }
        switch self {
        case let .conv1d(filters, kernelSize, _):
            try require(filters > 0, "filters must be positive, got \(filters)")
            try require(kernelSize > 0, "kernel size must be positive, got \(kernelSize)")
        case let .batchNormalization(momentum, epsilon):
            try require(momentum >= 0 && momentum <= 1, "momentum must lie in [0, 1], got \(momentum)")
            try require(epsilon > 0, "epsilon must be positive, got \(epsilon)")
        case let .maxPool1d(poolSize):
            try require(poolSize > 0, "pool size must be positive, got \(poolSize)")
        case let .dropout(rate):
            try require(rate >= 0 && rate < 1, "rate must lie in [0, 1), got \(rate)")
        case .flatten, .globalAveragePooling1d, .globalMaxPooling1d:
            break
        case let .dense(units, _, l2):
            try require(units > 0, "units must be positive, got \(units)")
            try require(l2 >= 0 && l2.isFinite, "the L2 factor must be a finite non-negative number, got \(l2)")
        case let .specAugment(timeMasks, timeWidth, frequencyMasks, frequencyWidth):
            try require(min(timeMasks, timeWidth, frequencyMasks, frequencyWidth) >= 0,
                        "mask counts and widths must not be negative, got \(timeMasks), \(timeWidth), \(frequencyMasks), \(frequencyWidth)")
        }
    }

    /// A new, unbuilt layer of this description.
    public func makeLayer() throws -> any Layer {
        try validate()
        switch self {
        case let .conv1d(filters, kernelSize, activation):
            return Conv1D(filters: filters, kernelSize: kernelSize, activation: activation)
        case let .batchNormalization(momentum, epsilon):
            return BatchNormalization(momentum: momentum, epsilon: epsilon)
        case let .maxPool1d(poolSize):
            return MaxPool1D(poolSize: poolSize)
        case let .dropout(rate):
            return Dropout(rate: rate)
        case .flatten:
            return Flatten()
        case let .dense(units, activation, l2):
            return Dense(units: units, activation: activation, l2: l2)
        case .globalAveragePooling1d:
            return GlobalPooling1D(.average)
        case .globalMaxPooling1d:
            return GlobalPooling1D(.maximum)
        case let .specAugment(timeMasks, timeWidth, frequencyMasks, frequencyWidth):
            return SpecAugment(timeMasks: timeMasks, timeWidth: timeWidth, frequencyMasks: frequencyMasks, frequencyWidth: frequencyWidth)
        }
    }
}

extension LayerSpec: Codable {
    private enum Key: String, CodingKey {
        case type, filters, kernelSize = "kernel_size", activation, momentum, epsilon
        case poolSize = "pool_size", rate, units, l2
        case timeMasks = "time_masks", timeWidth = "time_width", frequencyMasks = "freq_masks", frequencyWidth = "freq_width"
    }

    /// Reads `{"type": "Conv1D", "filters": 64, …}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "Conv1D":
            self = .conv1d(filters: try c.decode(Int.self, forKey: .filters),
                           kernelSize: try c.decode(Int.self, forKey: .kernelSize),
                           activation: try c.decode(Activation.self, forKey: .activation))
        case "BatchNormalization":
            self = .batchNormalization(momentum: try c.decode(Float.self, forKey: .momentum),
                                       epsilon: try c.decode(Float.self, forKey: .epsilon))
        case "MaxPooling1D":
            self = .maxPool1d(poolSize: try c.decode(Int.self, forKey: .poolSize))
        case "Dropout":
            self = .dropout(rate: try c.decode(Float.self, forKey: .rate))
        case "Flatten":
            self = .flatten
        case "GlobalAveragePooling1D":
            self = .globalAveragePooling1d
        case "GlobalMaxPooling1D":
            self = .globalMaxPooling1d
        case "SpecAugment":
            self = .specAugment(timeMasks: try c.decode(Int.self, forKey: .timeMasks), timeWidth: try c.decode(Int.self, forKey: .timeWidth),
                                frequencyMasks: try c.decode(Int.self, forKey: .frequencyMasks),
                                frequencyWidth: try c.decode(Int.self, forKey: .frequencyWidth))
        case "Dense":
            self = .dense(units: try c.decode(Int.self, forKey: .units),
                          activation: try c.decode(Activation.self, forKey: .activation),
                          l2: try c.decode(Float.self, forKey: .l2))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown layer type \"\(type)\"")
        }
    }

    /// Writes `{"type": "Conv1D", "filters": 64, …}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(typeName, forKey: .type)
        switch self {
        case let .conv1d(filters, kernelSize, activation):
            try c.encode(filters, forKey: .filters)
            try c.encode(kernelSize, forKey: .kernelSize)
            try c.encode(activation, forKey: .activation)
        case let .batchNormalization(momentum, epsilon):
            try c.encode(momentum, forKey: .momentum)
            try c.encode(epsilon, forKey: .epsilon)
        case let .maxPool1d(poolSize):
            try c.encode(poolSize, forKey: .poolSize)
        case let .dropout(rate):
            try c.encode(rate, forKey: .rate)
        case .flatten, .globalAveragePooling1d, .globalMaxPooling1d:
            break
        case let .dense(units, activation, l2):
            try c.encode(units, forKey: .units)
            try c.encode(activation, forKey: .activation)
            try c.encode(l2, forKey: .l2)
        case let .specAugment(timeMasks, timeWidth, frequencyMasks, frequencyWidth):
            try c.encode(timeMasks, forKey: .timeMasks)
            try c.encode(timeWidth, forKey: .timeWidth)
            try c.encode(frequencyMasks, forKey: .frequencyMasks)
            try c.encode(frequencyWidth, forKey: .frequencyWidth)
        }
    }
}
