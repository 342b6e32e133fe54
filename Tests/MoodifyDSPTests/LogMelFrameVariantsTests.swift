import Foundation
import Testing
@testable import MoodifyDSP

/// Frame layouts beside "logmel_frames": per-clip (envelope-keeping) normalisation and per-frame prosody channels, as
/// "logmel_env_prosody_frames" combines them.
@Suite("Log-mel frame variants")
struct LogMelFrameVariantsTests {
    static let y = LogMelFramesTests.voiceLike()
    /// Centred STFT frames of `y`, and where they sit in the 128-frame window.
    static let frames = 1 + y.count / 512
    static let kept = ((128 - frames) / 2)..<((128 - frames) / 2 + frames)

    @Test("logmel_frames keeps its cache key: the factored parameters are the previous string")
    func logmelFramesParametersUnchanged() {
        #expect(FeatureSet.logmelFrames.parameters == "logmel_frames v1: load sr=22050 (soxr_hq); trim top_db=30 frame=2048 "
            + "hop=512; melspectrogram n_fft=2048 hop=512 hann center=constant 64 slaney mels power=2; power_to_db ref=1 "
            + "amin=1e-10 top_db=80; per-band mean/std over frames (std floor 0.001); centred crop/zero-pad to 128 frames; "
            + "frame-major [128, 64]")
    }

    @Test func layout() throws {
        let set = FeatureSet.logmelEnvProsodyFrames
        #expect(set.columns.count == 128 * 67 && set.trims)
        #expect(Array(set.columns[63...67]) == ["logmel_t000_m64", "logmel_t000_f0", "logmel_t000_voiced", "logmel_t000_rms",
                                                "logmel_t001_m01"])
        #expect(set.columns.last == "logmel_t127_rms")
        #expect(try FeatureSet.named("logmel_env_prosody_frames") == set)
        #expect(Set(FeatureSet.all.map(\.parameters)).count == FeatureSet.all.count)
    }

    @Test("per-clip normalisation: one mean and one spread, so band means keep the envelope")
    func envelopeIsKept() {
        let row = LogMelFrames.vector(Self.y, sampleRate: 22050, layout: .init(normalisation: .perClip))
        let db = powerToDB(melspectrogram(Self.y, sr: 22050, nFFT: 2048, hopLength: 512, nMels: 64))
        let (mean, std) = meanAndStd(db.values)
        for t in 0..<128 where !Self.kept.contains(t) { #expect(row[(t * 64)..<((t + 1) * 64)].allSatisfy { $0 == 0 }) }
        let values = Self.kept.flatMap { t in row[(t * 64)..<((t + 1) * 64)].map(Double.init) }
        let m = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count)
        // float32 arithmetic over ~4,000 values of size ≤ 10: errors ~1e-5.
        #expect(abs(m) < 1e-4 && abs(variance - 1) < 1e-4)
        let start = Self.kept.lowerBound
        for t in [0, 30, Self.frames - 1] {
            for b in [0, 20, 63] {
                // One float32 subtraction and multiplication of values ≤ 100: 1e-4.
                #expect(abs(row[(start + t) * 64 + b] - (db[b, t] - mean) / std) < 1e-4)
            }
        }
        let bandMeans = (0..<64).map { b in Self.kept.reduce(Float(0)) { $0 + row[$1 * 64 + b] } / Float(Self.frames) }
        #expect((bandMeans.max()! - bandMeans.min()!) > 1, "the envelope (band means) survives")
    }

    @Test("12 dB louder gives the same rows with per-clip normalisation and with prosody channels")
    func gainInvariant() {
        for layout in [LogMelFrames.Layout(normalisation: .perClip, prosody: true), .init(normalisation: .perBand, prosody: true)] {
            let quiet = LogMelFrames.vector(LogMelFramesTests.voiceLike(gain: 0.1), sampleRate: 22050, layout: layout)
            let loud = LogMelFrames.vector(LogMelFramesTests.voiceLike(gain: 0.1 * 3.981), sampleRate: 22050, layout: layout)
            // A gain shifts every dB value by one constant (removed by the centring) and leaves YIN's periods and the
            // voicing (relative to the loudest frame) alone; float32 rounding only: 1e-3.
            let worst = zip(quiet, loud).map { abs($0 - $1) }.max() ?? 0
            #expect(worst < 1e-3, "\(layout)")
        }
    }

    @Test("prosody channels align with the mel frames, follow the glide, and pad with zeros")
    func prosodyChannels() throws {
        let tracks = ProsodyFrames.rows(Self.y, sampleRate: 22050)
        #expect(tracks.bins == 3 && tracks.frames == Self.frames)
        let row = try FeatureSet.logmelEnvProsodyFrames.vector(forTrimmed: Self.y)
        #expect(row.count == 128 * 67)
        for t in 0..<128 where !Self.kept.contains(t) { #expect(row[(t * 67)..<((t + 1) * 67)].allSatisfy { $0 == 0 }) }
        let start = Self.kept.lowerBound
        for t in 0..<Self.frames { for c in 0..<3 { #expect(row[(start + t) * 67 + 64 + c] == tracks[c, t]) } }
        let voiced = (0..<Self.frames).filter { tracks[1, $0] == 1 }
        #expect((0..<Self.frames).allSatisfy { tracks[1, $0] == 0 || tracks[1, $0] == 1 })
        #expect(voiced.count > Self.frames * 3 / 4, "the glide is voiced: \(voiced.count) of \(Self.frames)")
        let f0 = voiced.map { Double(tracks[0, $0]) }
        // Float32 sums of ~60 values below 1: 1e-5.
        #expect(abs(f0.reduce(0, +) / Double(f0.count)) < 1e-5, "pitch is centred on the voiced mean")
        // The glide's instantaneous frequency is 150 + 250·t/1.5 Hz; frames 5 and n−6 (centres 0.12 s from either end,
        // so their 93 ms windows hold only signal) should differ by log2 of the ratio of its values at their centres.
        let a = 5, b = Self.frames - 6
        func hz(_ t: Int) -> Double { 150 + 250 * Double(t * 512) / 22050 / 1.5 }
        let rise = Double(tracks[0, b] - tracks[0, a]), expected = log2(hz(b) / hz(a))
        // YIN on 93 ms frames of a glide reads the frame's mean period: within 0.05 octave (< 1 semitone).
        #expect(abs(rise - expected) < 0.05, "rise \(rise) octaves, expected \(expected)")
        let loudness = (0..<Self.frames).map { Double(tracks[2, $0]) }
        let m = loudness.reduce(0, +) / Double(loudness.count)
        let variance = loudness.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(loudness.count)
        #expect(abs(m) < 1e-4 && abs(variance - 1) < 1e-4)
    }

    @Test("digital silence gives finite zeros: no voiced frame, no spread to divide by")
    func silenceIsZero() throws {
        let row = try FeatureSet.logmelEnvProsodyFrames.vector(forTrimmed: [Float](repeating: 0, count: 22050))
        #expect(row.count == 128 * 67 && row.allSatisfy { $0 == 0 })
    }
}
