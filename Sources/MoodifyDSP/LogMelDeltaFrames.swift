extension FeatureSet {
    /// "logmel_delta_frames": 128 frames × 128 channels, frame-major: the 64 per-band normalised log-mel bands of
    /// "logmel_frames" (logmel_t000_m01 …) followed in each frame by their deltas over time (`delta`, width 9, as
    /// `librosa.feature.delta`; logmel_t000_d01 … logmel_t000_d64).
    public static let logmelDeltaFrames = frameSet("logmel_delta_frames",
                                                   LogMelFrames.Layout(normalisation: .perBand, deltas: true))
}
