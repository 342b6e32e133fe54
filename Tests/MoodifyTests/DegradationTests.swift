import Foundation
import Moodify
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn
import Testing

/// One second of a 220 Hz sine at amplitude 0.5.
private func sine(rate: Int = 22050) -> AudioBuffer {
    AudioBuffer(samples: (0..<rate).map { 0.5 * Float(sin(2 * Double.pi * 220 * Double($0) / Double(rate))) }, sampleRate: rate)
}

/// The mean square of samples.
private func power(_ x: [Float]) -> Double { x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(x.count) }

@Suite struct DegradationTests {
    @Test func specsParseAndPrintBack() throws {
        let voices: () throws -> [Float] = { [0.1, -0.1] }
        for spec in ["resample:8000", "stereo", "gain:-12", "gain:+12", "white:20", "babble:20", "pad:1", "pad:0.5"] {
            #expect(try Degradation(spec: spec, voices: voices).description == spec)
        }
        #expect(try Degradation(spec: "gain:12", voices: voices) == .gain(decibels: 12))
        #expect(try Degradation(spec: "resample:44100", voices: voices) == .resampled(rate: 44100))
        for bad in ["echo", "resample", "resample:10", "gain:loud", "stereo:2", "pad:-1", ""] {
            #expect(throws: DegradationError.unknownSpec(bad)) { try Degradation(spec: bad, voices: voices) }
        }
        #expect(DegradationError.unknownSpec("echo").description.contains("resample:RATE"))
    }

    @Test func eachChangeDoesWhatItSays() {
        var rng = SeededGenerator(seed: 1)
        let x = sine()
        let low = Degradation.resampled(rate: 8000).apply(to: x, using: &rng)
        #expect(low.sampleRate == 8000 && low.samples.count == 8000)

        let loud = Degradation.gain(decibels: 12).apply(to: x, using: &rng)
        #expect(loud.samples.max() == 1 && loud.samples.min() == -1)
        let quiet = Degradation.gain(decibels: -12).apply(to: x, using: &rng)
        // 10^(-12/20) = 0.2512; float rounding only.
        #expect(abs(quiet.samples.map(abs).max()! - 0.5 * 0.25119) < 1e-4)

        let stereo = Degradation.stereo.apply(to: x, using: &rng)
        let delay = 11  // 0.5 ms at 22,050 Hz
        #expect(stereo.samples[5] == 0.5 * x.samples[5])
        #expect(abs(stereo.samples[100] - 0.5 * (x.samples[100] + 0.70795 * x.samples[100 - delay])) < 1e-5)

        let padded = Degradation.silencePadding(seconds: 1).apply(to: x, using: &rng)
        #expect(padded.samples.count == 3 * 22050 && padded.samples[..<22050].allSatisfy { $0 == 0 })
        #expect(Array(padded.samples[22050..<44100]) == x.samples)
    }

    @Test func noiseLandsAtTheAskedSignalToNoiseRatio() {
        let x = sine()
        var rng = SeededGenerator(seed: 7)
        let voices = (0..<5000).map { _ in Float.random(in: -0.3...0.3, using: &rng) * (1 + Float.random(in: 0...1, using: &rng)) }
        for degradation in [Degradation.whiteNoise(snr: 20), .babble(snr: 20, voices: voices)] {
            let noisy = degradation.apply(to: x, using: &rng)
            let noise = zip(noisy.samples, x.samples).map { $0 - $1 }
            let snr = 10 * log10(power(x.samples) / power(noise))
            // White noise: the drawn power of 22,050 Gaussian samples is within ~1 % (0.05 dB) of its expectation;
            // babble is scaled to the exact power of the segment used, so only float rounding remains.
            #expect(abs(snr - 20) < 0.3, "\(degradation): \(snr) dB")
        }
        // Seeded: the same generator state gives the same noise.
        var a = SeededGenerator(seed: 3), b = SeededGenerator(seed: 3)
        #expect(Degradation.whiteNoise(snr: 20).apply(to: x, using: &a) == Degradation.whiteNoise(snr: 20).apply(to: x, using: &b))
    }

    @Test func theExtractorDegradesEveryClipUnderItsOwnCacheKey() throws {
        guard CorpusFixture.available else {
            print("Skipping: the development corpus is not at \(CorpusFixture.path) (set MOODIFY_AUDIO).")
            return
        }
        var corpus = try Corpus(path: CorpusFixture.path)
        corpus.clips = Array(corpus.clips.prefix(3))
        let folder = try CorpusFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func extract(_ degradation: Degradation?) -> FeatureTable {
            FeatureExtractor(featureSet: .method1, cache: FeatureCache(folder: folder), showsProgress: false,
                             degradation: degradation).extract(corpus)
        }
        let clean = extract(nil)
        let telephone = extract(.resampled(rate: 8000))
        #expect(telephone.cachedClips == 0 && telephone.X.shape == clean.X.shape && telephone.X != clean.X)
        // What the extractor computes is the clip decoded at its own rate, resampled to 8 kHz, then measured.
        let first = try AudioBuffer(contentsOf: corpus.files[0], sampleRate: nil)
        var rng = SeededGenerator(seed: 0)
        let expected = try FeatureSet.method1.vector(for: Degradation.resampled(rate: 8000).apply(to: first, using: &rng))
        #expect(Array(telephone.X.row(0)) == expected)
        #expect(extract(.resampled(rate: 8000)).cachedClips == 3)
        #expect(extract(.gain(decibels: -12)).cachedClips == 0)
        #expect(extract(nil).cachedClips == 3)
    }

    @Test func babbleMixesSeveralActors() throws {
        guard CorpusFixture.available else {
            print("Skipping: the development corpus is not at \(CorpusFixture.path) (set MOODIFY_AUDIO).")
            return
        }
        let corpus = try Corpus(path: CorpusFixture.path)
        let mix = try corpus.babble(voices: 6, seed: 42)
        #expect(mix.count > 22050 && mix.count < 6 * 22050)
        #expect(try corpus.babble(voices: 6, seed: 42) == mix)
        // Six unit-RMS voices: more power than one, less than six in phase.
        #expect(power(mix) > 1 && power(mix) < 36)
    }
}
