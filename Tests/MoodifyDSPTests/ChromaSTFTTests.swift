import Foundation
import Testing
@testable import MoodifyDSP

/// `chromaSTFT` against librosa 0.11's `chroma_stft` (Golden/chroma).
@Suite struct ChromaSTFTTests {
    @Test func matchesLibrosaOnEverySignal() throws {
        for (name, golden, y) in try ChromaGoldens.signals() {
            // Values in [0, 1] (each frame divided by its maximum), from float32 power spectra and filter sums
            // that agree with librosa's to ~1e-6 relative; 1e-5 absolute leaves a tenfold margin.
            expectChromaClose(try chromaSTFT(y), golden.chromaSTFT, tolerance: 1e-5, "\(name) chroma_stft")
        }
    }

    @Test(.enabled(if: TestCorpus.available, "needs ../shared/corpus/crema-d-dev"))
    func rowMeansMatchLibrosaOnThirtyThreeClips() throws {
        let clips = try ChromaGoldens.load([String: ChromaClipGolden].self, "clips.json")
        for (name, golden) in clips.sorted(by: { $0.key < $1.key }) {
            let y = try #require(try ChromaGoldens.signal(name))
            let means = chromaRowStats(try chromaSTFT(y)).mean
            // Method 1 keeps these means; they are averages of values in [0, 1] that agree to ~1e-6.
            expectClose(means, golden.chromaSTFTMean, tolerance: 1e-5, "\(name) chroma_stft means")
        }
    }

    @Test func fromPowerSpectrogramEqualsFromSamples() throws {
        let y = try #require(ChromaGoldens.synthetic["chord"])
        #expect(try chromaSTFT(power: spectrogram(y, power: 2)) == chromaSTFT(y))
    }

    @Test func chordLightsUpItsThreeNotes() throws {
        let chroma = try chromaSTFT(try #require(ChromaGoldens.synthetic["chord"]))
        let means = chromaRowStats(chroma).mean
        let top = means.indices.sorted { means[$0] > means[$1] }.prefix(3)
        #expect(Set(top) == [0, 4, 7], "C, E and G are the loudest pitch classes: \(means)")
    }

    @Test func silenceGivesZeroChroma() throws {
        let chroma = try chromaSTFT([Float](repeating: 0, count: 4096))
        #expect(chroma.bins == 12 && chroma.frames == 9)
        #expect(chroma.values.allSatisfy { $0 == 0 })
    }

    @Test func rejectsBadInput() {
        #expect(throws: ChromaError.emptySignal) { try chromaSTFT([]) }
        #expect(throws: ChromaError.nonFiniteSample(index: 2, value: .infinity)) { try chromaSTFT([0, 1, .infinity]) }
        #expect(throws: ChromaError.self) { try chromaSTFT([0.1, 0.2], hopLength: 0) }
        let error = ChromaError.nonFiniteSample(index: 2, value: .infinity)
        #expect(error.description == "The signal holds a non-finite sample (inf) at index 2, so it cannot be analysed.")
    }
}
