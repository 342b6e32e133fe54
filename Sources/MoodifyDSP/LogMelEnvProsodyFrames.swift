extension FeatureSet {
    /// "logmel_env_prosody_frames": 128 frames × 67 channels, frame-major: the 64 per-clip normalised log-mel bands of
    /// "logmel_frames_env" followed in each frame by `ProsodyFrames`' f0, voiced and rms.
    public static let logmelEnvProsodyFrames = frameSet("logmel_env_prosody_frames",
                                                        LogMelFrames.Layout(normalisation: .perClip, prosody: true))
}
