import Dispatch
import Foundation
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn
import Synchronization

/// Computes a feature set over a corpus: clips in parallel on a fixed number of workers, rows in corpus order,
/// from the cache when it holds them; a clip that cannot be decoded or analysed is skipped with its reason.
///
/// With `augment`, each clip gives four rows as the method 2 notebook made them (the clip, + 0.005·N(0,1) noise,
/// pitch +2 semitones, time stretch 0.8); the noise of a clip is seeded from `seed` and the clip's content, so a
/// clip's rows do not depend on which other clips are extracted with it.
public struct FeatureExtractor: Sendable {
    /// The features computed for each clip.
    public var featureSet: FeatureSet
    /// Whether each clip gives its four augmented versions.
    public var augment: Bool
    /// The seed of the augmentation noise.
    public var seed: UInt64
    /// Where rows are looked up and stored; nil computes every clip.
    public var cache: FeatureCache?
    /// The number of clips analysed at once.
    public var workers: Int
    /// Whether a progress bar is drawn (on standard error, and only when it is a terminal).
    public var showsProgress: Bool
    /// A change applied to every clip after decoding, to measure robustness; nil analyses the clips as they are.
    public var degradation: Degradation?

    /// An extractor with the notebooks' defaults: no augmentation, seed 42, the default cache, one worker per active core.
    public init(featureSet: FeatureSet, augment: Bool = false, seed: UInt64 = 42, cache: FeatureCache? = FeatureCache(),
                workers: Int = ProcessInfo.processInfo.activeProcessorCount, showsProgress: Bool = true,
                degradation: Degradation? = nil) {
        self.featureSet = featureSet
        self.augment = augment
        self.seed = seed
        self.cache = cache
        self.workers = max(1, workers)
        self.showsProgress = showsProgress
        self.degradation = degradation
    }

    /// What became of one clip.
    private enum Outcome: Sendable {
        case rows([[Float]], cached: Bool)
        case failed(String)
    }

    /// The feature table of every clip of `corpus`, in corpus order.
    public func extract(_ corpus: Corpus) -> FeatureTable {
        let clips = corpus.clips
        let progress = ProgressBar(title: featureSet.name + (augment ? " (augmented)" : "") + (degradation.map { " (\($0))" } ?? ""), total: clips.count,
                                   enabled: showsProgress && isatty(STDERR_FILENO) != 0)
        let outcomes = Mutex([Outcome?](repeating: nil, count: clips.count))
        let next = Atomic(0)
        let extractor = self
        // Each worker is one long-lived thread taking the next clip; FFT plans, windows and filter banks are made once
        // per process and shared, scratch buffers are reused within each clip's analysis.
        DispatchQueue.concurrentPerform(iterations: min(workers, max(clips.count, 1))) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < clips.count else { return }
                let outcome = extractor.outcome(for: clips[index].path)
                outcomes.withLock { $0[index] = outcome }
                progress.advance()
            }
        }
        return table(corpus: corpus, outcomes: outcomes.withLock { $0 })
    }

    /// The rows of the clip at `path`, from the cache or computed (and then stored).
    private func outcome(for path: String) -> Outcome {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return .failed("\(path) could not be read: \((error as NSError).localizedDescription).")
        }
        let hash = FeatureCache.contentHash(of: bytes)
        let key = FeatureCache.key(contentHash: hash, featureSet: featureSet, augment: augment, seed: seed,
                                   degradation: degradation?.cacheKey)
        if let cache, let rows = cache.rows(forKey: key, featureSet: featureSet) { return .rows(rows, cached: true) }
        do {
            var rng = SeededGenerator(seed: Self.clipSeed(seed, contentHash: hash))
            let audio = try decode(bytes, path: path, using: &rng)
            let rows = try featureSet.rows(for: audio, augment: augment, using: &rng)
            // A cache that cannot be written costs time on the next run, nothing else.
            try? cache?.store(rows, forKey: key, featureSet: featureSet)
            return .rows(rows, cached: false)
        } catch let error as FeatureError {
            return .failed("\(path): \(error.description)")
        } catch {
            return .failed("\(error)")
        }
    }

    /// The clip at 22,050 Hz, changed by the degradation if there is one (a change of recording rate applies at the
    /// file's own rate, the feature set then resamples; the others apply at 22,050 Hz).
    private func decode(_ bytes: Data, path: String, using rng: inout SeededGenerator) throws -> AudioBuffer {
        guard let degradation else { return try AudioBuffer(data: bytes, sampleRate: FeatureSet.sampleRate, name: path) }
        var degradationRNG = SeededGenerator(seed: rng.next())
        if case .resampled = degradation {
            return degradation.apply(to: try AudioBuffer(data: bytes, sampleRate: nil, name: path), using: &degradationRNG)
        }
        return degradation.apply(to: try AudioBuffer(data: bytes, sampleRate: FeatureSet.sampleRate, name: path),
                                 using: &degradationRNG)
    }

    /// The noise seed of one clip: `seed` mixed with the first 16 hex digits of the clip's content hash.
    static func clipSeed(_ seed: UInt64, contentHash: String) -> UInt64 {
        seed ^ (UInt64(contentHash.prefix(16), radix: 16) ?? 0)
    }

    /// The outcomes, in corpus order, gathered into a table.
    private func table(corpus: Corpus, outcomes: [Outcome?]) -> FeatureTable {
        var values = [Float]()
        var table = FeatureTable(featureSet: featureSet.name, columns: featureSet.columns,
                                 X: Matrix(rows: 0, cols: featureSet.columns.count), labels: [], speakers: [], files: [],
                                 clips: [], variants: [], augmented: augment, skipped: [], cachedClips: 0)
        for (index, (clip, outcome)) in zip(corpus.clips, outcomes).enumerated() {
            switch outcome! {
            case .failed(let reason):
                table.skipped.append(FeatureTable.SkippedClip(file: clip.path, reason: reason))
            case .rows(let rows, let cached):
                if cached { table.cachedClips += 1 }
                for (variant, row) in rows.enumerated() {
                    values += row
                    table.labels.append(clip.emotion)
                    table.speakers.append(clip.speaker)
                    table.files.append(clip.path)
                    table.clips.append(index)
                    table.variants.append(variant)
                }
            }
        }
        table.X = Matrix(rows: table.labels.count, cols: featureSet.columns.count, values: values)
        return table
    }
}
