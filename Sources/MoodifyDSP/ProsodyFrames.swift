import Foundation

/// Three prosody channels per frame, aligned with the log-mel frames (2,048 samples every 512, centred), from the
/// tracks `Prosody` measures (YIN 65–500 Hz, its voicing rule, RMS):
/// - `f0`: pitch of a voiced frame in octaves re the clip's mean voiced pitch ((st − mean st) / 12, st = semitones re
///   100 Hz); 0 when unvoiced or when the clip has no voiced frame. Removes the speaker's pitch level, keeps contour and range.
/// - `voiced`: 1 for a voiced frame, else 0.
/// - `rms`: RMS in dB re the loudest frame (floor −80 dB), minus its mean over the clip's frames, divided by its
///   standard deviation (floor 1e-3 dB): the loudness contour, invariant to gain.
enum ProsodyFrames {
    /// Channel names, in order.
    static let channels = ["f0", "voiced", "rms"]
    /// A canonical description for cache keys.
    static let parameters = "prosody frames: yin fmin=65 fmax=500 as prosody v1, f0 octaves re clip's voiced mean "
        + "(0 unvoiced), voiced flag, rms dB re max z-scored over frames (std floor 0.001)"

    /// The channels (rows) over the frames (columns) of samples at `sampleRate`.
    static func rows(_ y: [Float], sampleRate sr: Double) -> Spectrogram {
        let tracks = Prosody.tracks(y, sampleRate: sr)
        let frames = tracks.frames
        let semitones = (0..<frames).map { tracks.voiced[$0] ? 12 * log2(tracks.yin.f0[$0] / 100) : 0 }
        let voicedCount = tracks.voiced.filter { $0 }.count
        let centre = voicedCount > 0 ? semitones.reduce(0, +) / Float(voicedCount) : 0
        let (mean, std) = meanAndStd(tracks.loudness)
        let scale = 1 / max(std, LogMelFrames.minimumSpread)
        var out = Spectrogram(bins: 3, frames: frames)
        for t in 0..<frames {
            out[0, t] = tracks.voiced[t] ? (semitones[t] - centre) / 12 : 0
            out[1, t] = tracks.voiced[t] ? 1 : 0
            out[2, t] = (tracks.loudness[t] - mean) * scale
        }
        return out
    }
}
