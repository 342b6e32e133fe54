import Foundation
import MoodifyAudio
import Testing
@testable import MoodifyDSP

/// librosa's outputs for the "mfcc40", "prosody" and "method3" sets (Golden/method3.json, Scripts/goldens_method3.py).
struct Method3Golden: Decodable {
    /// One clip's "mfcc40" vector (untrimmed).
    struct Vector: Decodable { var file: String; var vector: [Double] }
    /// One trimmed clip's `librosa.yin(fmin=65, fmax=500)`.
    struct Pitch: Decodable { var file: String; var f0: [Double] }
    /// One trimmed clip's MFCC deltas (width 9), order 1 and 2.
    struct Deltas: Decodable { var file: String; var delta: MatrixSummary; var delta2: MatrixSummary }
    var mfcc40: [Vector]
    var yin: [Pitch]
    var delta: [Deltas]
}

/// Parity of the method 3 building blocks with librosa on real clips.
@Suite(.enabled(if: TestCorpus.available, "needs ../shared/corpus/crema-d-dev (or MOODIFY_AUDIO)"))
struct Method3ParityTests {
    let golden: Method3Golden

    init() throws { golden = try Golden.load(Method3Golden.self, "method3.json") }

    /// The clip `name` at 22,050 Hz, trimmed as the trimming sets measure it.
    func trimmed(_ name: String) throws -> [Float] {
        try FeatureSet.trimmedSamples(AudioBuffer(contentsOf: TestCorpus.clip(name), sampleRate: 22050))
    }

    /// Per column, |ours − librosa| ≤ 1 % of that column's spread across the 32 clips (the bar of the method 1 and 2
    /// parity tests), which also shows that "mfcc40" does not trim: trimming moves the means by whole spreads.
    @Test func mfcc40MatchesLibrosaUntrimmed() throws {
        #expect(golden.mfcc40.count >= 30)
        let ours = try golden.mfcc40.map { try FeatureSet.mfcc40.vector(for: AudioBuffer(contentsOf: TestCorpus.clip($0.file), sampleRate: 22050)) }
        for c in FeatureSet.mfcc40.columns.indices {
            let theirs = golden.mfcc40.map { $0.vector[c] }
            let spread = meanStd(theirs).std
            let d = Deviation(ours.map { $0[c] }, theirs)
            #expect(d.worst <= 0.01 * spread, "\(FeatureSet.mfcc40.columns[c]): \(d), spread \(spread)")
        }
    }

    /// librosa runs YIN's autocorrelation through a float32 FFT, we through a float64 one: where both pick the same
    /// lag the estimates agree to 0.1 %, and float32 rounding may flip the pick (a trough just at the 0.1 threshold,
    /// or two near-equal minima) in at most 3 % of the frames.
    @Test func yinMatchesLibrosa() throws {
        #expect(golden.yin.count == 3)
        for clip in golden.yin {
            let ours = yin(try trimmed(clip.file), fmin: 65, fmax: 500, sr: 22050)
            #expect(ours.count == clip.f0.count, "\(clip.file): \(ours.count) frames, librosa \(clip.f0.count)")
            let differing = zip(ours, clip.f0).filter { abs(Double($0) - $1) > 1e-3 * $1 }.count
            #expect(Double(differing) <= 0.03 * Double(clip.f0.count), "\(clip.file): \(differing) of \(clip.f0.count) frames differ")
        }
    }

    /// MFCCs reach ±500 and librosa filters them in float32 (rounding ~3e-5 each), so the deltas agree to 1e-3.
    @Test func deltasMatchLibrosa() throws {
        for clip in golden.delta {
            let cepstra = mfcc(try trimmed(clip.file), sr: 22050, nMFCC: 40)
            expectClose(delta(cepstra, width: 9), clip.delta, tolerance: 1e-3, "\(clip.file) delta")
            expectClose(delta(cepstra, width: 9, order: 2), clip.delta2, tolerance: 1e-3, "\(clip.file) delta2")
        }
    }
}

/// Method 3's parts on signals whose answers are known.
@Suite struct Method3Tests {
    /// A tone gliding exponentially from `from` to `to` Hz over `seconds`, amplitude 0.3, with 0.25 s of silence on
    /// each side.
    static func glide(from: Double, to: Double, seconds: Double) -> [Float] {
        let sr = 22050.0, count = Int(seconds * sr)
        var phase = 0.0
        let tone = (0..<count).map { n -> Float in
            let f = from * pow(to / from, Double(n) / Double(count))
            phase += 2 * Double.pi * f / sr
            return Float(0.3 * sin(phase) + 0.1 * sin(2 * phase))
        }
        let pad = [Float](repeating: 0, count: Int(0.25 * sr))
        return pad + tone + pad
    }

    @Test func savitzkyGolayWeightsAreTheClosedForms() {
        // Slope over 9 points: k / Σk² = k / 60; second derivative: 2·(k² − 20/3) / Σ(k² − 20/3)² = 2·(k² − 20/3) / 308.
        let first = savitzkyGolayWeights(width: 9, order: 1), second = savitzkyGolayWeights(width: 9, order: 2)
        for k in -4...4 {
            #expect(abs(first[k + 4] - Double(k) / 60) < 1e-12)
            #expect(abs(second[k + 4] - 2 * (Double(k * k) - 20.0 / 3) / 308) < 1e-12)
        }
    }

    @Test func deltasOfPolynomialsAreTheirDerivatives() {
        // Row 0: 3t − 5 (slope 3, second derivative 0); row 1: 0.5t² (second derivative 1 everywhere, edges included).
        let frames = 20
        let line: [Float] = (0..<frames).map { t in Float(3 * t - 5) }
        let parabola: [Float] = (0..<frames).map { t in Float(t * t) / 2 }
        let values = line + parabola
        let s = Spectrogram(bins: 2, frames: frames, values: values)
        let d1 = delta(s), d2 = delta(s, order: 2)
        for t in 0..<frames {
            #expect(abs(d1[0, t] - 3) < 1e-5 && abs(d2[0, t]) < 1e-5)
            #expect(abs(d2[1, t] - 1) < 1e-4)
        }
        // Interior slope of 0.5t² is t; the first four frames copy frame 4's.
        #expect(abs(d1[1, 10] - 10) < 1e-4 && abs(d1[1, 0] - 4) < 1e-4)
        #expect(delta(Spectrogram(bins: 1, frames: 8, values: (0..<8).map(Float.init))).values == [Float](repeating: 0, count: 8),
                "shorter than the width: zeros")
    }

    @Test func yinFindsTheFrequencyOfATone() {
        let y = (0..<22050).map { Float(0.4 * sin(2 * Double.pi * 220 * Double($0) / 22050)) }
        let f0 = yin(y, fmin: 65, fmax: 500)
        #expect(f0.count == 1 + 22050 / 512)
        // Interior frames (away from the zero padding): parabolic interpolation puts 220 Hz within 0.5 %.
        for f in f0[4..<(f0.count - 4)] { #expect(abs(f - 220) < 1.1, "\(f)") }
    }

    @Test func yinTransformLengthsAreSmoothAndLongEnough() {
        // librosa's defaults at 22,050 Hz: frames of 2,048, periods up to ⌈22050/65⌉ = 340 → 2,388 → 2,400 = 2⁵·3·5².
        #expect(smoothSize(atLeast: 2048 + 340) == 2400)
        #expect(smoothSize(atLeast: 4095) == 4096 && smoothSize(atLeast: 7) == 8 && smoothSize(atLeast: 1) == 2)
    }

    @Test func prosodyOfAGlide() throws {
        // One octave up in 2 s: 12 semitones, 6 st/s; mean of log-frequency √(150·300) = 212 Hz → 13.0 st re 100 Hz.
        let v = try FeatureSet.prosody.vector(for: AudioBuffer(samples: Self.glide(from: 150, to: 300, seconds: 2), sampleRate: 22050))
        let value = Dictionary(uniqueKeysWithValues: zip(Prosody.columns, v))
        #expect(v.count == 16 && Set(Prosody.columns).count == 16)
        #expect(value["voiced_fraction"]! > 0.9)
        #expect(abs(value["f0_mean_st"]! - 13.0) < 0.3)
        #expect(abs(value["f0_slope_st_per_s"]! - 6) < 0.3)
        #expect(abs(value["f0_range_st"]! - 0.9 * 12) < 0.6, "p05…p95 of a uniform glide spans 90 % of its octave")
        #expect(abs(value["rms_db_p50"]!) < 1, "a steady tone sits at its own maximum")
        #expect(value["voiced_runs_per_s"]! > 0 && value["voiced_runs_per_s"]! < 1.5, "one run in about 2 s")
    }

    @Test func prosodyOfSilenceIsZeroPitch() throws {
        let v = try FeatureSet.prosody.vector(for: AudioBuffer(samples: [Float](repeating: 0, count: 20000), sampleRate: 22050))
        #expect(v[0] == 0 && v[1...6].allSatisfy { $0 == 0 }, "no voiced frames: no pitch statistics")
        #expect(v.allSatisfy { $0.isFinite })
    }

    @Test func setsAndTrimming() throws {
        #expect(try FeatureSet.named("mfcc40").columns.count == 80)
        let method3 = try FeatureSet.named("method3")
        #expect(method3.columns.count == 316 && Set(method3.columns).count == 316)
        #expect(Array(method3.columns.prefix(140)) == FeatureSet.method1.columns)
        #expect(method3.columns[140] == "voiced_fraction" && method3.columns.last == "mfcc_delta2_std_40")
        #expect(FeatureSet.method1.trims && FeatureSet.method2.trims && method3.trims && !FeatureSet.mfcc40.trims)
        let y = Self.glide(from: 120, to: 180, seconds: 1)
        let audio = AudioBuffer(samples: y, sampleRate: 22050)
        #expect(try FeatureSet.mfcc40.vector(for: audio) == MFCC40.vector(y, sampleRate: 22050), "mfcc40 keeps the silence")
        let v = try method3.vector(for: audio)
        #expect(Array(v.prefix(140)) == (try FeatureSet.method1.vector(for: audio)))
        #expect(Array(v[140..<156]) == (try FeatureSet.prosody.vector(for: audio)))
    }

    @Test func method1sCacheKeyIsUnchangedBySharingItsSpectralPart() {
        // Caches and bundles made before speech_stats shared this text must keep matching.
        #expect(FeatureSet.method1.parameters == "method1 v1: load sr=22050 (soxr_hq); trim top_db=30 frame=2048 hop=512; "
            + "n_fft=2048 hop=512 hann center=constant; zcr (edge pad) mean,std; rms mean,std; spectral centroid, bandwidth "
            + "p=2, rolloff 0.85 mean,std; contrast fmin=200 n_bands=6 quantile=0.02 means,stds; mfcc n=40 (128 slaney "
            + "mels, power_to_db ref=1 top_db=80, dct-ii ortho) means,stds; chroma_stft (tuning estimated, norm inf) "
            + "means,stds; melspectrogram mean,std; tonnetz (chroma_cqt 36 bins/octave, 7 octaves) means; "
            + "hpss kernel=31 harmonic mean,std, percussive mean,std")
        #expect(FeatureSet.speechStats.parameters.hasPrefix("speech_stats v1: " + Method1.spectralParameters + "; [prosody v1"))
    }

    @Test func speechStatsAreMethod3WithoutChromaMelTonnetzAndHPSS() throws {
        let set = try FeatureSet.named("speech_stats")
        let method3 = FeatureSet.method3
        let dropped = 104..<140
        #expect(set.columns.count == 280 && Set(set.columns).count == 280 && set.trims)
        #expect(set.columns == method3.columns.enumerated().filter { !dropped.contains($0.offset) }.map(\.element))
        #expect(method3.columns[dropped].first == "chroma_mean_01" && method3.columns[dropped].last == "percussive_std")
        // The same functions on the same samples in the same order: equal to the last bit, on a voiced glide with
        // silence around it (trimmed) and on noise.
        var state: UInt32 = 12345
        func noise() -> Float { state = state &* 1_664_525 &+ 1_013_904_223; return Float(state >> 8) / Float(1 << 24) * 0.6 - 0.3 }
        let clips = [[Float](repeating: 0, count: 4000) + Self.glide(from: 120, to: 180, seconds: 1) + [Float](repeating: 0, count: 4000),
                     (0..<30000).map { _ in noise() }]
        for y in clips {
            let audio = AudioBuffer(samples: y, sampleRate: 22050)
            let full = try method3.vector(for: audio)
            #expect(try set.vector(for: audio) == full.enumerated().filter { !dropped.contains($0.offset) }.map(\.element))
        }
    }
}
