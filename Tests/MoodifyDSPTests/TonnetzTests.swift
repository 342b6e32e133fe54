import Foundation
import Testing
@testable import MoodifyDSP

/// `tonnetz` against librosa 0.11's `tonnetz` (Golden/chroma) and the geometry of the tonal centroid.
@Suite struct TonnetzTests {
    @Test func matchesLibrosaOnEverySignal() throws {
        for (name, golden, y) in try ChromaGoldens.signals() {
            let t = try tonnetz(y)
            #expect(t.bins == golden.tonnetz.rows && t.frames == golden.tonnetz.columns, "\(name) shape")
            // Values in [−1, 1] from L1-normalised chroma that agrees to ~1e-6 (1e-4 in frames far quieter than
            // the clip's peak, see ChromaCQTTests); the projection averages such errors, so 2e-5 holds.
            expectClose(t.values, golden.tonnetz.values, tolerance: 2e-5, "\(name) tonnetz")
        }
    }

    @Test func singlePitchClassSitsOnTheCircles() {
        // Chroma of a lone C: the centroid is each circle's point for C (angle 0): sin 0, cos 0 per circle,
        // with radius 1 for fifths and minor thirds, ½ for major thirds.
        var chroma = Spectrogram(bins: 12, frames: 1)
        chroma[0, 0] = 3
        let t = tonnetz(chroma: chroma)
        // cos(±π/2) in float64 is 6e-17 away from 0.
        expectClose(t.values, [0, 1, 0, 1, 0, 0.5], tolerance: 1e-7, "tonnetz of C")
    }

    @Test func silenceGivesZeros() throws {
        let t = try tonnetz([Float](repeating: 0, count: 3000))
        #expect(t.bins == 6 && t.frames == 1 + 3000 / 512)
        #expect(t.values.allSatisfy { $0 == 0 })
    }
}
