import Foundation
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn

/// A trained model bundle ready to classify clips: feature set, scaler, class labels and network in one, or an
/// ensemble of several networks, each with its own feature set and scaler.
///
/// `predict` resamples to 22,050 Hz, keeps the first 30 s, trims silence 30 dB below the peak, computes the
/// bundle's feature set, standardises it with the bundle's scaler and runs the network. An ensemble computes each
/// member's feature set from the same audio (a set two members share once), runs each member on its own standardised
/// features and takes the weighted mean of their probabilities. Bundles whose metadata has `augment-average` = "true"
/// average the scaled features of the clip's four augmented versions first, as the method 2 notebook predicted.
/// Bundles whose metadata has a `temperature` rescale the (averaged) probabilities by it, softmax(log p / T) as
/// `temperatureScaled` does, which for one network is dividing its logits by T (temperature scaling, fitted on
/// out-of-fold probabilities) so that the probabilities are calibrated.
public final class EmotionClassifier: Sendable {
    /// What the classifier was made from: one network bundle, or an ensemble.
    public let bundle: BundleContents
    /// The class names in the network's output order.
    public let classes: [String]
    /// The name of the feature set the network reads, e.g. "method2"; an ensemble's sets joined by "+" in member order
    /// ("logmel_frames+method3").
    public let featureSet: String
    /// The networks: what each reads and its share of the mean (one member for a single-network bundle).
    public let members: [ClassifierMember]
    /// Whether predictions average the scaled features of the clip's four augmented versions.
    public let averagesAugmentations: Bool
    /// The temperature the probabilities are rescaled by (1 when the bundle names none).
    public let temperature: Double

    /// The longest stretch of a clip that is analysed, in seconds; longer clips are cut.
    public static let maximumDuration = 30.0
    /// The metadata key that asks for method 2's averaged augmented features.
    public static let augmentAverageKey = "augment-average"
    /// The metadata key of the calibration temperature (a positive number).
    public static let temperatureKey = "temperature"
    /// The peak amplitude (−60 dBFS) below which a clip counts as silence.
    static let silencePeak: Float = 0.001
    /// The seed of the noise augmentation when averaging, so a clip always gets the same prediction.
    static let augmentationSeed: UInt64 = 42

    /// The networks with their feature sets and scalers, in member order.
    private let networks: [ClassifierNetwork]

    /// A classifier from a one-network bundle, checking that its feature set, scaler, network input and labels agree.
    public convenience init(bundle: ModelBundle) throws {
        try self.init(contents: .network(bundle))
    }

    /// A classifier from an ensemble bundle, checking every member as a one-network bundle is checked.
    public convenience init(ensemble: EnsembleBundle) throws {
        try self.init(contents: .ensemble(ensemble))
    }

    /// A classifier from either kind of bundle.
    public init(contents: BundleContents) throws {
        guard let labels = contents.labels, !labels.isEmpty else { throw ClassifierError.invalidBundle("it holds no class labels") }
        guard Set(labels).count == labels.count else { throw ClassifierError.invalidBundle("its class labels \(labels) repeat a name") }
        let members = contents.members
        let total = members.map(\.weight).reduce(0, +)
        networks = try members.enumerated().map { index, member in
            try ClassifierNetwork(member, share: member.weight / total, classes: labels.count,
                                  which: members.count == 1 ? "the network" : "member \(index + 1)'s network")
        }
        var temperature = 1.0
        if let text = contents.metadata[Self.temperatureKey] {
            guard let value = Double(text), value > 0, value.isFinite else {
                throw ClassifierError.invalidBundle("its temperature \"\(text)\" is not a positive number")
            }
            temperature = value
        }
        self.temperature = temperature
        self.bundle = contents
        self.classes = labels
        self.members = networks.map(\.description)
        self.featureSet = self.members.map(\.featureSet).joined(separator: "+")
        self.averagesAugmentations = contents.metadata[Self.augmentAverageKey] == "true"
    }

    /// A classifier from a bundle file of either kind.
    public convenience init(contentsOf path: String) throws {
        let contents: BundleContents
        do {
            contents = try BundleContents.load(from: URL(fileURLWithPath: path))
        } catch let error as BundleError {
            throw ClassifierError.bundle(error)
        }
        try self.init(contents: contents)
    }

    /// Whether the bundle is an ensemble of several networks.
    public var isEnsemble: Bool { networks.count > 1 }

    /// The emotion in a clip at any sample rate.
    public func predict(_ audio: AudioBuffer) throws -> Prediction {
        let rate = FeatureSet.sampleRate
        if let bad = audio.samples.firstIndex(where: { !$0.isFinite }) {
            throw ClassifierError.features(.nonFiniteSample(index: bad, value: audio.samples[bad]))
        }
        guard audio.sampleRate > 0 else { throw ClassifierError.features(.invalidSampleRate(audio.sampleRate)) }
        var samples = audio.sampleRate == rate
            ? audio.samples : Resampler.resample(audio.samples, from: Double(audio.sampleRate), to: Double(rate))
        let limit = Int(Self.maximumDuration) * rate
        let truncated = samples.count > limit
        if truncated { samples.removeLast(samples.count - limit) }
        // Trimming is relative to the loudest frame, so digital silence would survive it whole: a clip whose peak is
        // below −60 dBFS holds no sound.
        let peak = samples.reduce(Float(0)) { max($0, abs($1)) }
        let trimmed = peak < Self.silencePeak ? [] : trim(samples, topDB: 30).samples
        let speech = Double(trimmed.count) / Double(rate)
        guard speech >= ClassifierError.minimumSpeech else { throw ClassifierError.noSpeech(seconds: speech) }
        let memberRows: [Matrix]
        do {
            let clip = AudioBuffer(samples: samples, sampleRate: rate)
            var rowsBySet: [String: Matrix] = [:]
            for network in networks where rowsBySet[network.features.name] == nil {
                rowsBySet[network.features.name] = Matrix(rowArrays: try featureRows(clip, trimmed: trimmed, network.features))
            }
            memberRows = networks.map { rowsBySet[$0.features.name]! }
        } catch {
            throw ClassifierError.features(error)
        }
        return Prediction(classes: classes, probabilities: try probabilities(memberRows: memberRows), duration: audio.duration,
                          analysedDuration: speech, truncated: truncated)
    }

    /// The class probabilities for one clip's unscaled feature rows, as `predict` computes them for a one-network
    /// bundle: the row (or the mean of its augmented versions' rows, each standardised) through the network, rescaled
    /// by the temperature. An ensemble reads several feature sets: use `probabilities(memberRows:)`.
    public func probabilities(featureRows: Matrix) throws -> [Double] {
        guard !isEnsemble else {
            throw ClassifierError.featureSetMismatch(featureSet: featureSet,
                                                     reason: "an ensemble reads one set of feature rows per member, not one for all")
        }
        return try probabilities(memberRows: [featureRows])
    }

    /// The class probabilities for one clip, given its unscaled feature rows for each member in member order: the
    /// weighted mean of the members' probabilities, rescaled by the temperature.
    public func probabilities(memberRows: [Matrix]) throws -> [Double] {
        guard memberRows.count == networks.count else {
            throw ClassifierError.featureSetMismatch(featureSet: featureSet,
                                                     reason: "the bundle has \(networks.count) networks but was given \(memberRows.count) sets of rows")
        }
        var mean = [Double](repeating: 0, count: classes.count)
        for (network, rows) in zip(networks, memberRows) {
            for (c, p) in try network.probabilities(rows).enumerated() { mean[c] += network.description.weight * Double(p) }
        }
        let averaged = Matrix(rows: 1, cols: mean.count, values: mean.map { Float($0) })
        do {
            let scaled = temperature == 1 ? averaged : try temperatureScaled(averaged, temperature: temperature)
            return scaled.values.map(Double.init)
        } catch let error as LearnError {
            throw ClassifierError.inference(error.description)
        }
    }

    /// The emotion in an audio file (WAV, FLAC, OGG or MP3).
    public func predict(file path: String) throws -> Prediction {
        try predict(decoding: { try AudioBuffer(contentsOf: path, sampleRate: nil) })
    }

    /// The emotion in encoded audio bytes in memory (a web upload); `name` appears in errors.
    public func predict(data: Data, name: String = "the uploaded audio") throws -> Prediction {
        try predict(decoding: { try AudioBuffer(data: data, sampleRate: nil, name: name) })
    }

    /// Decodes with `decode`, wrapping its errors, and predicts.
    private func predict(decoding decode: () throws -> AudioBuffer) throws -> Prediction {
        let audio: AudioBuffer
        do {
            audio = try decode()
        } catch let error as AudioError {
            throw ClassifierError.audio(error)
        }
        return try predict(audio)
    }

    /// The clip's feature vector in `set` (trimmed once for every set), or the vectors of its four augmented versions.
    private func featureRows(_ audio: AudioBuffer, trimmed: [Float], _ set: FeatureSet) throws(FeatureError) -> [[Float]] {
        guard averagesAugmentations else { return [try set.vector(samples: audio.samples, trimmed: trimmed)] }
        var rng = SeededGenerator(seed: Self.augmentationSeed)
        return try set.rows(for: audio, augment: true, using: &rng)
    }
}
