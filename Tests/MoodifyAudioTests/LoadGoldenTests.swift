import Foundation
import MoodifyAudio
import Testing

/// `AudioBuffer(contentsOf:sampleRate: 22050)` against librosa.load(path, sr=22050), from Scripts/goldens_audio.py.
///
/// Tolerance: 1e-5 absolute per sample, the project's contract with librosa. Decoding is exact (the same
/// libsndfile normalisation) and libsoxr's HQ one-shot is bit-identical to python-soxr here, so the real
/// difference is 0; 1e-5 leaves room for a different libsoxr build (SIMD paths) without hiding a wrong recipe,
/// whose error would be ~1e-3 or more.
@Suite struct LoadGoldenTests {
    static let tolerance: Float = 1e-5

    @Test(.enabled(if: TestCorpus.available, "needs ../shared/corpus/crema-d-dev or MOODIFY_AUDIO"))
    func realClipsMatchLibrosa() throws {
        let manifest = try GoldenManifest.load()
        #expect(manifest.clips.count == 5)
        for clip in manifest.clips {
            let audio = try AudioBuffer(contentsOf: TestCorpus.clip(clip.file))
            #expect(audio.sampleRate == 22050)
            try #require(audio.samples.count == clip.length, "\(clip.file): length")
            let strided = stride(from: 0, to: audio.samples.count, by: clip.stride).map { audio.samples[$0] }
            let expected = try GoldenManifest.floats(clip.strided)
            #expect(maxAbsDifference(strided, expected) <= Self.tolerance, "\(clip.file): strided samples")
            // Sums over all samples: each sample may differ by 1e-5, so the sum by at most n·1e-5.
            let sum = audio.samples.reduce(0.0) { $0 + Double($1) }
            #expect(abs(sum - clip.sum) <= Double(clip.length) * 1e-5, "\(clip.file): sum")
            let energy = audio.samples.reduce(0.0) { $0 + Double($1) * Double($1) }
            // |x² − y²| = |x − y|·|x + y| ≤ 1e-5 · 2 per sample for samples in [-1, 1].
            #expect(abs(energy - clip.sumSquares) <= Double(clip.length) * 2e-5, "\(clip.file): sum of squares")
            if let full = clip.full {
                let expectedFull = try GoldenManifest.floats(full)
                #expect(maxAbsDifference(audio.samples, expectedFull) <= Self.tolerance, "\(clip.file): every sample")
            }
        }
    }

    @Test func syntheticFilesMatchLibrosa() throws {
        let manifest = try GoldenManifest.load()
        let folder = try TemporaryFolder()
        #expect(manifest.synthetic.count >= 8)
        for spec in manifest.synthetic {
            let path = try SyntheticAudio.write(spec, into: folder)
            let expected = try GoldenManifest.floats(spec.full)
            let fromFile = try AudioBuffer(contentsOf: path)
            #expect(fromFile.sampleRate == 22050)
            try #require(fromFile.samples.count == spec.length, "\(spec.name): length")
            #expect(maxAbsDifference(fromFile.samples, expected) <= Self.tolerance, "\(spec.name): from a file")
            // The in-memory path (web uploads) goes through libsndfile's virtual I/O and must agree exactly.
            let fromData = try AudioBuffer(data: Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(fromData == fromFile, "\(spec.name): from memory")
        }
    }

    @Test func nativeRateKeepsTheDecodedSamples() throws {
        let manifest = try GoldenManifest.load()
        let spec = try #require(manifest.synthetic.first { $0.name == "float_stereo_48k" })
        let folder = try TemporaryFolder()
        let audio = try AudioBuffer(contentsOf: SyntheticAudio.write(spec, into: folder), sampleRate: nil)
        #expect(audio.sampleRate == 48000)
        let ints = SyntheticAudio.samples(seed: spec.seed, count: spec.frames * 2, bits: spec.bits)
        let expected = (0..<spec.frames).map { i in
            (Float(Double(ints[2 * i]) / 2147483648.0) + Float(Double(ints[2 * i + 1]) / 2147483648.0)) / 2
        }
        // Float WAV decodes exactly and the two-channel mean is one rounding in float32, as numpy's.
        #expect(audio.samples == expected)
        #expect(abs(audio.duration - 0.2) < 1e-12) // 9600 / 48000 exactly, up to Double rounding
    }

    @Test func pcmDecodesToLibsndfileScale() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("scale.wav")
        let ints: [Int32] = [Int32.min, -1 << 16, 0, 1 << 16, 32767 << 16]
        try SyntheticAudio.write(ints: ints, channels: 1, sampleRate: 16000,
                                 format: SyntheticAudio.formatCode(container: "WAV", subtype: "PCM_16"), to: path)
        let audio = try AudioBuffer(contentsOf: path, sampleRate: nil)
        // 16-bit PCM reads as value / 32768 (soundfile's float32 convention), exactly; no rescaling.
        let expected: [Float] = [-1, -1.0 / 32768, 0, 1.0 / 32768, 32767.0 / 32768]
        #expect(audio.samples == expected)
    }
}
