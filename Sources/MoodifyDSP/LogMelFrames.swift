/// Frame-level log-mel features for models that see the time axis: the trimmed clip's 64-band Slaney mel power
/// spectrogram (n_fft 2048, hop 512 at 22,050 Hz, as `librosa.feature.melspectrogram(y, sr, n_mels=64)`), in dB
/// (`power_to_db`, ref 1, top_db 80), each band normalised over the clip's frames to mean 0 and standard deviation 1
/// (per-utterance normalisation: a louder clip or a different microphone gain gives the same values), then centred in a
/// fixed window of 128 frames (2.97 s): a longer clip keeps its middle 128 frames, a shorter one is padded with zeros
/// (the bands' mean) on both sides. The vector is frame-major: value `t · 64 + m` is band `m` of frame `t`, so a row
/// reads as a `[128, 64]` sequence (`input_shape: [128, 64]`).
enum LogMelFrames {
    /// Mel bands per frame.
    static let bands = 64
    /// Frames per clip.
    static let frames = 128
    /// FFT size and hop in samples at 22,050 Hz.
    static let nFFT = 2048, hopLength = 512
    /// A band whose spread over the clip is below this (dB) is only centred, not scaled.
    static let minimumSpread: Float = 1e-3

    /// "logmel_t000_m01" … "logmel_t127_m64": frame `t` (from 0), band `m` (from 1).
    static let columns = (0..<frames).flatMap { t in
        numberedColumns("logmel_t\(padded(t, digits: 3))_m", bands, digits: 2)
    }

    /// Parameters for cache keys and bundles.
    static let parameters = "logmel_frames v1: load sr=22050 (soxr_hq); trim top_db=30 frame=2048 hop=512; melspectrogram "
        + "n_fft=\(nFFT) hop=\(hopLength) hann center=constant \(bands) slaney mels power=2; power_to_db ref=1 amin=1e-10 "
        + "top_db=80; per-band mean/std over frames (std floor \(minimumSpread)); centred crop/zero-pad to \(frames) frames; "
        + "frame-major [\(frames), \(bands)]"

    /// `i` in decimal with leading zeros to `digits` digits.
    static func padded(_ i: Int, digits: Int) -> String {
        let s = String(i)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }

    /// The `frames · bands` values for samples at `sampleRate`.
    static func vector(_ y: [Float], sampleRate sr: Double) -> [Float] {
        let db = powerToDB(melspectrogram(y, sr: sr, nFFT: nFFT, hopLength: hopLength, nMels: bands))
        return window(normalisedBands(db))
    }

    /// Each band of `s` minus its mean over the frames, divided by its standard deviation (floored).
    static func normalisedBands(_ s: Spectrogram) -> Spectrogram {
        var out = s
        for m in 0..<s.bins {
            let (mean, std) = meanAndStd(Array(s.row(m)))
            let scale = 1 / max(std, minimumSpread)
            for t in 0..<s.frames { out[m, t] = (s[m, t] - mean) * scale }
        }
        return out
    }

    /// The middle `frames` frames of `s` (zero-padded equally on both sides when shorter), frame-major.
    static func window(_ s: Spectrogram) -> [Float] {
        var row = [Float](repeating: 0, count: frames * bands)
        let kept = min(s.frames, frames)
        let source = (s.frames - kept) / 2, target = (frames - kept) / 2
        for t in 0..<kept {
            for m in 0..<s.bins { row[(target + t) * bands + m] = s[m, source + t] }
        }
        return row
    }
}

extension FeatureSet {
    /// Frame-level log-mel (128 frames × 64 bands, per-band normalised, frame-major) of the trimmed clip; see `LogMelFrames`.
    public static let logmelFrames = FeatureSet(
        name: "logmel_frames", columns: LogMelFrames.columns, parameters: LogMelFrames.parameters,
        recipe: .logmelFrames, trims: true)
}
