import MoodifyLearn

extension Builtins {
    /// Classification metrics over labels given as names or class indices (or probability rows, argmax taken).
    static let metrics: [Builtin] = [
        Builtin("accuracy", [.required("y_true"), .required("y_pred")], doc: "The fraction of predictions equal to the truth.") { args in
            let coded = try args.codedLabels("y_true", "y_pred")
            return .number(try MoodifyLearn.accuracy(coded.truth, coded.predicted))
        },
        Builtin("balanced_accuracy", [.required("y_true"), .required("y_pred")],
                doc: "The mean recall over the classes present in y_true (scikit-learn's balanced_accuracy_score).") { args in
            let coded = try args.codedLabels("y_true", "y_pred")
            return .number(try balancedAccuracy(coded.truth, coded.predicted))
        },
        Builtin("f1_score", [.required("y_true"), .required("y_pred"), .named("average", "macro"), .named("labels", nil)],
                doc: "F1 averaged \"macro\", \"weighted\" or \"micro\", or per class with average: nil (scikit-learn's f1_score).") { args in
            let coded = try args.codedLabels("y_true", "y_pred", labels: "labels")
            let classes = Array(coded.names.indices)
            guard let name = try args.optionalString("average") else {
                return .doubles(try f1Scores(coded.truth, coded.predicted, labels: classes))
            }
            guard let average = F1Average(rawValue: name) else {
                throw ValueError.invalid("f1_score: average must be \"macro\", \"weighted\", \"micro\" or nil, got \(Display.quoted(name))")
            }
            return .number(try f1Score(coded.truth, coded.predicted, average: average, labels: classes))
        },
        Builtin("confusion_matrix", [.required("y_true"), .required("y_pred"), .named("labels", nil)],
                doc: "Counts with rows = true class and columns = predicted class, classes sorted or in labels' order.") { args in
            let coded = try args.codedLabels("y_true", "y_pred", labels: "labels")
            let counts = try confusionMatrix(coded.truth, coded.predicted, classes: coded.names.count)
            return .matrix(Matrix(rowArrays: counts.map { $0.map(Float.init) }))
        },
        Builtin("classification_report", [.required("y_true"), .required("y_pred"), .named("labels", nil),
                                          .named("target_names", nil), .named("digits", 2)],
                doc: "Precision, recall, F1 and support per class as scikit-learn prints them.") { args in
            let coded = try args.codedLabels("y_true", "y_pred", labels: "labels", names: "target_names")
            return .string(try ClassificationReport(yTrue: coded.truth, yPred: coded.predicted, labels: coded.names,
                                                    digits: try args.int("digits")).text)
        },
    ]
}
