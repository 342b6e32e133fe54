import Foundation

/// Prosody of one clip in 16 values: pitch (YIN), voicing, loudness contour and a speaking-rate proxy. Frames are
/// 2,048 samples every 512 (93 ms every 23 ms at 22,050 Hz), centred, so YIN and RMS frames coincide.
///
/// - voicing: a frame is voiced when YIN's aperiodicity (the normalised difference at the chosen period) is below
///   0.5 and its RMS lies within 25 dB of the clip's loudest frame and above 1e-4 (−80 dB full scale: digital silence
///   is never voiced). `voiced_fraction` is their share of all frames.
/// - pitch, over voiced frames, in semitones re 100 Hz (12·log2(f0/100)) of `librosa.yin(fmin=65, fmax=500)`:
///   `f0_mean_st`, `f0_std_st`, `f0_p05_st`, `f0_p95_st`, `f0_range_st` (p95 − p05), `f0_slope_st_per_s` (least-squares
///   slope against time in seconds); all 0 without voiced frames (the slope also with one).
/// - `aperiodicity_mean`: mean YIN aperiodicity over all frames (breathiness, noise).
/// - loudness, over all frames, RMS in dB re the loudest frame (`amplitude_to_db(rms, ref=max)`, floor −80 dB):
///   `rms_db_mean`, `rms_db_std`, `rms_db_p10`, `rms_db_p50`, `rms_db_p90`, `rms_db_slope_per_s`.
/// - rate: `energy_peaks_per_s`, frames whose RMS dB is the largest of the 7 frames around them (±70 ms) and above
///   −30 dB, per second of audio; `voiced_runs_per_s`, runs of consecutive voiced frames per second (syllable nuclei).
/// Percentiles interpolate linearly (numpy's default).
enum Prosody {
    /// Column names, one per value.
    static let columns = ["voiced_fraction", "f0_mean_st", "f0_std_st", "f0_p05_st", "f0_p95_st", "f0_range_st",
                          "f0_slope_st_per_s", "aperiodicity_mean", "rms_db_mean", "rms_db_std", "rms_db_p10",
                          "rms_db_p50", "rms_db_p90", "rms_db_slope_per_s", "energy_peaks_per_s", "voiced_runs_per_s"]

    /// YIN's search range in Hz (speech: low male voices to high, excited female ones).
    static let fmin = 65.0, fmax = 500.0
    /// Largest aperiodicity of a voiced frame.
    static let voicingThreshold: Float = 0.5
    /// How far below the loudest frame a voiced frame may lie, in dB.
    static let voicingFloorDB: Float = -25
    /// Smallest RMS of a voiced frame (−80 dB full scale).
    static let voicingFloorRMS: Float = 1e-4
    /// How far below the loudest frame an energy peak may lie, in dB.
    static let peakFloorDB: Float = -30
    /// Frames on either side an energy peak must dominate.
    static let peakReach = 3

    /// A canonical description for the cache key.
    static let parameters = "prosody v1: frame=2048 hop=512 centred; yin fmin=65 fmax=500 trough=0.1; voiced: "
        + "aperiodicity<0.5 and rms>=max-25dB and rms>=1e-4; f0 semitones re 100 Hz mean,std,p05,p95,range,slope/s; aperiodicity "
        + "mean; rms amplitude_to_db ref=max top_db=80 mean,std,p10,p50,p90,slope/s; energy peaks (max of ±3 "
        + "frames, >-30 dB)/s; voiced runs/s; percentiles linear"

    /// Hop between frames in samples (frames of 2,048, centred).
    static let hop = 512

    /// The per-frame tracks behind the values: YIN's estimate, RMS in dB re the loudest frame, and the voicing decision.
    struct Tracks: Sendable, Equatable {
        /// YIN's f0 (Hz) and aperiodicity per frame.
        var yin: YINTrack
        /// RMS in dB re the loudest frame (floor −80 dB) per frame.
        var loudness: [Float]
        /// Whether each frame is voiced.
        var voiced: [Bool]
        /// Frames in all three tracks.
        var frames: Int { voiced.count }
    }

    /// The last clips' tracks, shared by the sets that need them.
    static let recent = RecentProsodyTracks(capacity: 8)

    /// The tracks of samples at `sampleRate`, over the frames YIN and RMS both have (measured once per clip while it
    /// is among the last few measured).
    static func tracks(_ y: [Float], sampleRate sr: Double) -> Tracks {
        recent.tracks(of: y, sampleRate: sr) { measuredTracks(y, sampleRate: sr) }
    }

    /// The tracks of samples at `sampleRate`, measured.
    static func measuredTracks(_ y: [Float], sampleRate sr: Double) -> Tracks {
        let track = yinTrack(y, fmin: fmin, fmax: fmax, sr: sr, frameLength: 2048, hopLength: hop)
        let amplitudes = rms(y, frameLength: 2048, hopLength: hop)
        let loudness = amplitudeToDB(amplitudes, ref: .max)
        let frames = min(track.f0.count, loudness.count)
        let voiced = (0..<frames).map {
            track.aperiodicity[$0] < voicingThreshold && loudness[$0] >= voicingFloorDB && amplitudes[$0] >= voicingFloorRMS
        }
        return Tracks(yin: track, loudness: Array(loudness.prefix(frames)), voiced: voiced)
    }

    /// The 16 values for samples at `sampleRate`.
    static func vector(_ y: [Float], sampleRate sr: Double) -> [Float] {
        let measured = tracks(y, sampleRate: sr)
        let track = measured.yin, loudness = measured.loudness, voiced = measured.voiced, frames = measured.frames
        let seconds = (0..<frames).map { Double($0 * hop) / sr }
        let voicedFrames = (0..<frames).filter { voiced[$0] }
        let pitch = voicedFrames.map { 12 * log2(Double(track.f0[$0]) / 100) }
        let db = loudness.prefix(frames).map(Double.init)
        let duration = max(Double(y.count) / sr, 1 / sr)

        var out = [frames > 0 ? Double(voicedFrames.count) / Double(frames) : 0]
        if pitch.isEmpty {
            out += [0, 0, 0, 0, 0, 0]
        } else {
            let (mean, std) = meanStd(pitch)
            let p05 = percentile(pitch, 5), p95 = percentile(pitch, 95)
            out += [mean, std, p05, p95, p95 - p05, slope(pitch, at: voicedFrames.map { seconds[$0] })]
        }
        out.append(frames > 0 ? meanStd(track.aperiodicity.prefix(frames).map(Double.init)).mean : 0)
        let (dbMean, dbStd) = meanStd(db)
        out += [dbMean, dbStd, percentile(db, 10), percentile(db, 50), percentile(db, 90), slope(db, at: seconds)]
        let peaks = (0..<frames).filter { t in
            loudness[t] > peakFloorDB
                && (max(0, t - peakReach)..<min(frames, t + peakReach + 1)).allSatisfy { loudness[$0] <= loudness[t] }
                && (max(0, t - peakReach)..<t).allSatisfy { loudness[$0] < loudness[t] }
        }
        let runs = (0..<frames).filter { voiced[$0] && ($0 == 0 || !voiced[$0 - 1]) }
        out += [Double(peaks.count) / duration, Double(runs.count) / duration]
        return out.map(Float.init)
    }

    /// Mean and population standard deviation; (0, 0) when empty.
    static func meanStd(_ x: [Double]) -> (mean: Double, std: Double) {
        guard !x.isEmpty else { return (0, 0) }
        let mean = x.reduce(0, +) / Double(x.count)
        return (mean, (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)).squareRoot())
    }

    /// The `q`-th percentile with linear interpolation between order statistics (numpy's default); 0 when empty.
    static func percentile(_ x: [Double], _ q: Double) -> Double {
        guard !x.isEmpty else { return 0 }
        let sorted = x.sorted()
        let position = q / 100 * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = min(low + 1, sorted.count - 1)
        return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
    }

    /// Least-squares slope of `y` against `x`; 0 with fewer than two points or no spread in `x`.
    static func slope(_ y: [Double], at x: [Double]) -> Double {
        guard y.count >= 2 else { return 0 }
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        var sxy = 0.0, sxx = 0.0
        for (a, b) in zip(x, y) { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx) }
        return sxx > 0 ? sxy / sxx : 0
    }
}
