import MoodifyLearn

extension Builtins {
    /// scikit-learn's preprocessing, splitting and metrics for scripts.
    static let preprocessing: [Builtin] = transforms + splitters + metrics

    /// Encoders, scaling, oversampling and projections.
    private static let transforms: [Builtin] = [
        Builtin("label_encoder", [.required("labels")],
                doc: "A LabelEncoder fitted on labels: .classes (sorted), .codes, .transform(labels), .inverse_transform(indices).") { args in
            let (encoder, codes) = LabelEncoder.fitTransform(try args.strings("labels"))
            return .object(LabelEncoderObject(encoder: encoder, codes: codes))
        },
        Builtin("standard_scaler", [.required("X")],
                doc: "A StandardScaler fitted on X's columns: .mean, .scale, .transform(X), .inverse_transform(X).") { args in
            .object(StandardScalerObject(scaler: try StandardScaler.fit(try args.matrix("X"))))
        },
        Builtin("one_hot", [.required("y"), .optional("n_classes", nil)],
                doc: "One row per class index with a 1 in its column (Keras's to_categorical); n_classes defaults to max + 1.") { args in
            let y = try args.ints("y")
            return .matrix(try oneHot(y, classes: try args.optionalInt("n_classes") ?? ((y.max() ?? -1) + 1)))
        },
        Builtin("argmax", [.required("P")], doc: "The column of each row's largest value (class indices from probabilities).") { args in
            let p = try args.matrix("P")
            guard p.cols > 0 else { throw ValueError.invalid("argmax: the matrix has no columns") }
            return .ints(argmax(p))
        },
        Builtin("take", [.required("x"), .required("indices")], doc: "The rows of a matrix, or items of a list, at indices.") { args in
            try take(args["x"], try args.ints("indices"), function: args.function)
        },
        Builtin("vstack", [.required("matrices")], doc: "The rows of several matrices (or FeatureTables) one after another, as numpy.vstack.") { args in
            let parts = try args.list("matrices").map { try $0.asMatrix() }
            guard let first = parts.first else { throw ValueError.invalid("vstack: give at least one matrix") }
            guard parts.allSatisfy({ $0.cols == first.cols }) else {
                throw ValueError.invalid("vstack: the matrices have different widths: \(parts.map { String($0.cols) }.joined(separator: ", "))")
            }
            return .matrix(Matrix(rows: parts.reduce(0) { $0 + $1.rows }, cols: first.cols, values: parts.flatMap(\.values)))
        },
        Builtin("smote", [.required("X"), .required("y"), .named("k_neighbors", 5), .named("seed", nil)],
                doc: "SMOTE oversampling of every class to the majority count: [X_resampled, y_resampled] (originals first).") { args in
            let labels = try args.labels("y")
            let (codes, classes) = labels.encoded
            let (x, y) = try smote(try args.matrix("X"), codes, k: try args.int("k_neighbors"), seed: try args.seedOrRandom("seed"))
            return .list([.matrix(x), classes.decoded(y).value])
        },
        Builtin("pca", [.required("X"), .optional("n_components", 2)],
                doc: "X projected on its first n_components principal components (scikit-learn's PCA.fit_transform).") { args in
            let x = try args.matrix("X")
            return .matrix(try PCA.fit(x, components: try args.int("n_components")).transform(x))
        },
        Builtin("pca_fit", [.required("X"), .optional("n_components", 2)],
                doc: "A PCA fitted on X: .transform(X), .components, .explained_variance_ratio, .mean.") { args in
            .object(PCAObject(pca: try PCA.fit(try args.matrix("X"), components: try args.int("n_components"))))
        },
    ]
}
