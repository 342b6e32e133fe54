extension FeatureSet {
    /// "logmel_env_prosody_frames": 128 frames × 67 channels, frame-major: the 64 log-mel bands of "logmel_frames" but
    /// normalised per clip (one mean and one standard deviation over all bands and frames: gain-invariant, keeping the
    /// spectral envelope), followed in each frame by `ProsodyFrames`' f0, voiced and rms (logmel_t000_m01 … logmel_t000_m64,
    /// logmel_t000_f0, logmel_t000_voiced, logmel_t000_rms, logmel_t001_m01, …).
    public static let logmelEnvProsodyFrames = frameSet("logmel_env_prosody_frames",
                                                        LogMelFrames.Layout(normalisation: .perClip, prosody: true))
}
