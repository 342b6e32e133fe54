import MoodifyDSP
import MoodifyLearn
import Synchronization

/// One network of a classifier as users see it: what it reads and how much it counts.
public struct ClassifierMember: Sendable, Equatable {
    /// The feature set the network reads, e.g. "method3".
    public let featureSet: String
    /// The set's parameters as the bundle recorded them, or the set's own description (key "parameters") when it
    /// recorded none.
    public let featureParameters: [String: String]
    /// The per-sample input shape.
    public let inputShape: [Int]
    /// The number of weights.
    public let parameterCount: Int
    /// The member's share of the mean of the probabilities (the shares sum to 1).
    public let weight: Double

    /// A member description from all its fields.
    public init(featureSet: String, featureParameters: [String: String], inputShape: [Int], parameterCount: Int, weight: Double) {
        self.featureSet = featureSet
        self.featureParameters = featureParameters
        self.inputShape = inputShape
        self.parameterCount = parameterCount
        self.weight = weight
    }
}

/// A classifier's network with its feature set and scaler; `Sequential` keeps per-call state, so one prediction runs
/// at a time through each.
final class ClassifierNetwork: Sendable {
    /// The feature set the network reads.
    let features: FeatureSet
    /// The scaler of its inputs.
    let scaler: StandardScaler
    /// The network.
    let model: Mutex<Sequential>
    /// What users see of it.
    let description: ClassifierMember

    /// The network of `member`, checked against its feature set, its scaler and `classes`; `which` names it in errors
    /// ("the network", "member 2's network").
    init(_ member: EnsembleBundle.Member, share: Double, classes: Int, which: String) throws {
        let bundle = member.network
        guard let name = bundle.featureSet else { throw ClassifierError.invalidBundle("\(which) names no feature set") }
        let set: FeatureSet
        do {
            set = try FeatureSet.named(name)
        } catch {
            throw ClassifierError.featureSetMismatch(featureSet: name, reason: "this Moodify does not know it (\(error.description))")
        }
        let width = set.columns.count
        guard let mean = bundle.scalerMean, let scale = bundle.scalerScale else {
            throw ClassifierError.invalidBundle("\(which) has no scaler mean and scale")
        }
        guard mean.count == width else {
            throw ClassifierError.featureSetMismatch(featureSet: name, reason: "the set has \(width) values but \(which)'s scaler \(mean.count)")
        }
        guard bundle.inputShape.reduce(1, *) == width else {
            throw ClassifierError.featureSetMismatch(featureSet: name,
                                                     reason: "the set has \(width) values but \(which) reads input shape \(bundle.inputShape)")
        }
        let network: Sequential
        do {
            network = try bundle.makeModel()
        } catch let error as BundleError {
            throw ClassifierError.bundle(error)
        }
        guard network.outputWidth == classes else {
            throw ClassifierError.invalidBundle("\(which) has \(network.outputWidth ?? 0) outputs but the bundle names \(classes) classes")
        }
        features = set
        scaler = StandardScaler(mean: mean, scale: scale)
        description = ClassifierMember(featureSet: name,
                                       featureParameters: bundle.featureParameters.isEmpty ? ["parameters": set.parameters] : bundle.featureParameters,
                                       inputShape: bundle.inputShape, parameterCount: network.parameterCount, weight: share)
        model = Mutex(network)
    }

    /// The network's output for a clip's unscaled feature rows: the row, or the mean of its augmented versions' rows,
    /// each standardised.
    func probabilities(_ rows: Matrix) throws -> [Float] {
        guard rows.rows > 0, rows.cols == scaler.mean.count else {
            throw ClassifierError.featureSetMismatch(featureSet: features.name,
                                                     reason: "the network reads \(scaler.mean.count) values but was given \(rows.rows) rows of \(rows.cols)")
        }
        let scaled = try scaler.transform(rows)
        var row = scaled
        if scaled.rows > 1 {
            var mean = [Float](repeating: 0, count: scaled.cols)
            for r in 0..<scaled.rows {
                for (c, x) in scaled.row(r).enumerated() { mean[c] += x }
            }
            row = Matrix(rows: 1, cols: scaled.cols, values: mean.map { $0 / Float(scaled.rows) })
        }
        do {
            return try model.withLock { try $0.predict(row) }.values
        } catch let error as LearnError {
            throw ClassifierError.inference(error.description)
        }
    }
}
