import Foundation
import Testing
@testable import MoodifyDSP

/// The non-default parameters of `chromaSTFT`, `chromaCQT` and `tonnetz` against librosa 0.11
/// (Golden/chroma/options.json, all on the C-major chord).
@Suite struct ChromaOptionsTests {
    struct Options: Decodable {
        var chromaSTFT24: ChromaMatrixGolden
        var chromaCQTRaw: ChromaMatrixGolden
        var tonnetz24: ChromaMatrixGolden
    }

    let golden: Options
    let chord: [Float]

    init() throws {
        golden = try ChromaGoldens.load(Options.self, "options.json")
        chord = try #require(ChromaGoldens.synthetic["chord"])
    }

    @Test func chromaSTFTWith24BinsAndL2Norm() throws {
        let c = try chromaSTFT(chord, nFFT: 4096, hopLength: 1024, nChroma: 24, norm: 2)
        #expect(c.bins == golden.chromaSTFT24.rows && c.frames == golden.chromaSTFT24.columns)
        // Unit-L2 frames, so values ≤ 1 that agree to ~1e-6 as with the defaults.
        expectClose(c.values, golden.chromaSTFT24.values, tolerance: 1e-5, "chroma_stft, 24 bins, L2")
        // Any number of pitch classes: the tonnetz of the 24-bin chroma, values in [−1, 1].
        expectClose(tonnetz(chroma: c).values, golden.tonnetz24.values, tolerance: 1e-5, "tonnetz of 24-bin chroma")
    }

    @Test func chromaCQTUnnormalisedWithThreshold() throws {
        let c = try chromaCQT(chord, fmin: 40, norm: nil, threshold: 0.5, nOctaves: 6, binsPerOctave: 24)
        #expect(c.bins == golden.chromaCQTRaw.rows && c.frames == golden.chromaCQTRaw.columns)
        let peak = golden.chromaCQTRaw.values.max() ?? 0
        // Raw sums of CQT magnitudes (no normalisation): 1e-5 of the largest, as for the CQT itself. The smallest
        // value librosa keeps is 0.5046, far above that error from the threshold, so none flips to zero.
        expectClose(c.values, golden.chromaCQTRaw.values, tolerance: 1e-5 * peak, "chroma_cqt, raw, threshold 0.5")
        #expect(c.values.contains(0) && c.values.allSatisfy { $0 == 0 || $0 >= 0.5 })
    }
}
