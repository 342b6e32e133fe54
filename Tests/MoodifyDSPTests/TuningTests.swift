import Foundation
import Testing
@testable import MoodifyDSP

/// Tuning estimation (`pitchTuning`, `piptrack`, `estimateTuning`) against librosa 0.11 (Golden/chroma).
@Suite struct TuningTests {
    @Test func pitchTuningMatchesLibrosa() throws {
        let cases = try ChromaGoldens.load(ChromaFiltersGolden.self, "filters.json").pitchTuning
        #expect(cases.count == 3)
        for (name, c) in cases {
            let f = c.frequencies.map { Float($0) }
            // The answer is a histogram edge computed by the same linspace formula: equal to the last bit;
            // the 1e-12 is only a guard for the JSON round trip.
            #expect(abs(try pitchTuning(f) - c.tuning12) < 1e-12, "\(name), 12 bins per octave")
            #expect(abs(try pitchTuning(f, binsPerOctave: 36) - c.tuning36) < 1e-12, "\(name), 36 bins per octave")
            #expect(abs(try pitchTuning(f, resolution: 0.05) - c.tuning12coarse) < 1e-12, "\(name), resolution 0.05")
        }
    }

    @Test func pitchTuningOfNothingIsZero() throws {
        #expect(try pitchTuning([]) == 0)
        #expect(try pitchTuning([0, -440]) == 0)
    }

    @Test func rejectsBadParameters() {
        #expect(throws: ChromaError.invalidParameter(name: "resolution", value: "1.5", requirement: "in (0, 1)")) {
            try pitchTuning([440], resolution: 1.5)
        }
        #expect(throws: ChromaError.self) { try pitchTuning([440], binsPerOctave: 0) }
        #expect(throws: ChromaError.emptySignal) { try estimateTuning([]) }
        #expect(throws: ChromaError.self) { try estimateTuning([0.1, .nan, 0.2]) }
    }

    @Test func estimatesEqualLibrosaOnEverySignal() throws {
        let signals = try ChromaGoldens.signals()
        #expect(signals.count >= 7)
        for (name, golden, y) in signals {
            // Tunings are histogram edges on a 0.01 grid: an estimate either agrees exactly or by whole steps.
            #expect(abs(try estimateTuning(y) - golden.tuning12) < 1e-9, "\(name): magnitude STFT, 12 bins per octave")
            #expect(abs(try estimateTuning(y, binsPerOctave: 36) - golden.tuning36) < 1e-9, "\(name): 36 bins per octave")
            let power = spectrogram(y, power: 2)
            #expect(abs(try estimateTuning(spectrogram: power) - golden.tuningPower) < 1e-9, "\(name): power spectrogram")
        }
    }

    @Test(.enabled(if: TestCorpus.available, "needs ../shared/corpus/crema-d-dev"))
    func estimatesEqualLibrosaOnThirtyThreeClips() throws {
        let clips = try ChromaGoldens.load([String: ChromaClipGolden].self, "clips.json")
        #expect(clips.count == 33)
        var disagreements = [String]()
        for (name, golden) in clips.sorted(by: { $0.key < $1.key }) {
            let y = try #require(try ChromaGoldens.signal(name))
            #expect(y.count == golden.length, "\(name): \(y.count) samples, librosa loaded \(golden.length)")
            for (ours, theirs, what) in [(try estimateTuning(y), golden.tuning12, "12"),
                                         (try estimateTuning(y, binsPerOctave: 36), golden.tuning36, "36"),
                                         (try estimateTuning(spectrogram: spectrogram(y, power: 2)), golden.tuningPower, "power")]
            where abs(ours - theirs) > 1e-9 {
                disagreements.append("\(name) \(what): \(ours) vs \(theirs)")
            }
        }
        // The estimate is a vote among thousands of peaks; every one of the 99 estimates agrees today.
        #expect(disagreements.isEmpty, "\(disagreements)")
    }

    @Test func detunedToneIsFoundThirtyCentsSharp() throws {
        let y = try #require(ChromaGoldens.synthetic["detuned"])
        // An A raised by 0.30 semitone: the 0.01 histogram plus the parabolic fit's bias put it within 0.02.
        #expect(abs(try estimateTuning(y) - 0.3) <= 0.02)
    }

    @Test func piptrackMatchesLibrosa() throws {
        for (name, golden, y) in try ChromaGoldens.signals() {
            let track = piptrack(spectrogram: stft(y).magnitude())
            let peaks = track.pitches.values.filter { $0 != 0 }.count
            #expect(peaks == golden.piptrack.count, "\(name): \(peaks) peaks, librosa \(golden.piptrack.count)")
            let pitchSum = track.pitches.values.reduce(0.0) { $0 + Double($1) }
            let magnitudeSum = track.magnitudes.values.reduce(0.0) { $0 + Double($1) }
            // Same peaks, pitches from float32 magnitudes that agree to ~1e-6: sums agree to 1e-6 relative;
            // magnitudes carry the STFT's ~1e-6 relative difference, so 1e-5.
            #expect(abs(pitchSum - golden.piptrack.pitchSum) <= 1e-6 * max(golden.piptrack.pitchSum, 1), "\(name) pitch sum")
            #expect(abs(magnitudeSum - golden.piptrack.magnitudeSum) <= 1e-5 * max(golden.piptrack.magnitudeSum, 1e-3),
                    "\(name) magnitude sum")
        }
    }
}
