import Foundation
import MoodifyLearn
import Synchronization

/// A network as scripts see it: `m.fit(…)`, `m.predict(X)`, `m.evaluate(X, Y)`, `m.summary()`, and, once saved
/// or loaded, the scaler, labels, feature set and metadata that go with it. The `Sequential` sits behind a mutex.
final class ModelObject: HostObject {
    private let model: Mutex<Sequential>
    /// The seed of the initial weights given to `sequential` (copies for cross-validation folds reuse it).
    let seed: UInt64?
    /// The scaler the model's inputs were standardised with.
    let scaler: StandardScaler?
    /// The class names, in output order.
    let labels: [String]?
    /// The feature set the model reads, e.g. "method2".
    let featureSet: String?
    /// The feature set's parameters.
    let featureParameters: [String: String]
    /// Free training metadata.
    let metadata: [String: String]
    /// Whether the weights were trained or loaded, rather than drawn by the initialiser.
    private let trained: Atomic<Bool>

    /// A model object around `model`, with what goes with it.
    init(_ model: sending Sequential, seed: UInt64? = nil, scaler: StandardScaler? = nil, labels: [String]? = nil,
         featureSet: String? = nil, featureParameters: [String: String] = [:], metadata: [String: String] = [:], trained: Bool = false) {
        self.model = Mutex(model)
        self.trained = Atomic(trained)
        self.seed = seed
        self.scaler = scaler
        self.labels = labels
        self.featureSet = featureSet
        self.featureParameters = featureParameters
        self.metadata = metadata
    }

    /// The model stored in a bundle, with its scaler, labels, feature set and metadata.
    convenience init(bundle: ModelBundle) throws {
        var scaler: StandardScaler?
        if let mean = bundle.scalerMean, let scale = bundle.scalerScale { scaler = StandardScaler(mean: mean, scale: scale) }
        self.init(try bundle.makeModel(), scaler: scaler, labels: bundle.labels, featureSet: bundle.featureSet,
                  featureParameters: bundle.featureParameters, metadata: bundle.metadata, trained: true)
    }

    /// Runs `body` with the model, holding the lock.
    func withModel<T: Sendable>(_ body: (Sequential) throws -> T) throws -> T {
        try model.withLock { model throws -> T in try body(model) }
    }

    /// The model as a bundle; arguments left nil keep what the object already carries.
    func bundle(scaler: StandardScaler? = nil, labels: [String]? = nil, featureSet: String? = nil,
                featureParameters: [String: String]? = nil, metadata: [String: String]? = nil) throws -> ModelBundle {
        let scaler = scaler ?? self.scaler
        return try withModel { model in
            try ModelBundle(model: model, featureSet: featureSet ?? self.featureSet,
                            featureParameters: featureParameters ?? self.featureParameters,
                            scalerMean: scaler?.mean, scalerScale: scaler?.scale, labels: labels ?? self.labels,
                            metadata: metadata ?? self.metadata)
        }
    }

    /// A separate model with the same layers: the same weights once trained or loaded, else freshly initialised from
    /// the object's own seed or, without one, from `fallback` (so a seeded cross-validation is repeatable even when
    /// `build` returns an unseeded model already built for its input shape).
    func copyOfModel(seed fallback: UInt64?) throws -> sending Sequential {
        let seed = self.seed ?? fallback
        let keepsWeights = trained.load(ordering: .acquiring)
        let (specs, inputShape, name, weights) = try withModel { model in
            (model.layers.map(\.spec), model.inputShape, model.name, keepsWeights && model.isBuilt ? model.weights : nil)
        }
        let copy = try Sequential(specs: specs, inputShape: inputShape, name: name, seed: seed)
        if let weights { try copy.setWeights(weights) }
        return copy
    }

    var typeName: String { "Sequential" }

    var summary: String {
        (try? withModel { model in
            let size = model.isBuilt ? "\(model.parameterCount) params" : "not built"
            return "Sequential \"\(model.name)\" · \(model.layers.count) layers · \(size)"
                + (featureSet.map { " · input \(model.inputShape ?? []) of \($0)" } ?? "")
        }) ?? "Sequential"
    }

    var display: String { (try? withModel { $0.summary() }) ?? summary }

    var propertyNames: [String] {
        ["count_params", "feature_set", "input_shape", "label_encoder", "labels", "layers", "metadata", "name", "scaler"]
    }

    func property(_ name: String) throws -> Value? {
        switch name {
        case "count_params": return .number(Double(try withModel { $0.parameterCount }))
        case "feature_set": return featureSet.map { .string($0) } ?? .null
        case "input_shape": return try withModel { $0.inputShape }.map { .ints($0) } ?? .null
        case "label_encoder": return labels.map { .object(LabelEncoderObject(encoder: LabelEncoder(classes: $0), codes: [])) } ?? .null
        case "labels": return labels.map { .strings($0) } ?? .null
        case "layers": return .list(try withModel { $0.layers.map { .object(LayerObject(spec: $0.spec)) } })
        case "metadata": return .dictionary(ValueDictionary(metadata.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        case "name": return .string(try withModel { $0.name })
        case "scaler": return scaler.map { .object(StandardScalerObject(scaler: $0)) } ?? .null
        default: return nil
        }
    }

    var methods: [Builtin] {
        [
            Builtin("fit", [.required("X"), .required("Y"), .named("validation", nil)] + fitParameters,
                    doc: "Train as Keras's fit (Y class indices or one-hot rows; validation: [Xv, Yv]); returns the History.") { args in
                let x = try args.matrix("X"), y = try args.targets("Y")
                let validation = try args.validation("validation")
                let options = try args.fitOptions(fold: nil)
                self.trained.store(true, ordering: .releasing)
                return .object(HistoryObject(history: try self.withModel { model in
                    try model.fit(x, y, validation: validation, options: options)
                }))
            },
            Builtin("predict", [.required("X"), .named("batch_size", 256)],
                    doc: "The output (class probabilities) for every row of X, one row each.") { args in
                let x = try args.matrix("X"), batch = try args.int("batch_size")
                return .matrix(try self.withModel { try $0.predict(x, batchSize: batch) })
            },
            Builtin("evaluate", [.required("X"), .required("Y"), .named("batch_size", 32)],
                    doc: "[loss, accuracy] on X with targets Y (class indices or one-hot rows), as Keras's evaluate.") { args in
                let x = try args.matrix("X"), y = try args.targets("Y"), batch = try args.int("batch_size")
                let score = try self.withModel { try $0.evaluate(x, y, batchSize: batch) }
                return .list([.float(score.loss), .float(score.accuracy)])
            },
            Builtin("summary", doc: "The layers, output shapes and parameter counts as Keras prints them.") { _ in
                .string(try self.withModel { $0.summary() })
            },
        ]
    }
}
