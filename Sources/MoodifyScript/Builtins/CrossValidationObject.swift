import Foundation
import MoodifyLearn

/// What `cross_validate` returns: per-fold histories and accuracies, the best fold's model (`best_fold` is
/// 1-based, as the notebooks print "Fold N"), every fold's model (`models`), and out-of-fold `y_true`/`y_pred`/`y_proba`
/// over every tested row.
struct CrossValidationObject: HostObject {
    /// Each fold's training history.
    let histories: [History]
    /// Each fold's test accuracy after training.
    let accuracies: [Float]
    /// The 0-based index of the fold with the highest accuracy.
    let bestFold: Int
    /// That fold's model.
    let bestModel: ModelObject
    /// Every fold's model, in fold order.
    let models: [ModelObject]
    /// Each fold's test rows.
    let testIndices: [[Int]]
    /// The rows some fold tested, ascending.
    let outOfFoldRows: [Int]
    /// Their true labels, as given (names or indices).
    let yTrue: Value
    /// The labels their fold's model predicted, in the same form.
    let yPred: Value
    /// Their class probabilities from their fold's model, one row each (columns in class-code order).
    let yProba: Matrix
    /// Per fold, `[y_true, y_pred]` over its test rows in its order (for per-fold metrics).
    let foldPredictions: [Value]

    /// The mean fold accuracy.
    var mean: Double { accuracies.map(Double.init).reduce(0, +) / Double(max(accuracies.count, 1)) }

    /// The population standard deviation of the fold accuracies (NumPy's `std`, ddof 0).
    var standardDeviation: Double {
        let m = mean
        return (accuracies.map { (Double($0) - m) * (Double($0) - m) }.reduce(0, +) / Double(max(accuracies.count, 1))).squareRoot()
    }

    var typeName: String { "CrossValidation" }

    var summary: String {
        String(format: "CrossValidation of %d folds · mean accuracy %.4f ± %.4f · best Fold %d", accuracies.count, mean,
               standardDeviation, bestFold + 1)
    }

    /// The notebooks' fold table, then the mean and the best fold.
    var display: String {
        let rows = accuracies.enumerated().map { String(format: "Fold %d %.4f", $0.offset + 1, Double($0.element)) }
        return (["Fold-wise Accuracy:"] + rows + [String(format: "Mean %.4f ± %.4f · best Fold %d", mean, standardDeviation, bestFold + 1)])
            .joined(separator: "\n")
    }

    var propertyNames: [String] {
        ["best_fold", "best_model", "fold_accuracies", "fold_predictions", "histories", "mean_accuracy", "models", "oof_indices",
         "std_accuracy", "test_indices", "y_pred", "y_proba", "y_true"]
    }

    func property(_ name: String) throws -> Value? {
        switch name {
        case "best_fold": .number(Double(bestFold + 1))
        case "best_model": .object(bestModel)
        case "fold_accuracies": .floats(accuracies)
        case "fold_predictions": .list(foldPredictions)
        case "histories": .list(histories.map { .object(HistoryObject(history: $0)) })
        case "mean_accuracy": .number(mean)
        case "models": .list(models.map { .object($0) })
        case "oof_indices": .ints(outOfFoldRows)
        case "std_accuracy": .number(standardDeviation)
        case "test_indices": .list(testIndices.map { .ints($0) })
        case "y_pred": yPred
        case "y_proba": .matrix(yProba)
        case "y_true": yTrue
        default: nil
        }
    }

    var length: Int? { accuracies.count }
}
