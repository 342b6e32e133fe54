extension FeatureSet {
    /// "logmel_env_delta_frames": 128 frames × 128 channels, frame-major: the 64 per-clip normalised log-mel bands of
    /// "logmel_frames_env" followed in each frame by their deltas over time (`delta`, width 9; logmel_t000_d01 …).
    public static let logmelEnvDeltaFrames = frameSet("logmel_env_delta_frames",
                                                      LogMelFrames.Layout(normalisation: .perClip, deltas: true))
}
