import Foundation
import Moodify
import MoodifyLearn

extension Builtins {
    /// Keras's layers, models, optimizer and callbacks, cross-validation, and model bundles.
    static let network: [Builtin] = layers + training + [crossValidateBuiltin] + bundles

    /// A builtin returning a layer made by `spec` from its arguments.
    private static func layer(_ name: String, _ parameters: [Parameter], doc: String,
                              _ spec: @escaping @Sendable (Arguments) throws -> LayerSpec) -> Builtin {
        Builtin(name, parameters, doc: doc) { args in
            let made = try spec(args)
            do {
                try made.validate()
            } catch let error as LearnError {
                throw ValueError.invalid("\(name): \(error)")
            }
            return .object(LayerObject(spec: made))
        }
    }

    private static let layers: [Builtin] = [
        layer("conv1d", [.required("filters"), .required("kernel_size"), .named("activation", nil)],
              doc: "A 1-D convolution (valid padding, stride 1) as Keras's Conv1D.") { args in
            .conv1d(filters: try args.int("filters"), kernelSize: try args.int("kernel_size"), activation: try args.activation("activation"))
        },
        layer("batch_norm", [.named("momentum", 0.99), .named("epsilon", 0.001)],
              doc: "Batch normalization over the last axis as Keras's BatchNormalization.") { args in
            .batchNormalization(momentum: Float(try args.number("momentum")), epsilon: Float(try args.number("epsilon")))
        },
        layer("max_pool1d", [.optional("pool_size", 2)], doc: "Max pooling over windows of pool_size steps, as Keras's MaxPooling1D.") { args in
            .maxPool1d(poolSize: try args.int("pool_size"))
        },
        layer("dropout", [.required("rate")], doc: "Drops a fraction rate of the values in training, as Keras's Dropout.") { args in
            .dropout(rate: Float(try args.number("rate")))
        },
        layer("flatten", [], doc: "Flattens each sample to one axis, as Keras's Flatten.") { _ in .flatten },
        layer("global_average_pooling1d", [], doc: "The mean over the steps of each channel, as Keras's GlobalAveragePooling1D.") { _ in
            .globalAveragePooling1d
        },
        layer("global_max_pooling1d", [], doc: "The maximum over the steps of each channel, as Keras's GlobalMaxPooling1D.") { _ in
            .globalMaxPooling1d
        },
        layer("spec_augment", [.named("time_masks", 2), .named("time_width", 10), .named("freq_masks", 2), .named("freq_width", 8)],
              doc: "SpecAugment in training: time_masks runs of up to time_width steps and freq_masks runs of up to freq_width bands set to 0.") { args in
            .specAugment(timeMasks: try args.int("time_masks"), timeWidth: try args.int("time_width"),
                         frequencyMasks: try args.int("freq_masks"), frequencyWidth: try args.int("freq_width"))
        },
        layer("dense", [.required("units"), .named("activation", nil), .named("l2", nil)],
              doc: "A fully connected layer with an optional L2 penalty on its kernel, as Keras's Dense.") { args in
            .dense(units: try args.int("units"), activation: try args.activation("activation"), l2: Float(try args.optionalNumber("l2") ?? 0))
        },
    ]

    private static let training: [Builtin] = [
        Builtin("sequential", [.required("layers"), .named("input_shape", nil), .named("name", "sequential"), .named("seed", nil)],
                doc: "A model of the layers, built now for input_shape (per sample, e.g. [140, 1]) or on first use.") { args in
            let specs = try args.list("layers").map { item in
                guard case .object(let o as LayerObject) = item else {
                    throw ValueError.invalid("sequential: layers must hold layers such as dense(…), got \(item.kindDescription)")
                }
                return o.spec
            }
            let inputShape = try args.optional("input_shape").map { _ in try args.ints("input_shape") }
            let seed = try args.seed("seed")
            let model = try Sequential(specs: specs, inputShape: inputShape, name: try args.string("name"), seed: seed)
            return .object(ModelObject(model, seed: seed))
        },
        Builtin("adam", [.optional("lr", 0.001), .named("beta_1", 0.9), .named("beta_2", 0.999), .named("epsilon", 1e-7)],
                doc: "The Adam optimizer with Keras's defaults; each fit gets a new one with these settings.") { args in
            .object(OptimizerObject(learningRate: Float(try args.number("lr")), beta1: try args.number("beta_1"),
                                    beta2: try args.number("beta_2"), epsilon: Float(try args.number("epsilon"))))
        },
        Builtin("early_stopping", [.named("monitor", "val_loss"), .named("patience", 10), .named("restore_best", true),
                                   .named("min_delta", 0), .named("mode", "auto")],
                doc: "Stop when monitor stops improving for patience epochs, restoring the best weights (Keras's EarlyStopping).") { args in
            .object(CallbackObject(kind: .earlyStopping(monitor: try args.string("monitor"), patience: try args.int("patience"),
                                                        minDelta: Float(try args.number("min_delta")), mode: try args.monitorMode("mode"),
                                                        restoreBest: try args.bool("restore_best"))))
        },
        Builtin("reduce_lr_on_plateau", [.named("monitor", "val_loss"), .named("factor", 0.5), .named("patience", 5),
                                         .named("min_lr", 1e-6), .named("min_delta", 1e-4), .named("cooldown", 0), .named("mode", "auto")],
                doc: "Multiply the learning rate by factor when monitor has not improved for patience epochs (Keras's ReduceLROnPlateau).") { args in
            let factor = try args.number("factor")
            guard factor < 1 else { throw ValueError.invalid("reduce_lr_on_plateau: factor must be below 1, got \(Display.number(factor))") }
            return .object(CallbackObject(kind: .reduceLROnPlateau(
                monitor: try args.string("monitor"), factor: factor, patience: try args.int("patience"), minLR: try args.number("min_lr"),
                minDelta: Float(try args.number("min_delta")), cooldown: try args.int("cooldown"), mode: try args.monitorMode("mode"))))
        },
        Builtin("model_checkpoint", [.required("path"), .named("monitor", "val_accuracy"), .named("mode", "auto"),
                                     .named("save_best_only", true)],
                doc: "Save the model as a bundle when monitor improves (Keras's ModelCheckpoint); {fold} in path becomes the fold number.") { args in
            .object(CallbackObject(kind: .modelCheckpoint(path: try args.string("path"), monitor: try args.string("monitor"),
                                                          mode: try args.monitorMode("mode"), saveBestOnly: try args.bool("save_best_only"))))
        },
        Builtin("cosine_annealing", [.named("lr_max", 0.003), .named("lr_min", 1e-6), .named("t_max", 100)],
                doc: "Set lr = lr_min + ½(lr_max − lr_min)(1 + cos(π·epoch/t_max)) before each epoch.") { args in
            let tMax = try args.int("t_max")
            guard tMax > 0 else { throw ValueError.invalid("cosine_annealing: t_max must be positive, got \(tMax)") }
            return .object(CallbackObject(kind: .cosineAnnealing(lrMax: try args.number("lr_max"), lrMin: try args.number("lr_min"), tMax: tMax)))
        },
    ]

    private static let bundles: [Builtin] = [
        Builtin("save_model", [.required("model"), .required("path"), .named("scaler", nil), .named("labels", nil),
                               .named("features", nil), .named("metadata", nil), .named("weights", nil)],
                doc: "Write the model with its scaler, labels (encoder or list), feature-set name and metadata as one bundle; a list of models with lists of scalers and feature sets (and optional weights) writes an ensemble; returns the path.") { args in
            let labels: [String]?
            if case .object(let o as LabelEncoderObject) = args["labels"] { labels = o.encoder.classes } else {
                labels = try args.optional("labels").map { _ in try args.strings("labels") }
            }
            let metadata = try args.optional("metadata").map { _ in
                Dictionary(try args.dictionary("metadata").pairs.map { ($0.key, Display.str($0.value)) }) { $1 }
            }
            let contents: BundleContents
            if case .list(let models) = args["model"] {
                contents = .ensemble(try ensembleBundle(args, models: models, labels: labels, metadata: metadata ?? [:]))
            } else {
                let model = try args.object("model", as: ModelObject.self, expected: "a model or a list of models")
                let scaler = try args.optional("scaler").map { _ in try args.object("scaler", as: StandardScalerObject.self).scaler }
                contents = .network(try model.bundle(scaler: scaler, labels: labels, featureSet: try args.optionalString("features"),
                                                     metadata: metadata))
            }
            let path = try args.string("path")
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.save(to: url)
            args.interpreter.recordFile(path)
            return .string(path)
        },
        Builtin("load_model", [.required("path")],
                doc: "Read a model bundle (\"default\": the shipped one): the model, with .scaler, .labels, .feature_set and .metadata; an ensemble, with .members, .weights, .labels, .feature_set and .metadata.") { args in
            switch try BundleContents.load(from: URL(fileURLWithPath: DefaultModel.resolve(try args.string("path")))) {
            case .network(let bundle): return .object(try ModelObject(bundle: bundle))
            case .ensemble(let ensemble): return .object(try EnsembleObject(ensemble: ensemble))
            }
        },
    ]
}

extension Builtins {
    /// The ensemble `save_model` writes for a list of models: each with the scaler and feature set at its position in
    /// the `scaler:` and `features:` lists (nil keeps the model's own) and its weight in `weights:` (equal by default),
    /// checked the way `EmotionClassifier` will use it.
    private static func ensembleBundle(_ args: Arguments, models: [Value], labels: [String]?,
                                       metadata: [String: String]) throws -> EnsembleBundle {
        let objects = try models.enumerated().map { index, value in
            guard case .object(let model as ModelObject) = value else {
                throw ValueError.invalid("save_model: model[\(index)] is \(value.kindDescription), not a model")
            }
            return model
        }
        func perMember(_ name: String) throws -> [Value] {
            guard args.optional(name) != nil else { return Array(repeating: .null, count: objects.count) }
            guard case .list(let values) = args[name], values.count == objects.count else {
                throw ValueError.invalid("save_model: an ensemble of \(objects.count) models needs \(name): a list of \(objects.count) values, one per model")
            }
            return values
        }
        let scalers = try perMember("scaler").enumerated().map { index, value -> StandardScaler? in
            switch value {
            case .null: return nil
            case .object(let scaler as StandardScalerObject): return scaler.scaler
            default: throw ValueError.invalid("save_model: scaler[\(index)] is \(value.kindDescription), not a standard scaler")
            }
        }
        let sets = try perMember("features").enumerated().map { index, value -> String? in
            switch value {
            case .null: return nil
            case .string(let name): return name
            default: throw ValueError.invalid("save_model: features[\(index)] is \(value.kindDescription), not a feature-set name")
            }
        }
        let weights = try perMember("weights").enumerated().map { index, value -> Double in
            switch value {
            case .null: return 1
            case .number(let weight): return weight
            default: throw ValueError.invalid("save_model: weights[\(index)] is \(value.kindDescription), not a number")
            }
        }
        let classes = labels ?? objects.first?.labels
        let members = try objects.indices.map { i in
            EnsembleBundle.Member(network: try objects[i].bundle(scaler: scalers[i], labels: classes, featureSet: sets[i], metadata: [:]),
                                  weight: weights[i])
        }
        let ensemble = try EnsembleBundle(members: members, labels: classes, metadata: metadata)
        _ = try EmotionClassifier(ensemble: ensemble)
        return ensemble
    }
}
