import Foundation
import Testing
@testable import MoodifyDSP

/// The "logmel_frames" set: layout, per-band normalisation, centring, and invariance to loudness.
@Suite("Log-mel frames")
struct LogMelFramesTests {
    /// The layout of "logmel_frames": per-band normalised bands only.
    static let layout = LogMelFrames.Layout(normalisation: .perBand)

    /// A 1.5 s test signal at 22,050 Hz: a tone gliding 150 → 400 Hz with its second harmonic, an amplitude wobble and
    /// a little seeded noise, so that every band varies over time.
    static func voiceLike(seconds: Double = 1.5, gain: Float = 0.3) -> [Float] {
        var state: UInt64 = 12345
        return (0..<Int(seconds * 22050)).map { i in
            let t = Double(i) / 22050
            let phase = 2 * Double.pi * (150 * t + 250 * t * t / (2 * seconds))
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let noise = Double(Int64(bitPattern: state >> 1) % 2001 - 1000) / 1000 * 0.01
            return gain * Float((sin(phase) + 0.5 * sin(2 * phase)) * (0.6 + 0.4 * sin(2 * Double.pi * 3 * t)) + noise)
        }
    }

    @Test func columnsAreFrameMajor() throws {
        let set = FeatureSet.logmelFrames
        #expect(set.columns.count == 128 * 64)
        #expect(set.columns[0] == "logmel_t000_m01" && set.columns[64] == "logmel_t001_m01" && set.columns.last == "logmel_t127_m64")
        #expect(set.trims)
        #expect(try FeatureSet.named("logmel_frames") == set)
    }

    @Test("a short clip is centred between zero frames, and each band has mean 0 and std 1 over its frames")
    func shortClipIsNormalisedAndCentred() {
        let y = Self.voiceLike()
        let frames = 1 + y.count / 512   // centred STFT frames
        let row = LogMelFrames.vector(y, sampleRate: 22050, layout: Self.layout)
        #expect(row.count == 128 * 64)
        let start = (128 - frames) / 2
        let kept = start..<(start + frames)
        for t in 0..<128 where !kept.contains(t) {
            #expect(row[(t * 64)..<((t + 1) * 64)].allSatisfy { $0 == 0 }, "frame \(t) is padding")
        }
        for m in 0..<64 {
            let band = kept.map { Double(row[$0 * 64 + m]) }
            let mean = band.reduce(0, +) / Double(band.count)
            let variance = band.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(band.count)
            // float32 sums of ~65 values of size ≤ 10: errors ~1e-5; 1e-4 leaves room.
            #expect(abs(mean) < 1e-4 && abs(variance - 1) < 1e-4, "band \(m + 1): mean \(mean), variance \(variance)")
        }
    }

    @Test("12 dB louder gives the same row: per-utterance normalisation removes the gain")
    func gainInvariant() {
        let quiet = LogMelFrames.vector(Self.voiceLike(gain: 0.1), sampleRate: 22050, layout: Self.layout)
        let loud = LogMelFrames.vector(Self.voiceLike(gain: 0.1 * 3.981), sampleRate: 22050, layout: Self.layout)
        // A gain adds a constant in dB per band, removed by the centring; float32 logs of the powers differ by ~1e-6 dB,
        // divided by band spreads of a few dB (but bands clamped by top_db=80 near silence could differ): 1e-3.
        let worst = zip(quiet, loud).map { abs($0 - $1) }.max() ?? 0
        #expect(worst < 1e-3)
    }

    @Test func longClipKeepsItsMiddle() {
        let y = Self.voiceLike(seconds: 4)
        let frames = 1 + y.count / 512
        let full = LogMelFrames.normalisedBands(powerToDB(melspectrogram(y, sr: 22050, nFFT: 2048, hopLength: 512, nMels: 64)))
        #expect(full.frames == frames)
        let row = LogMelFrames.window(full)
        let first = (frames - 128) / 2
        for t in [0, 64, 127] { for m in [0, 31, 63] { #expect(row[t * 64 + m] == full[m, first + t]) } }
    }
}
