import Foundation
import Testing
@testable import MoodifyDSP

/// `chromaCQT` against librosa 0.11's `chroma_cqt` (Golden/chroma).
@Suite struct ChromaCQTTests {
    @Test func matchesLibrosaOnEverySignal() throws {
        for (name, golden, y) in try ChromaGoldens.signals() {
            // Values in [0, 1] (each frame divided by its maximum) from CQT magnitudes that agree to ~1e-7 of the
            // peak; a frame much quieter than the clip's peak is magnified by its normalisation, hence 1e-4.
            expectChromaClose(try chromaCQT(y), golden.chromaCQT, tolerance: 1e-4, "\(name) chroma_cqt")
        }
    }

    @Test(.enabled(if: TestCorpus.available, "needs ../shared/corpus/crema-d-dev"))
    func rowMeansMatchLibrosaOnThirtyThreeClips() throws {
        let clips = try ChromaGoldens.load([String: ChromaClipGolden].self, "clips.json")
        for (name, golden) in clips.sorted(by: { $0.key < $1.key }) {
            let y = try #require(try ChromaGoldens.signal(name))
            let chroma = try chromaCQT(y)
            // Means over ~100 frames of values in [0, 1] that agree to ~1e-6.
            expectClose(chromaRowStats(chroma).mean, golden.chromaCQTMean, tolerance: 1e-5, "\(name) chroma_cqt means")
            // Method 1 keeps the tonnetz means: values in [−1, 1] that agree to ~1e-6.
            expectClose(chromaRowStats(tonnetz(chroma: chroma)).mean, golden.tonnetzMean, tolerance: 1e-5, "\(name) tonnetz means")
        }
    }

    @Test func fromMagnitudeEqualsFromSamples() throws {
        let y = try #require(ChromaGoldens.synthetic["detuned"])
        let magnitude = try cqt(y, nBins: 252, binsPerOctave: 36, tuning: nil).magnitude()
        #expect(try chromaCQT(magnitude: magnitude) == chromaCQT(y))
    }

    @Test func chordLightsUpItsThreeNotes() throws {
        let means = chromaRowStats(try chromaCQT(try #require(ChromaGoldens.synthetic["chord"]))).mean
        let top = means.indices.sorted { means[$0] > means[$1] }.prefix(3)
        #expect(Set(top) == [0, 4, 7], "C, E and G are the loudest pitch classes: \(means)")
    }

    @Test func rejectsUnevenLayouts() {
        #expect(throws: ChromaError.incompatibleChromaBins(binsPerOctave: 30, nChroma: 12)) {
            try chromaCQT([0.1, 0.2, 0.3], binsPerOctave: 30)
        }
        #expect(ChromaError.incompatibleChromaBins(binsPerOctave: 30, nChroma: 12).description
                == "The CQT's 30 bins per octave are not a whole multiple of the 12 chroma bins.")
    }
}
