import Foundation

/// A trained network in one self-describing file, with what it needs to be used: the feature set,
/// the scaler's mean and scale, and the class labels.
///
/// Layout (all integers little-endian): the 8-byte signature "MDFYMODL", the format version (UInt32),
/// the header length (UInt32), the JSON header (architecture, weight shapes, feature set, scaler, labels,
/// metadata), the weights as float32 in header order (BN moving statistics included), and a CRC-32 of
/// everything before it (UInt32). Reading it parses JSON and copies floats: it never runs code.
public struct ModelBundle: Sendable, Equatable {
    /// The format version this code writes and reads.
    public static let formatVersion: UInt32 = 1
    static let signature = Array("MDFYMODL".utf8)

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

    private struct Header: Codable {
        var format: String
        var name: String
        var inputShape: [Int]
        var layers: [LayerEntry]
        var weights: [WeightEntry]
        var featureSet: String?
        var featureParameters: [String: String]
        var scalerMean: [Float]?
        var scalerScale: [Float]?
        var labels: [String]?
        var metadata: [String: String]

        enum CodingKeys: String, CodingKey {
            case format, name, inputShape = "input_shape", layers, weights, featureSet = "feature_set"
            case featureParameters = "feature_parameters", scalerMean = "scaler_mean", scalerScale = "scaler_scale"
            case labels, metadata
        }
    }

    private struct WeightEntry: Codable {
        var layer: String
        var name: String
        var shape: [Int]
    }

    private static let formatName = "moodify-model"

    /// The bundle's bytes.
    public func encoded() throws -> Data {
        let header = Header(format: Self.formatName, name: name, inputShape: inputShape, layers: layers,
                            weights: weights.map { WeightEntry(layer: $0.layer, name: $0.name, shape: $0.shape) },
                            featureSet: featureSet, featureParameters: featureParameters, scalerMean: scalerMean,
                            scalerScale: scalerScale, labels: labels, metadata: metadata)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json: Data
        do {
            json = try encoder.encode(header)
        } catch {
            throw BundleError.unsavable("its header cannot be written as JSON (\(error))")
        }
        for weight in weights where weight.values.count != weight.shape.reduce(1, *) {
            throw BundleError.unsavable("weight \(weight.layer)/\(weight.name) holds \(weight.values.count) values for shape \(weight.shape)")
        }
        var data = Data(Self.signature)
        Self.append(Self.formatVersion, to: &data)
        Self.append(UInt32(json.count), to: &data)
        data.append(json)
        for weight in weights {
            for value in weight.values { Self.append(value.bitPattern, to: &data) }
        }
        let crc = data.withUnsafeBytes { CRC32.checksum($0) }
        Self.append(crc, to: &data)
        return data
    }

    /// Reads a bundle from its bytes, rejecting foreign, truncated, altered or inconsistent data with the reason.
    public init(data: Data) throws {
        let bytes = [UInt8](data)
        let prefix = Self.signature.count + 8
        guard bytes.count >= Self.signature.count, Array(bytes[0..<Self.signature.count]) == Self.signature else {
            throw BundleError.notABundle
        }
        guard bytes.count >= prefix + 4 else { throw BundleError.truncated(expected: prefix + 4, actual: bytes.count) }
        let version = Self.readUInt32(bytes, at: Self.signature.count)
        guard version == Self.formatVersion else { throw BundleError.unsupportedVersion(found: version, supported: Self.formatVersion) }
        let headerLength = Int(Self.readUInt32(bytes, at: Self.signature.count + 4))
        guard bytes.count >= prefix + headerLength + 4 else {
            throw BundleError.truncated(expected: prefix + headerLength + 4, actual: bytes.count)
        }
        let stored = Self.readUInt32(bytes, at: bytes.count - 4)
        let computed = bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<(bytes.count - 4)])) }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(bytes[prefix..<(prefix + headerLength)]))
        } catch {
            throw stored != computed ? BundleError.checksumMismatch(stored: stored, computed: computed)
                : BundleError.malformedHeader(Self.reason(error))
        }
        guard header.format == Self.formatName else { throw BundleError.malformedHeader("its format is \"\(header.format)\", not \"\(Self.formatName)\"") }
        var total = 0
        for entry in header.weights {
            guard !entry.shape.isEmpty, entry.shape.allSatisfy({ $0 > 0 && $0 <= 1 << 28 }) else {
                throw BundleError.malformedHeader("weight \(entry.layer)/\(entry.name) has an invalid shape \(entry.shape)")
            }
            let (count, overflow) = entry.shape.reduce((1, false)) { acc, d in
                let (p, o) = acc.0.multipliedReportingOverflow(by: d)
                return (p, acc.1 || o)
            }
            guard !overflow, count <= 1 << 30 else {
                throw BundleError.malformedHeader("weight \(entry.layer)/\(entry.name) has an implausible shape \(entry.shape)")
            }
            total += count
            guard total <= 1 << 30 else { throw BundleError.malformedHeader("the weights are implausibly large") }
        }
        let expected = prefix + headerLength + 4 * total + 4
        guard bytes.count >= expected else { throw BundleError.truncated(expected: expected, actual: bytes.count) }
        guard bytes.count == expected else {
            throw BundleError.inconsistent("it holds \(bytes.count - expected) bytes more than its header declares")
        }
        guard stored == computed else { throw BundleError.checksumMismatch(stored: stored, computed: computed) }
        var offset = prefix + headerLength
        weights = header.weights.map { entry in
            let count = entry.shape.reduce(1, *)
            let values = (0..<count).map { i in Float(bitPattern: Self.readUInt32(bytes, at: offset + 4 * i)) }
            offset += 4 * count
            return Weight(layer: entry.layer, name: entry.name, shape: entry.shape, values: values)
        }
        name = header.name
        inputShape = header.inputShape
        layers = header.layers
        featureSet = header.featureSet
        featureParameters = header.featureParameters
        scalerMean = header.scalerMean
        scalerScale = header.scalerScale
        labels = header.labels
        metadata = header.metadata
        if let scalerMean, let scalerScale, scalerMean.count != scalerScale.count {
            throw BundleError.inconsistent("the scaler has \(scalerMean.count) means but \(scalerScale.count) scales")
        }
        _ = try makeModel()
    }

    /// Writes the bundle to a file (replacing it atomically).
    public func save(to url: URL) throws {
        let data = try encoded()
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw BundleError.io(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Reads a bundle from a file.
    public static func load(from url: URL) throws -> ModelBundle {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw BundleError.io(path: url.path, reason: error.localizedDescription)
        }
        return try ModelBundle(data: data)
    }

    private static func append(_ value: UInt32, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    private static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case let DecodingError.dataCorrupted(context): context.debugDescription
        case let DecodingError.keyNotFound(key, _): "the key \"\(key.stringValue)\" is missing"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            "the value at \(context.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type"
        default: "\(error)"
        }
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
