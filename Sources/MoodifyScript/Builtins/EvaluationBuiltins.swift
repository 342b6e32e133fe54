import Foundation
import Moodify
import MoodifyLearn

extension Arguments {
    /// The argument `name` as a classifier: a model from `load_model`/`cross_validate` (with scaler, labels and feature
    /// set), an ensemble from `load_model`, a bundle path, or "default".
    func classifier(_ name: String) throws -> EmotionClassifier {
        if case .object(let model as ModelObject) = self[name] { return try EmotionClassifier(bundle: try model.bundle()) }
        if case .object(let ensemble as EnsembleObject) = self[name] { return try EmotionClassifier(ensemble: ensemble.ensemble) }
        return try EmotionClassifier(contentsOf: DefaultModel.resolve(try string(name)))
    }

    /// The argument `name` (labels) as class codes, i.e. columns of a probability matrix: indices as given; names by
    /// their position in the argument `classes` (a label encoder or a list of names), or among the sorted distinct
    /// names when `classes` is nil.
    func classCodes(_ name: String, classes: String) throws -> [Int] {
        let names: [String]
        switch try labels(name) {
        case .indices(let codes): return codes
        case .names(let given): names = given
        }
        let order: [String]
        if case .object(let o as LabelEncoderObject) = self[classes] {
            order = o.encoder.classes
        } else if optional(classes) != nil {
            order = try strings(classes)
        } else {
            order = LabelEncoder.fitTransform(names).0.classes
        }
        let position = Dictionary(order.enumerated().map { ($1, $0) }) { first, _ in first }
        return try names.map { label in
            guard let code = position[label] else {
                throw ValueError.invalid("\(function): \(Display.quoted(label)) is not one of the classes \(order)")
            }
            return code
        }
    }
}

extension Builtins {
    /// Scoring a model bundle on labelled clips, and calibrating its probabilities.
    static let evaluation: [Builtin] = [
        Builtin("evaluate", [.required("model"), .required("corpus_or_table")],
                doc: "Score a model (a model, ensemble, bundle path or \"default\") on a corpus (each clip as predict_file sees it), a FeatureTable, or a list of FeatureTables (one per feature set of an ensemble): .accuracy, .macro_f1, .uar, .report, .confusion, .predictions, .ece.") { args in
            let classifier = try args.classifier("model")
            if case .object(let table as FeatureTableObject) = args["corpus_or_table"] {
                return .object(EvaluationObject(evaluation: try classifier.evaluate(table.table)))
            }
            if case .list(let items) = args["corpus_or_table"] {
                let tables = try items.enumerated().map { index, item in
                    guard case .object(let table as FeatureTableObject) = item else {
                        throw ValueError.invalid("evaluate: corpus_or_table[\(index)] is \(item.kindDescription), not a FeatureTable")
                    }
                    return table.table
                }
                return .object(EvaluationObject(evaluation: try classifier.evaluate(tables)))
            }
            let report = try classifier.evaluate(try args.corpusOrFolder("corpus_or_table"))
            if !report.skipped.isEmpty {
                args.interpreter.write("evaluate: skipped \(report.skipped.count) clips that could not be classified (see .skipped)\n")
            }
            return .object(EvaluationObject(evaluation: report))
        },
        Builtin("expected_calibration_error", [.required("y_true"), .required("probabilities"), .named("bins", 15), .named("classes", nil)],
                doc: "How far confidence is from accuracy: the bin-weighted mean |accuracy − confidence| over equal-width confidence bins (Guo et al.).") { args in
            let (codes, p) = try scoredProbabilities(args)
            return .number(try expectedCalibrationError(codes, p, bins: try args.int("bins")))
        },
        Builtin("fit_temperature", [.required("y_true"), .required("probabilities"), .named("classes", nil)],
                doc: "The temperature T minimising the negative log-likelihood of softmax(log p / T); fit it on out-of-fold probabilities.") { args in
            let (codes, p) = try scoredProbabilities(args)
            return .number(try fitTemperature(codes, p))
        },
        Builtin("temperature_scale", [.required("probabilities"), .required("temperature")],
                doc: "Probability rows rescaled by a temperature: softmax(log p / T) (T > 1 softens, T < 1 sharpens).") { args in
            .matrix(try temperatureScaled(try args.matrix("probabilities"), temperature: try args.number("temperature")))
        },
        Builtin("log_loss", [.required("y_true"), .required("probabilities"), .named("classes", nil)],
                doc: "The mean negative log-likelihood of the true classes (scikit-learn's log_loss; probabilities clipped at 1e-15).") { args in
            let (codes, p) = try scoredProbabilities(args)
            return .number(try negativeLogLikelihood(codes, p))
        },
    ]

    /// The y_true codes and the probability matrix of a calibration builtin; names are coded by `classes`.
    private static func scoredProbabilities(_ args: Arguments) throws -> ([Int], Matrix) {
        let p = try args.matrix("probabilities")
        return (try args.classCodes("y_true", classes: "classes"), p)
    }
}
