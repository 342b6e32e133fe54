extension FeatureSet {
    /// "logmel_frames_env": as "logmel_frames" (128 frames × 64 log-mel bands, frame-major, columns logmel_t000_m01 …
    /// logmel_t127_m64) but the whole clip is normalised by one mean and one standard deviation over all bands and
    /// frames instead of per band: gain-invariant, and it keeps the clip's spectral envelope (tilt, formant-region energy).
    public static let logmelFramesEnv = frameSet("logmel_frames_env", LogMelFrames.Layout(normalisation: .perClip))
}
