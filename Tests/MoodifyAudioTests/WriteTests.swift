import Foundation
import MoodifyAudio
import Testing

/// WAV writing round trips through libsndfile.
@Suite struct WriteTests {
    private let samples: [Float] = (0..<4000).map { Float(0.9 * sin(Double($0) * 0.037) * cos(Double($0) * 0.0011)) }

    @Test func float32RoundTripIsExact() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("f.wav")
        let original = AudioBuffer(samples: samples + [-1, 1, 1.5], sampleRate: 16000)
        try original.write(to: path, format: .float32)
        #expect(try AudioBuffer(contentsOf: path, sampleRate: nil) == original)
        let info = try AudioFileInfo(path: path)
        #expect(info.frames == original.samples.count && info.sampleRate == 16000 && info.channels == 1)
        #expect(info.format.contains("32 bit float"))
    }

    @Test func pcm16RoundTripIsWithinHalfAStep() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("p.wav")
        try AudioBuffer(samples: samples, sampleRate: 22050).write(to: path)
        let back = try AudioBuffer(contentsOf: path, sampleRate: nil)
        #expect(back.sampleRate == 22050)
        try #require(back.samples.count == samples.count)
        // Writing rounds x·32768 to the nearest integer and reading divides by 32768, so the error is at
        // most half a quantisation step, 0.5 / 32768 (plus float32 rounding of the product, far smaller).
        #expect(maxAbsDifference(back.samples, samples) <= 0.5 / 32768 + 1e-7)
    }

    @Test func pcm16ClipsInsteadOfWrapping() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("clip.wav")
        try AudioBuffer(samples: [1.5, -1.5, 1.0], sampleRate: 8000).write(to: path)
        let back = try AudioBuffer(contentsOf: path, sampleRate: nil)
        #expect(back.samples == [32767.0 / 32768, -1, 32767.0 / 32768])
    }

    @Test func unwritableDestination() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("no/such/folder/x.wav")
        #expect {
            try AudioBuffer(samples: [0], sampleRate: 8000).write(to: path)
        } throws: { error in
            guard case AudioError.writeFailed(let where_, _) = error else { return false }
            return where_ == path
        }
        #expect {
            try AudioBuffer(samples: [0, .nan], sampleRate: 8000).write(to: folder.file("nan.wav"))
        } throws: { error in
            guard case AudioError.writeFailed(_, let reason) = error else { return false }
            return reason.contains("sample 1 is NaN")
        }
        #expect(throws: AudioError.invalidSampleRate(path: path, rate: 0)) {
            try AudioBuffer(samples: [0], sampleRate: 0).write(to: path)
        }
    }
}
