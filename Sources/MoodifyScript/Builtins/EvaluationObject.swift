import Foundation
import Moodify
import MoodifyLearn

/// What `evaluate` returns: `.accuracy`, `.macro_f1`, `.uar`, `.report` (scikit-learn's text), `.confusion`, `.labels`,
/// `.predictions` (per clip: path, actual, predicted, probabilities), `.y_true`, `.y_pred`, `.probabilities`, `.ece`
/// and `.skipped`; displayed as its summary line and the report.
struct EvaluationObject: HostObject {
    /// The evaluation.
    let evaluation: EvaluationReport

    var typeName: String { "Evaluation" }
    var summary: String { evaluation.summary }
    var display: String { evaluation.summary + "\n" + evaluation.report.text }

    var propertyNames: [String] {
        ["accuracy", "classes", "confusion", "ece", "labels", "macro_f1", "predictions", "probabilities", "report", "skipped", "uar",
         "y_pred", "y_true"]
    }

    func property(_ name: String) throws -> Value? {
        switch name {
        case "accuracy": return .number(evaluation.accuracy)
        case "classes": return .strings(evaluation.classes)
        case "confusion": return .matrix(Matrix(rowArrays: evaluation.confusion.map { $0.map(Float.init) }))
        case "ece":
            guard let codes = evaluation.actualClassCodes else {
                throw ValueError.invalid("Evaluation.ece: some clips' emotions are not classes of the model, so their probabilities cannot be scored")
            }
            return .number(try expectedCalibrationError(codes, evaluation.probabilities))
        case "labels": return .strings(evaluation.labels)
        case "macro_f1": return .number(evaluation.macroF1)
        case "predictions": return .list(evaluation.predictions.map(value))
        case "probabilities": return .matrix(evaluation.probabilities)
        case "report": return .string(evaluation.report.text)
        case "skipped":
            return .list(evaluation.skipped.map { .dictionary(ValueDictionary([("file", .string($0.file)), ("reason", .string($0.reason))])) })
        case "uar": return .number(evaluation.uar)
        case "y_pred": return .strings(evaluation.predictions.map(\.predicted))
        case "y_true": return .strings(evaluation.predictions.map(\.actual))
        default: return nil
        }
    }

    var length: Int? { evaluation.predictions.count }

    /// One clip's prediction as a dictionary: path, actual, predicted, probabilities (class → probability).
    private func value(_ p: EvaluationReport.ClipPrediction) -> Value {
        let probabilities = ValueDictionary(zip(evaluation.classes, p.probabilities).map { ($0, .number($1)) })
        return .dictionary(ValueDictionary([("path", .string(p.path)), ("actual", .string(p.actual)), ("predicted", .string(p.predicted)),
                                            ("probabilities", .dictionary(probabilities))]))
    }
}
