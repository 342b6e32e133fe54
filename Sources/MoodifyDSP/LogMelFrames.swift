/// Frame-level log-mel features for models that see the time axis: the trimmed clip's 64-band Slaney mel power
/// spectrogram (n_fft 2048, hop 512 at 22,050 Hz, as `librosa.feature.melspectrogram(y, sr, n_mels=64)`), in dB
/// (`power_to_db`, ref 1, top_db 80), normalised per clip as the set's `Layout` says (each band over the clip's frames,
/// or the whole clip by one mean and one spread), optionally followed per frame by prosody channels, then centred in a fixed window of 128 frames (2.97 s): a longer clip keeps its middle 128 frames, a shorter
/// one is padded with zeros on both sides. The vector is frame-major: value `t · C + c` is channel `c` of frame `t`
/// (`C` channels per frame), so a row reads as a `[128, C]` sequence (`input_shape: [128, C]`).
enum LogMelFrames {
    /// Mel bands per frame.
    static let bands = 64
    /// Frames per clip.
    static let frames = 128
    /// FFT size and hop in samples at 22,050 Hz.
    static let nFFT = 2048, hopLength = 512
    /// A band (or clip) whose spread is below this (dB) is only centred, not scaled.
    static let minimumSpread: Float = 1e-3

    /// How the dB values are normalised per clip.
    enum Normalisation: Sendable, Hashable {
        /// Each band minus its mean over the clip's frames, divided by its standard deviation: removes the gain and the
        /// clip's spectral envelope.
        case perBand
        /// Every value minus the mean over all bands and frames, divided by their one standard deviation: removes the
        /// gain, keeps the envelope (tilt, formant-region energy).
        case perClip
    }

    /// What one frame holds: the normalised bands, then (optionally) prosody.
    struct Layout: Sendable, Hashable {
        /// How the bands are normalised.
        var normalisation: Normalisation
        /// Whether the three `ProsodyFrames` channels (f0, voiced, rms) come last.
        var prosody = false

        /// Channel names per frame: "m01" … "m64", then "f0", "voiced", "rms".
        var channels: [String] { numberedColumns("m", bands, digits: 2) + (prosody ? ProsodyFrames.channels : []) }

        /// "logmel_t000_m01" …: frame `t` (from 0), then the channel.
        var columns: [String] {
            let channels = self.channels
            return (0..<frames).flatMap { t in channels.map { "logmel_t\(padded(t, digits: 3))_\($0)" } }
        }

        /// Parameters for cache keys and bundles of the set called `name`.
        func parameters(name: String) -> String {
            let normalised = switch normalisation {
            case .perBand: "per-band mean/std over frames (std floor \(minimumSpread))"
            case .perClip: "per-clip mean/std over all bands and frames (std floor \(minimumSpread))"
            }
            return "\(name) v1: load sr=22050 (soxr_hq); trim top_db=30 frame=2048 hop=512; melspectrogram "
                + "n_fft=\(nFFT) hop=\(hopLength) hann center=constant \(bands) slaney mels power=2; power_to_db ref=1 amin=1e-10 "
                + "top_db=80; \(normalised); "
                + (prosody ? "\(ProsodyFrames.parameters); " : "")
                + "centred crop/zero-pad to \(frames) frames; frame-major [\(frames), \(channels.count)]"
        }
    }

    /// `i` in decimal with leading zeros to `digits` digits.
    static func padded(_ i: Int, digits: Int) -> String {
        let s = String(i)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }

    /// The `frames · channels` values of `layout` for samples at `sampleRate`.
    static func vector(_ y: [Float], sampleRate sr: Double, layout: Layout) -> [Float] {
        let db = powerToDB(melspectrogram(y, sr: sr, nFFT: nFFT, hopLength: hopLength, nMels: bands))
        let normalised = layout.normalisation == .perBand ? normalisedBands(db) : normalisedClip(db)
        return window(layout.prosody ? stacked([normalised, ProsodyFrames.rows(y, sampleRate: sr)]) : normalised)
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

    /// All of `s` minus its one mean, divided by its one standard deviation (floored).
    static func normalisedClip(_ s: Spectrogram) -> Spectrogram {
        let (mean, std) = meanAndStd(s.values)
        let scale = 1 / max(std, minimumSpread)
        return Spectrogram(bins: s.bins, frames: s.frames, values: s.values.map { ($0 - mean) * scale })
    }

    /// The rows of `parts` one after another, over the frames they all have.
    static func stacked(_ parts: [Spectrogram]) -> Spectrogram {
        let frames = parts.map(\.frames).min() ?? 0
        var values = [Float]()
        values.reserveCapacity(parts.reduce(0) { $0 + $1.bins } * frames)
        for part in parts { for b in 0..<part.bins { values += part.values[(b * part.frames)..<(b * part.frames + frames)] } }
        return Spectrogram(bins: parts.reduce(0) { $0 + $1.bins }, frames: frames, values: values)
    }

    /// The middle `frames` frames of `s` (zero-padded equally on both sides when shorter), frame-major with
    /// `s.bins` values per frame.
    static func window(_ s: Spectrogram) -> [Float] {
        let width = s.bins
        var row = [Float](repeating: 0, count: frames * width)
        let kept = min(s.frames, frames)
        let source = (s.frames - kept) / 2, target = (frames - kept) / 2
        for t in 0..<kept {
            for m in 0..<width { row[(target + t) * width + m] = s[m, source + t] }
        }
        return row
    }
}

extension FeatureSet {
    /// Frame-level log-mel (128 frames × 64 bands, per-band normalised, frame-major) of the trimmed clip; see `LogMelFrames`.
    public static let logmelFrames = frameSet("logmel_frames", LogMelFrames.Layout(normalisation: .perBand))

    /// The frame set called `name` with `layout` (trimmed clips).
    static func frameSet(_ name: String, _ layout: LogMelFrames.Layout) -> FeatureSet {
        FeatureSet(name: name, columns: layout.columns, parameters: layout.parameters(name: name),
                   recipe: .logmelFrames(layout), trims: true)
    }
}
