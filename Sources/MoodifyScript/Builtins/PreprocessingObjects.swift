import MoodifyLearn

/// A fitted label encoder as scripts see it: `.classes`, `.transform(labels)`, `.inverse_transform(indices)`.
struct LabelEncoderObject: HostObject {
    /// The classes, sorted as scikit-learn sorts them.
    let encoder: LabelEncoder
    /// The codes of the labels it was fitted on (scikit-learn's `fit_transform` result; empty when read from a bundle).
    let codes: [Int]

    var typeName: String { "LabelEncoder" }
    var summary: String { "LabelEncoder of \(encoder.classes.count) classes: \(encoder.classes.joined(separator: ", "))" }
    var propertyNames: [String] { ["classes", "codes"] }

    func property(_ name: String) throws -> Value? {
        switch name {
        case "classes": .strings(encoder.classes)
        case "codes": .ints(codes)
        default: nil
        }
    }

    var methods: [Builtin] {
        [
            Builtin("transform", [.required("labels")], doc: "The class index of each label.") { args in
                .ints(try encoder.transform(try args.strings("labels")))
            },
            Builtin("inverse_transform", [.required("indices")], doc: "The label of each class index.") { args in
                .strings(try encoder.inverse(try args.ints("indices")))
            },
        ]
    }

    var length: Int? { encoder.classes.count }
    var elements: [Value]? { encoder.classes.map { .string($0) } }
}

/// A fitted standard scaler as scripts see it: `.mean`, `.scale`, `.transform(X)`, `.inverse_transform(X)`.
struct StandardScalerObject: HostObject {
    /// The per-column mean and scale.
    let scaler: StandardScaler

    var typeName: String { "StandardScaler" }
    var summary: String { "StandardScaler of \(scaler.mean.count) features" }
    var propertyNames: [String] { ["mean", "n_features", "scale"] }

    func property(_ name: String) throws -> Value? {
        switch name {
        case "mean": .floats(scaler.mean)
        case "scale": .floats(scaler.scale)
        case "n_features": .number(Double(scaler.mean.count))
        default: nil
        }
    }

    var methods: [Builtin] {
        [
            Builtin("transform", [.required("X")], doc: "X standardised column by column: (X − mean) / scale.") { args in
                .matrix(try scaler.transform(try args.matrix("X")))
            },
            Builtin("inverse_transform", [.required("X")], doc: "Undoes transform: X · scale + mean.") { args in
                .matrix(try scaler.inverseTransform(try args.matrix("X")))
            },
        ]
    }
}

/// A fitted PCA as scripts see it: `.transform(X)`, `.components`, `.explained_variance_ratio`.
struct PCAObject: HostObject {
    /// The mean and the principal directions.
    let pca: PCA

    var typeName: String { "PCA" }

    var summary: String {
        let share = pca.explainedVarianceRatio.reduce(0, +)
        return "PCA of \(pca.components.rows) components over \(pca.mean.count) features (\(Display.float(share)) of the variance)"
    }

    var propertyNames: [String] { ["components", "explained_variance", "explained_variance_ratio", "mean"] }

    func property(_ name: String) throws -> Value? {
        switch name {
        case "components": .matrix(pca.components)
        case "explained_variance": .floats(pca.explainedVariance)
        case "explained_variance_ratio": .floats(pca.explainedVarianceRatio)
        case "mean": .floats(pca.mean)
        default: nil
        }
    }

    var methods: [Builtin] {
        [Builtin("transform", [.required("X")], doc: "The coordinates of X's rows along the components.") { args in
            .matrix(try pca.transform(try args.matrix("X")))
        }]
    }
}
