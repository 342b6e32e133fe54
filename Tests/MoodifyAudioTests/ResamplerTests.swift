import Foundation
import MoodifyAudio
import Testing

/// Resampler behaviour that does not need librosa (its values are checked in LoadGoldenTests).
@Suite struct ResamplerTests {
    @Test(arguments: [
        (n: 48000, from: 16000.0, to: 22050.0, expected: 66150),
        (n: 5000, from: 22050.0, to: 16000.0, expected: 3629),   // ceil(3628.1), one more than soxr delivers
        (n: 3, from: 16000.0, to: 22050.0, expected: 5),
        (n: 10001, from: 44100.0, to: 22050.0, expected: 5001),
    ])
    func lengthFollowsLibrosasRule(n: Int, from: Double, to: Double, expected: Int) {
        #expect(Resampler.outputLength(inputLength: n, from: from, to: to) == expected)
        let x = (0..<n).map { Float(($0 * 37) % 101) / 101 - 0.5 }
        #expect(Resampler.resample(x, from: from, to: to).count == expected)
    }

    @Test func equalRatesAndEmptyInputPassThrough() {
        let x: [Float] = [0.25, -0.5, 0.125]
        #expect(Resampler.resample(x, from: 22050, to: 22050) == x)
        #expect(Resampler.resample([], from: 16000, to: 22050).isEmpty)
    }

    @Test func aLowToneKeepsItsShapeAndLevel() {
        // A 200 Hz sine is far inside the passband, so the 22.05 kHz output must be the same sine.
        let input = (0..<16000).map { Float(0.5 * sin(2 * Double.pi * 200 * Double($0) / 16000)) }
        let output = Resampler.resample(input, from: 16000, to: 22050)
        // Skip the filter's edge transients (first and last 200 samples); HQ is 20-bit precise in the
        // passband (≈1e-6 relative), so 1e-4 absolute on a 0.5 amplitude is a loose but telling bound.
        var error: Float = 0
        for i in 200..<(output.count - 200) {
            let ideal = Float(0.5 * sin(2 * Double.pi * 200 * Double(i) / 22050))
            error = max(error, abs(output[i] - ideal))
        }
        #expect(error < 1e-4)
    }
}
