/// Something a model can read as input: a `Tensor`, or a `Matrix` of one sample per row.
public protocol TensorConvertible {
    /// The data as a tensor, batch first.
    var asTensor: Tensor { get }
}

extension Tensor: TensorConvertible {
    /// The tensor itself.
    public var asTensor: Tensor { self }
}

extension Matrix: TensorConvertible {
    /// The `[rows, cols]` tensor.
    public var asTensor: Tensor { Tensor(self) }
}

/// Something a model can read as targets: class indices `[Int]` or one-hot (or soft) rows in a `Matrix`.
public protocol TargetConvertible {
    /// The targets as one row of `classCount` values per sample.
    func targetRows(classCount: Int) throws -> Matrix
}

extension Array: TargetConvertible where Element == Int {
    /// One-hot rows of the class indices.
    public func targetRows(classCount: Int) throws -> Matrix {
        var rows = Matrix(rows: count, cols: classCount)
        for (i, label) in enumerated() {
            guard label >= 0 && label < classCount else {
                throw LearnError.invalidArgument("class index \(label) at row \(i) is outside 0..<\(classCount), the model's output width")
            }
            rows[i, label] = 1
        }
        return rows
    }
}

extension Matrix: TargetConvertible {
    /// The rows themselves, when they are as wide as the model's output.
    public func targetRows(classCount: Int) throws -> Matrix {
        guard cols == classCount else {
            throw LearnError.shapeMismatch(context: "Target rows", expected: "[\(rows), \(classCount)]", got: "\(shape)")
        }
        return self
    }
}

/// Held-out data evaluated at the end of every epoch.
public struct ValidationData {
    /// The inputs.
    public var x: Tensor
    /// Produces the target rows once the model's output width is known.
    let targets: (Int) throws -> Matrix

    /// Validation inputs and targets (class indices or one-hot rows).
    public init(_ x: some TensorConvertible, _ y: some TargetConvertible) {
        self.x = x.asTensor
        self.targets = { try y.targetRows(classCount: $0) }
    }
}

/// How much each class's samples count in the training loss.
public enum ClassWeight: Sendable, Equatable {
    /// scikit-learn's "balanced": n / (k · count_c), k the number of classes present.
    case balanced
    /// An explicit weight per class index; classes left out weigh 1.
    case weights([Int: Float])

    /// scikit-learn's balanced weights for the given class indices.
    public static func balanced(_ labels: [Int]) -> [Int: Float] {
        var counts: [Int: Int] = [:]
        for label in labels { counts[label, default: 0] += 1 }
        let n = Float(labels.count), k = Float(counts.count)
        return counts.mapValues { n / (k * Float($0)) }
    }

    /// One weight per sample for the given class indices.
    func sampleWeights(for labels: [Int]) -> [Float] {
        let table: [Int: Float]
        switch self {
        case .balanced: table = Self.balanced(labels)
        case let .weights(weights): table = weights
        }
        return labels.map { table[$0] ?? 1 }
    }
}
