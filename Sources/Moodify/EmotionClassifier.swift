import Foundation
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn
import Synchronization

/// A trained model bundle ready to classify clips: feature set, scaler, class labels and network in one.
///
/// `predict` resamples to 22,050 Hz, keeps the first 30 s, trims silence 30 dB below the peak, computes the
/// bundle's feature set, standardises it with the bundle's scaler and runs the network. Bundles whose metadata
/// has `augment-average` = "true" average the scaled features of the clip's four augmented versions first,
/// as the method 2 notebook predicted. Bundles whose metadata has a `temperature` divide the network's logits by it
/// (temperature scaling, fitted on out-of-fold probabilities) so that the probabilities are calibrated.
public final class EmotionClassifier: Sendable {
    /// The bundle the classifier was made from (architecture, weights, scaler, labels, metadata).
    public let bundle: ModelBundle
    /// The class names in the network's output order.
    public let classes: [String]
    /// The name of the feature set the network reads, e.g. "method2".
    public let featureSet: String
    /// Whether predictions average the scaled features of the clip's four augmented versions.
    public let averagesAugmentations: Bool
    /// The temperature the network's probabilities are rescaled by (1 when the bundle names none).
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

    private let features: FeatureSet
    private let scaler: StandardScaler
    /// The network; `Sequential` keeps per-call state, so one prediction runs at a time.
    private let model: Mutex<Sequential>

    /// A classifier from a bundle, checking that its feature set, scaler, network input and labels agree.
    public init(bundle: ModelBundle) throws {
        guard let name = bundle.featureSet else { throw ClassifierError.invalidBundle("it names no feature set") }
        let set: FeatureSet
        do {
            set = try FeatureSet.named(name)
        } catch {
            throw ClassifierError.featureSetMismatch(featureSet: name, reason: "this Moodify does not know it (\(error.description))")
        }
        let width = set.columns.count
        guard let mean = bundle.scalerMean, let scale = bundle.scalerScale else {
            throw ClassifierError.invalidBundle("it holds no scaler mean and scale")
        }
        guard mean.count == width else {
            throw ClassifierError.featureSetMismatch(featureSet: name, reason: "the set has \(width) values but the scaler \(mean.count)")
        }
        guard bundle.inputShape.reduce(1, *) == width else {
            throw ClassifierError.featureSetMismatch(featureSet: name,
                                                     reason: "the set has \(width) values but the network reads input shape \(bundle.inputShape)")
        }
        guard let labels = bundle.labels, !labels.isEmpty else { throw ClassifierError.invalidBundle("it holds no class labels") }
        guard Set(labels).count == labels.count else { throw ClassifierError.invalidBundle("its class labels \(labels) repeat a name") }
        let network: Sequential
        do {
            network = try bundle.makeModel()
        } catch let error as BundleError {
            throw ClassifierError.bundle(error)
        }
        guard network.outputWidth == labels.count else {
            throw ClassifierError.invalidBundle("the network has \(network.outputWidth ?? 0) outputs but the bundle names \(labels.count) classes")
        }
        var temperature = 1.0
        if let text = bundle.metadata[Self.temperatureKey] {
            guard let value = Double(text), value > 0, value.isFinite else {
                throw ClassifierError.invalidBundle("its temperature \"\(text)\" is not a positive number")
            }
            temperature = value
        }
        self.temperature = temperature
        self.bundle = bundle
        self.classes = labels
        self.featureSet = name
        self.averagesAugmentations = bundle.metadata[Self.augmentAverageKey] == "true"
        self.features = set
        self.scaler = StandardScaler(mean: mean, scale: scale)
        self.model = Mutex(network)
    }

    /// A classifier from a bundle file.
    public convenience init(contentsOf path: String) throws {
        let bundle: ModelBundle
        do {
            bundle = try ModelBundle.load(from: URL(fileURLWithPath: path))
        } catch let error as BundleError {
            throw ClassifierError.bundle(error)
        }
        try self.init(bundle: bundle)
    }

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
        let speech = peak < Self.silencePeak ? 0 : Double(trim(samples, topDB: 30).samples.count) / Double(rate)
        guard speech >= ClassifierError.minimumSpeech else { throw ClassifierError.noSpeech(seconds: speech) }
        let rows: [[Float]]
        do {
            rows = try featureRows(AudioBuffer(samples: samples, sampleRate: rate))
        } catch {
            throw ClassifierError.features(error)
        }
        return Prediction(classes: classes, probabilities: try probabilities(featureRows: Matrix(rowArrays: rows)), duration: audio.duration,
                          analysedDuration: speech, truncated: truncated)
    }

    /// The class probabilities for one clip's unscaled feature rows, as `predict` computes them: the row (or the mean
    /// of its augmented versions' rows, each standardised) through the network, rescaled by the temperature.
    public func probabilities(featureRows: Matrix) throws -> [Double] {
        guard featureRows.rows > 0, featureRows.cols == scaler.mean.count else {
            throw ClassifierError.featureSetMismatch(featureSet: featureSet,
                                                     reason: "the network reads \(scaler.mean.count) values but was given \(featureRows.rows) rows of \(featureRows.cols)")
        }
        let row = try scaledRow(featureRows)
        do {
            let output = try model.withLock { try $0.predict(row) }
            let scaled = temperature == 1 ? output : try temperatureScaled(output, temperature: temperature)
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

    /// The clip's feature vector, or the vectors of its four augmented versions.
    private func featureRows(_ audio: AudioBuffer) throws(FeatureError) -> [[Float]] {
        guard averagesAugmentations else { return [try features.vector(for: audio)] }
        var rng = SeededGenerator(seed: Self.augmentationSeed)
        return try features.rows(for: audio, augment: true, using: &rng)
    }

    /// The network's input row for a clip's feature rows: its standardised features, or the mean of its augmented
    /// versions' standardised features.
    private func scaledRow(_ rows: Matrix) throws -> Matrix {
        let scaled = try scaler.transform(rows)
        guard scaled.rows > 1 else { return scaled }
        var mean = [Float](repeating: 0, count: scaled.cols)
        for r in 0..<scaled.rows {
            for (c, x) in scaled.row(r).enumerated() { mean[c] += x }
        }
        return Matrix(rows: 1, cols: scaled.cols, values: mean.map { $0 / Float(scaled.rows) })
    }
}
