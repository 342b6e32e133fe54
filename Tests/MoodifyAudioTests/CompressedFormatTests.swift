import Foundation
import MoodifyAudio
import Testing

/// OGG/Vorbis and MP3 decode through the installed libsndfile. Lossy codecs differ between library
/// versions, so these are compared with the signal that was encoded, not with librosa's output.
@Suite struct CompressedFormatTests {
    /// One second of a 440 Hz tone at half scale, 44.1 kHz.
    private let tone: [Float] = (0..<44100).map { Float(0.5 * sin(2 * Double.pi * 440 * Double($0) / 44100)) }

    private func roundTrip(container: String, subtype: String, ext: String) throws -> AudioBuffer {
        let folder = try TemporaryFolder()
        let path = folder.file("tone." + ext)
        try SyntheticAudio.write(floats: tone, channels: 1, sampleRate: 44100,
                                 format: SyntheticAudio.formatCode(container: container, subtype: subtype), to: path)
        return try AudioBuffer(contentsOf: path, sampleRate: nil)
    }

    /// The RMS level of `x`.
    private func rms(_ x: ArraySlice<Float>) -> Double {
        (x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(x.count)).squareRoot()
    }

    @Test func oggVorbis() throws {
        let audio = try roundTrip(container: "OGG", subtype: "VORBIS", ext: "ogg")
        #expect(audio.sampleRate == 44100)
        #expect(audio.samples.count == tone.count)
        // Vorbis keeps a steady tone's level: RMS of a 0.5 sine is 0.354; allow 5 % for the codec.
        #expect(abs(rms(audio.samples[4410..<39690]) - 0.5 / 2.0.squareRoot()) < 0.018)
    }

    @Test func mp3() throws {
        let audio = try roundTrip(container: "MP3", subtype: "MPEG_LAYER_III", ext: "mp3")
        #expect(audio.sampleRate == 44100)
        // MP3 adds encoder delay and padding, so the length is only close to the original.
        #expect(abs(audio.samples.count - tone.count) < 4 * 1152)
        // Same level check as for Vorbis; 5 % of the tone's RMS.
        #expect(abs(rms(audio.samples[4410..<39690]) - 0.5 / 2.0.squareRoot()) < 0.018)
    }
}
