import MoodifyAudio

/// A named, documented list of per-clip features, computed exactly as the original notebooks computed them.
public struct FeatureSet: Sendable, Hashable {
    /// The set's name, as scripts and caches refer to it ("method1", "method2", "mfcc40", "prosody", "method3", "speech_stats", "logmel_frames", …).
    public let name: String
    /// One name per value of the vector, in order (e.g. "mfcc_mean_01").
    public let columns: [String]
    /// A canonical description of everything that determines the values, for cache keys.
    public let parameters: String
    /// Which computation the set runs.
    let recipe: Recipe
    /// Whether leading and trailing silence (30 dB below the loudest frame) is cut before measuring. The original
    /// trimmed in method 1 only; "method2" trims too (kept so for its caches and models), "mfcc40" does not.
    public let trims: Bool

    /// The computations behind the named sets.
    enum Recipe: Sendable, Hashable { case method1, method2, mfcc40, prosody, method3, speechStats, logmelFrames(LogMelFrames.Layout) }

    /// Sample rate the notebooks load audio at; other rates are resampled to it first (soxr HQ, as `load`).
    public static let sampleRate = 22050

    /// Every known set, by name.
    public static let all: [FeatureSet] = [.method1, .method2, .mfcc40, .prosody, .method3, .speechStats, .logmelFrames,
                                           .logmelEnvProsodyFrames]

    /// The set called `name`.
    public static func named(_ name: String) throws(FeatureError) -> FeatureSet {
        guard let set = all.first(where: { $0.name == name }) else {
            throw .unknownSet(name: name, known: all.map(\.name))
        }
        return set
    }

    /// One clip's feature vector: the audio (resampled to 22,050 Hz if needed) is trimmed at 30 dB when the set
    /// `trims`, then measured.
    public func vector(for audio: AudioBuffer) throws(FeatureError) -> [Float] {
        try vector(forTrimmed: try samples(audio))
    }

    /// One clip's vector from its samples at 22,050 Hz (checked as `vector(for:)` checks them) and the same samples
    /// trimmed at 30 dB, for callers that measure several sets of one clip and trim it once.
    public func vector(samples: [Float], trimmed: [Float]) throws(FeatureError) -> [Float] {
        try vector(forTrimmed: trims ? trimmed : samples)
    }

    /// The training rows for one clip: without `augment` the clip's vector alone; with it, the vectors of the
    /// clip, the clip plus 0.005·N(0,1) noise drawn from `rng`, the clip shifted up 2 semitones and the clip
    /// stretched by 0.8 (the augmentations apply to the clip as measured: trimmed when the set `trims`).
    public func rows(for audio: AudioBuffer, augment: Bool,
                     using rng: inout some RandomNumberGenerator) throws(FeatureError) -> [[Float]] {
        let y = try samples(audio)
        guard augment else { return [try vector(forTrimmed: y)] }
        switch recipe {
        case .method1, .mfcc40, .prosody, .method3, .speechStats, .logmelFrames:
            var rows = [[Float]]()
            for variant in Augmentation.variants(of: y, sampleRate: Double(Self.sampleRate), using: &rng) {
                rows.append(try vector(forTrimmed: variant))
            }
            return rows
        case .method2: return Method2.augmentedRows(y, sampleRate: Double(Self.sampleRate), using: &rng)
        }
    }

    /// The vector of samples that are already at 22,050 Hz and trimmed if the set `trims`.
    func vector(forTrimmed y: [Float]) throws(FeatureError) -> [Float] {
        let sr = Double(Self.sampleRate)
        switch recipe {
        case .method1: return try Method1.vector(y, sampleRate: sr)
        case .method2: return Method2.vector(y, sampleRate: sr)
        case .mfcc40: return MFCC40.vector(y, sampleRate: sr)
        case .prosody: return Prosody.vector(y, sampleRate: sr)
        case .method3: return try Method3.vector(y, sampleRate: sr)
        case .speechStats: return SpeechStats.vector(y, sampleRate: sr)
        case .logmelFrames(let layout): return LogMelFrames.vector(y, sampleRate: sr, layout: layout)
        }
    }

    /// `audio` as this set measures it: at 22,050 Hz, and trimmed when the set `trims`.
    func samples(_ audio: AudioBuffer) throws(FeatureError) -> [Float] {
        trims ? try Self.trimmedSamples(audio) : try Self.checkedSamples(audio)
    }

    /// `audio` at 22,050 Hz with leading and trailing silence (30 dB below the loudest frame) removed.
    static func trimmedSamples(_ audio: AudioBuffer) throws(FeatureError) -> [Float] {
        trim(try checkedSamples(audio), topDB: 30).samples
    }

    /// `audio` at 22,050 Hz, after checking that it is non-empty, finite and has a valid rate.
    static func checkedSamples(_ audio: AudioBuffer) throws(FeatureError) -> [Float] {
        guard audio.sampleRate > 0 else { throw .invalidSampleRate(audio.sampleRate) }
        guard !audio.samples.isEmpty else { throw .emptyAudio }
        if let bad = audio.samples.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteSample(index: bad, value: audio.samples[bad])
        }
        var y = audio.samples
        if audio.sampleRate != sampleRate {
            y = Resampler.resample(y, from: Double(audio.sampleRate), to: Double(sampleRate))
        }
        return y
    }
}

/// The augmentations of the method 2 notebook.
public enum Augmentation {
    /// The clip, the clip plus 0.005·N(0,1) noise, pitch shifted by +2 semitones, time stretched by 0.8.
    public static func variants(of y: [Float], sampleRate: Double,
                                using rng: inout some RandomNumberGenerator) -> [[Float]] {
        // Both effects start from the same STFT of the clip.
        let polar = PolarFrames(STFTAnalyzer(y, nFFT: 2048, hopLength: 512))
        return [y, addNoise(y, amount: 0.005, using: &rng), pitchShift(polar, count: y.count, sr: sampleRate, steps: 2),
                timeStretch(polar, count: y.count, rate: 0.8)]
    }
}
