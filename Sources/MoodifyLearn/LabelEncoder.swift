/// Maps string labels to class codes `0..<classes.count` in sorted order, as scikit-learn's `LabelEncoder`.
public struct LabelEncoder: Sendable, Codable, Equatable {
    /// The distinct labels in code-point order; a label's code is its index here.
    public var classes: [String]

    /// An encoder over known classes, e.g. read back from a model bundle.
    public init(classes: [String]) {
        self.classes = classes
    }

    /// Learns the distinct labels, sorted by Unicode code points as NumPy sorts strings.
    public static func fit(_ labels: [String]) -> LabelEncoder {
        let distinct = Array(Set(labels))
        return LabelEncoder(classes: distinct.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
    }

    /// Fits on `labels` and returns the encoder with their codes.
    public static func fitTransform(_ labels: [String]) -> (encoder: LabelEncoder, codes: [Int]) {
        let encoder = fit(labels)
        let index = encoder.codeTable
        return (encoder, labels.map { index[$0]! })
    }

    /// The code of each label; throws when a label was not seen by `fit`.
    public func transform(_ labels: [String]) throws -> [Int] {
        let index = codeTable
        var codes = [Int]()
        codes.reserveCapacity(labels.count)
        var unseen = [String]()
        for label in labels {
            if let code = index[label] { codes.append(code) } else if !unseen.contains(label) { unseen.append(label) }
        }
        guard unseen.isEmpty else { throw PreprocessingError.unseenLabels(unseen) }
        return codes
    }

    /// The label of each code; throws when a code is outside `0..<classes.count`.
    public func inverse(_ codes: [Int]) throws -> [String] {
        try codes.map { code in
            guard classes.indices.contains(code) else { throw PreprocessingError.codeOutOfRange(code: code, classes: classes.count) }
            return classes[code]
        }
    }

    private var codeTable: [String: Int] {
        Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    }
}
