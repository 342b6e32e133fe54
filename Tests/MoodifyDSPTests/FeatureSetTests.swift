import Foundation
import MoodifyAudio
import Testing
@testable import MoodifyDSP

/// Method vectors of ≥ 30 real clips against librosa (Golden/features.json): per column, |ours − librosa|
/// divided by that column's standard deviation across the clips must stay ≤ 0.01 (the bar: a hundredth
/// of the spread the classifier sees), and trimmed ranges must be equal.
@Suite(.enabled(if: TestCorpus.available, "needs ../shared/corpus/crema-d-dev (or MOODIFY_AUDIO)"))
struct FeatureParityTests {
    /// Each golden clip with its samples loaded at 22,050 Hz and trimmed by our code.
    let clips: [(golden: FeatureGolden, trimmed: [Float])]

    init() throws {
        clips = try Golden.load([FeatureGolden].self, "features.json").map { golden in
            let audio = try AudioBuffer(contentsOf: TestCorpus.clip(golden.file), sampleRate: 22050)
            #expect(audio.samples.count == golden.loadedLength, "\(golden.file) loads to librosa's length")
            return (golden, try FeatureSet.trimmedSamples(audio))
        }
    }

    /// Checks our rows against librosa's (the first `ours.count` clips), each column's error scaled by that column's
    /// spread across all the golden clips.
    func expectWithinSpread(_ ours: [[Float]], _ theirs: [[Double]], columns: [String], _ label: String) {
        #expect(ours.count <= theirs.count && ours.allSatisfy { $0.count == columns.count })
        for c in columns.indices {
            let spread = meanStd(theirs.map { $0[c] }).std
            var worst = 0.0, worstClip = 0
            for (i, (a, b)) in zip(ours, theirs).enumerated() {
                let d = abs(Double(a[c]) - b[c])
                if d > worst { worst = d; worstClip = i }
            }
            // A constant column (spread 0) must match to float32 rounding of its size.
            let bound = spread > 0 ? 0.01 * spread : 1e-6 * max(1, abs(theirs[0][c]))
            #expect(worst <= bound, "\(label) column \(columns[c]): |Δ| \(worst) at \(clips[worstClip].golden.file), spread \(spread)")
        }
    }

    @Test func trimRangesEqualLibrosa() throws {
        #expect(clips.count >= 30)
        for (golden, trimmed) in clips {
            let audio = try AudioBuffer(contentsOf: TestCorpus.clip(golden.file), sampleRate: 22050)
            let range = trim(audio.samples).range
            #expect([range.lowerBound, range.upperBound] == golden.trim, "\(golden.file)")
            #expect(trimmed.count == golden.trim[1] - golden.trim[0])
        }
    }

    @Test func method1() throws {
        var ours = [[Float]]()
        for clip in clips { ours.append(try FeatureSet.method1.vector(forTrimmed: clip.trimmed)) }
        expectWithinSpread(ours, clips.map(\.golden.method1), columns: FeatureSet.method1.columns, "method1")
    }

    @Test func method2() {
        let ours = clips.map { Method2.vector($0.trimmed, sampleRate: 22050) }
        expectWithinSpread(ours, clips.map(\.golden.method2), columns: FeatureSet.method2.columns, "method2")
    }

    /// The augmented rows on the first 12 clips (the effects are the slowest part of a debug build; the ≥ 30-clip
    /// requirement is met by the plain vectors above).
    @Test func method2Augmented() {
        let clips = self.clips.prefix(12)
        let pitch = clips.map { Method2.vector(pitchShift($0.trimmed, sr: 22050, steps: 2), sampleRate: 22050) }
        expectWithinSpread(pitch, clips.map(\.golden.method2Pitch), columns: FeatureSet.method2.columns, "method2 pitch +2")
        let stretch = clips.map { Method2.vector(timeStretch($0.trimmed, rate: 0.8), sampleRate: 22050) }
        expectWithinSpread(stretch, clips.map(\.golden.method2Stretch), columns: FeatureSet.method2.columns, "method2 stretch 0.8")
    }
}

/// Feature-set behaviour that needs no golden data: names, errors, augmentation, odd inputs.
@Suite struct FeatureSetTests {
    let speechLike: [Float] = (0..<30000).map { n in
        let t = Double(n) / 22050
        let envelope = n < 4000 || n > 26000 ? 0.0 : 0.3
        return Float(envelope * (sin(2 * Double.pi * 180 * t) + 0.5 * sin(2 * Double.pi * 1250 * t)))
    }

    @Test func method1Columns() throws {
        let set = try FeatureSet.named("method1")
        #expect(set.columns.count == 140 && Set(set.columns).count == 140)
        #expect(Array(set.columns.prefix(4)) == ["zcr_mean", "zcr_std", "rms_mean", "rms_std"])
        #expect(set.columns[24] == "mfcc_mean_01" && set.columns[139] == "percussive_std")
    }

    @Test func namedSets() throws {
        let set = try FeatureSet.named("method2")
        #expect(set.columns.count == 256 && set.columns.first == "logmel_mean_001" && set.columns.last == "logmel_std_128")
        #expect(Set(set.columns).count == set.columns.count)
        #expect(!set.parameters.isEmpty)
        #expect(throws: FeatureError.self) { try FeatureSet.named("method9") }
        do {
            _ = try FeatureSet.named("method9")
        } catch {
            #expect(error.description.contains("\"method9\"") && error.description.contains("\"method2\""))
        }
    }

    @Test func nonFiniteSamplesAreAnError() {
        for bad in [Float.nan, .infinity, -.infinity] {
            var y = speechLike
            y[123] = bad
            #expect(throws: FeatureError.self) {
                try FeatureSet.method2.vector(for: AudioBuffer(samples: y, sampleRate: 22050))
            }
        }
        #expect(throws: FeatureError.invalidSampleRate(0)) {
            try FeatureSet.method2.vector(for: AudioBuffer(samples: speechLike, sampleRate: 0))
        }
    }

    @Test func oddInputsGiveFiniteVectors() throws {
        // librosa computes both sets for these too (one centred frame of padding at least); silence keeps every
        // frame (trim's reference is the loudest frame, itself silent).
        for y in [[0.1, -0.2, 0.05], [Float](repeating: 0, count: 5000), Array(speechLike.prefix(700))] {
            for set in FeatureSet.all {
                let v = try set.vector(for: AudioBuffer(samples: y, sampleRate: 22050))
                #expect(v.count == set.columns.count)
                #expect(v.allSatisfy { $0.isFinite }, "\(set.name), \(y.count) samples")
            }
        }
    }

    @Test func emptyAudioIsAnError() {
        for set in FeatureSet.all {
            #expect(throws: FeatureError.emptyAudio) { try set.vector(for: AudioBuffer(samples: [], sampleRate: 22050)) }
        }
    }

    @Test func otherRatesAreResampledFirst() throws {
        let at16k = Resampler.resample(speechLike, from: 22050, to: 16000)
        let direct = try FeatureSet.method2.vector(for: AudioBuffer(samples: Resampler.resample(at16k, from: 16000, to: 22050), sampleRate: 22050))
        #expect(try FeatureSet.method2.vector(for: AudioBuffer(samples: at16k, sampleRate: 16000)) == direct)
    }

    @Test func augmentationGivesFourRows() throws {
        var rng = SplitMix(seed: 7)
        let audio = AudioBuffer(samples: speechLike, sampleRate: 22050)
        let rows = try FeatureSet.method2.rows(for: audio, augment: true, using: &rng)
        #expect(rows.count == 4)
        #expect(rows[0] == (try FeatureSet.method2.vector(for: audio)))
        #expect(rows[1] != rows[0] && rows[2] != rows[0] && rows[3] != rows[0])
        #expect(try FeatureSet.method2.rows(for: audio, augment: false, using: &rng) == [rows[0]])
        var again = SplitMix(seed: 7)
        #expect(try FeatureSet.method2.rows(for: audio, augment: true, using: &again) == rows, "same seed, same rows")
    }

    @Test func concurrentExtractionMatchesSequential() async throws {
        // Corpus extraction runs clips in parallel: shared plans, windows and filter banks must give the same values.
        let clips = (0..<4).map { k in AudioBuffer(samples: speechLike.map { $0 * Float(1 + k) / 4 }, sampleRate: 22050) }
        let sequential = try clips.map { try FeatureSet.method2.vector(for: $0) }
        let parallel = try await withThrowingTaskGroup(of: (Int, [Float]).self) { group in
            for (i, clip) in clips.enumerated() { group.addTask { (i, try FeatureSet.method2.vector(for: clip)) } }
            var out = [[Float]](repeating: [], count: clips.count)
            for try await (i, v) in group { out[i] = v }
            return out
        }
        #expect(parallel == sequential)
    }

    @Test func noiseIsGaussianWithTheRequestedScale() {
        var rng = SplitMix(seed: 1)
        let noise = addNoise([Float](repeating: 0, count: 200_000), amount: 0.005, using: &rng)
        let (mean, std) = meanStd(noise)
        // 200,000 draws: the sample mean's standard error is 0.005/√200000 ≈ 1.1e-5, so 6e-5 is > 5 standard errors;
        // the sample std's relative standard error is 1/√(2·200000) ≈ 0.16 %, so 1 % is > 6 of them.
        #expect(abs(mean) < 6e-5)
        #expect(abs(std - 0.005) < 0.005 * 0.01)
        // Gaussian tails: P(|z| > 3) = 0.27 %; with 200,000 draws the count is 540 ± 23, so 440…640 is safe.
        let beyond3 = noise.filter { abs($0) > 0.015 }.count
        #expect((440...640).contains(beyond3))
    }
}

/// SplitMix64, a tiny seedable generator for the tests (MoodifyDSP does not depend on MoodifyLearn).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
