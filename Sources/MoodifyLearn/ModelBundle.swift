import Foundation

/// A trained network in one self-describing file, with what it needs to be used: the feature set,
/// the scaler's mean and scale, and the class labels.
///
/// Layout (all integers little-endian, see `BundleContainer`): the 8-byte signature "MDFYMODL", the format version 1
/// (UInt32), the header length (UInt32), the JSON header (architecture, weight shapes, feature set, scaler, labels,
/// metadata), the weights as float32 in header order (BN moving statistics included), and a CRC-32 of
/// everything before it (UInt32). Reading it parses JSON and copies floats: it never runs code. Several networks
/// sharing labels and metadata make an `EnsembleBundle` (version 2).
public struct ModelBundle: Sendable, Equatable {
    /// The format version of a one-network bundle.
    public static let formatVersion: UInt32 = 1

    /// One layer of the architecture.
    public struct LayerEntry: Sendable, Equatable, Codable {
        /// The layer's name in the model.
        public var name: String
        /// What the layer is.
        public var spec: LayerSpec
    }

    /// One weight array.
    public struct Weight: Sendable, Equatable {
        /// The owning layer's name.
        public var layer: String
        /// The weight's name, e.g. "kernel", "moving_mean".
        public var name: String
        /// Its shape.
        public var shape: [Int]
        /// Its values.
        public var values: [Float]
    }

    /// The model's name.
    public var name: String
    /// The per-sample input shape.
    public var inputShape: [Int]
    /// The layers, input first.
    public var layers: [LayerEntry]
    /// Every weight, in the model's order.
    public var weights: [Weight]
    /// The name of the feature set the model reads, e.g. "method2".
    public var featureSet: String?
    /// The feature set's parameters, e.g. ["n_mels": "128"].
    public var featureParameters: [String: String]
    /// The StandardScaler's per-feature mean.
    public var scalerMean: [Float]?
    /// The StandardScaler's per-feature scale.
    public var scalerScale: [Float]?
    /// The class names, in output order.
    public var labels: [String]?
    /// Free training metadata: dates, data, accuracy, notes.
    public var metadata: [String: String]

    /// The bundle of a built model and what goes with it.
    public init(model: Sequential, featureSet: String? = nil, featureParameters: [String: String] = [:],
                scalerMean: [Float]? = nil, scalerScale: [Float]? = nil, labels: [String]? = nil,
                metadata: [String: String] = [:]) throws {
        guard let inputShape = model.inputShape else { throw BundleError.unsavable("the model is not built yet (fit it or give its input shape)") }
        self.name = model.name
        self.inputShape = inputShape
        self.layers = model.layers.map { LayerEntry(name: $0.name, spec: $0.spec) }
        self.weights = model.layers.flatMap { layer in
            layer.parameters.map { Weight(layer: layer.name, name: $0.name, shape: $0.shape, values: $0.value) }
        }
        self.featureSet = featureSet
        self.featureParameters = featureParameters
        self.scalerMean = scalerMean
        self.scalerScale = scalerScale
        self.labels = labels
        self.metadata = metadata
    }

    /// A new model with this architecture and these weights.
    public func makeModel() throws -> Sequential {
        let model: Sequential
        do {
            model = try Sequential(specs: layers.map(\.spec), inputShape: inputShape, name: name, seed: 0)
        } catch let error as LearnError {
            throw BundleError.inconsistent("its architecture cannot be built (\(error.description))")
        }
        for (layer, entry) in zip(model.layers, layers) { layer.name = entry.name }
        let parameters = model.parameters
        guard parameters.count == weights.count else {
            throw BundleError.inconsistent("the architecture has \(parameters.count) weight arrays but the bundle holds \(weights.count)")
        }
        for (parameter, weight) in zip(parameters, weights) where parameter.shape != weight.shape {
            throw BundleError.inconsistent("weight \(weight.layer)/\(weight.name) has shape \(weight.shape) but the architecture needs \(parameter.shape)")
        }
        try model.setWeights(weights.map(\.values))
        return model
    }

    // MARK: Encoding

    /// The JSON header of one network: the whole header of a version-1 bundle, or an ensemble member's (which leaves
    /// out labels and metadata, the ensemble's own).
    struct Header: Codable, Equatable {
        var format: String
        var name: String
        var inputShape: [Int]
        var layers: [LayerEntry]
        var weights: [BundleContainer.WeightEntry]
        var featureSet: String?
        var featureParameters: [String: String]
        var scalerMean: [Float]?
        var scalerScale: [Float]?
        var labels: [String]?
        var metadata: [String: String]?

        enum CodingKeys: String, CodingKey {
            case format, name, inputShape = "input_shape", layers, weights, featureSet = "feature_set"
            case featureParameters = "feature_parameters", scalerMean = "scaler_mean", scalerScale = "scaler_scale"
            case labels, metadata
        }
    }

    static let formatName = "moodify-model"

    /// The network's header; `standalone` adds the labels and metadata a version-1 bundle carries.
    func header(standalone: Bool) -> Header {
        Header(format: Self.formatName, name: name, inputShape: inputShape, layers: layers,
               weights: weights.map { BundleContainer.WeightEntry(layer: $0.layer, name: $0.name, shape: $0.shape) },
               featureSet: featureSet, featureParameters: featureParameters, scalerMean: scalerMean,
               scalerScale: scalerScale, labels: standalone ? labels : nil, metadata: standalone ? metadata : nil)
    }

    /// The network a header and its weights describe, checked for consistency.
    init(header: Header, weights: [Weight]) throws {
        guard header.format == Self.formatName else { throw BundleError.malformedHeader("its format is \"\(header.format)\", not \"\(Self.formatName)\"") }
        self.weights = weights
        name = header.name
        inputShape = header.inputShape
        layers = header.layers
        featureSet = header.featureSet
        featureParameters = header.featureParameters
        scalerMean = header.scalerMean
        scalerScale = header.scalerScale
        labels = header.labels
        metadata = header.metadata ?? [:]
        if let scalerMean, let scalerScale, scalerMean.count != scalerScale.count {
            throw BundleError.inconsistent("the scaler has \(scalerMean.count) means but \(scalerScale.count) scales")
        }
        _ = try makeModel()
    }

    /// The bundle's bytes (format version 1).
    public func encoded() throws -> Data {
        try BundleContainer.encode(version: Self.formatVersion, header: header(standalone: true), weights: weights)
    }

    /// Reads a bundle from its bytes, rejecting foreign, truncated, altered or inconsistent data with the reason.
    public init(data: Data) throws {
        let opened = try BundleContainer.open(data, expected: Self.formatVersion)
        let header = try opened.decodeHeader(Header.self)
        guard header.metadata != nil else { throw BundleError.malformedHeader("the key \"metadata\" is missing") }
        try self.init(header: header, weights: try opened.weights(header.weights))
    }

    /// Writes the bundle to a file (replacing it atomically).
    public func save(to url: URL) throws {
        try BundleContainer.write(try encoded(), to: url)
    }

    /// Reads a bundle from a file.
    public static func load(from url: URL) throws -> ModelBundle {
        try ModelBundle(data: try BundleContainer.read(url))
    }
}

extension Sequential {
    /// Saves the model, with what goes with it, as one bundle file.
    public func save(to url: URL, featureSet: String? = nil, featureParameters: [String: String] = [:],
                     scalerMean: [Float]? = nil, scalerScale: [Float]? = nil, labels: [String]? = nil,
                     metadata: [String: String] = [:]) throws {
        try ModelBundle(model: self, featureSet: featureSet, featureParameters: featureParameters, scalerMean: scalerMean,
                        scalerScale: scalerScale, labels: labels, metadata: metadata).save(to: url)
    }
}
