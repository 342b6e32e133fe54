import Foundation
import Testing
@testable import MoodifyDSP

/// The memory that lets two feature sets of one clip share its YIN and loudness tracks.
struct RecentProsodyTracksTests {
    /// `seconds` of a tone at `hz`, 22,050 Hz.
    private func tone(_ hz: Double, seconds: Double = 0.5) -> [Float] {
        (0..<Int(seconds * 22050)).map { Float(0.3 * sin(2 * Double.pi * hz * Double($0) / 22050)) }
    }

    @Test func aClipIsMeasuredOnceWhileRemembered() {
        let memory = RecentProsodyTracks(capacity: 2)
        var measured = 0
        func tracks(_ y: [Float]) -> Prosody.Tracks {
            memory.tracks(of: y, sampleRate: 22050) { measured += 1; return Prosody.measuredTracks(y, sampleRate: 22050) }
        }
        let a = tone(150), b = tone(200), c = tone(250)
        let first = tracks(a)
        #expect(tracks(a) == first && measured == 1, "the same array: remembered")
        #expect(tracks(Array(a)) == first && measured == 1, "equal samples in another array: remembered")
        _ = tracks(b)
        _ = tracks(a)  // a is now the most recent
        _ = tracks(c)  // evicts b, the least recently used
        #expect(measured == 3 && memory.count == 2)
        _ = tracks(a)
        #expect(measured == 3)
        _ = tracks(b)
        #expect(measured == 4, "b was forgotten")
        #expect(first == Prosody.measuredTracks(a, sampleRate: 22050))
    }

    @Test func theSharedMemoryGivesWhatMeasuringGives() {
        let y = tone(180, seconds: 1)
        #expect(Prosody.tracks(y, sampleRate: 22050) == Prosody.measuredTracks(y, sampleRate: 22050))
        #expect(Prosody.tracks(y, sampleRate: 16000) == Prosody.measuredTracks(y, sampleRate: 16000), "the rate is part of the key")
    }
}
