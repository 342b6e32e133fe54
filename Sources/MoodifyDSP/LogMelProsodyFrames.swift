extension FeatureSet {
    /// "logmel_prosody_frames": 128 frames × 67 channels, frame-major: the 64 per-band normalised log-mel bands of
    /// "logmel_frames" (logmel_t000_m01 …) followed in each frame by `ProsodyFrames`' f0, voiced and rms
    /// (logmel_t000_f0, logmel_t000_voiced, logmel_t000_rms).
    public static let logmelProsodyFrames = frameSet("logmel_prosody_frames",
                                                     LogMelFrames.Layout(normalisation: .perBand, prosody: true))
}
