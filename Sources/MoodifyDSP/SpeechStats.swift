/// Speech statistics (280 values): method 3 without its chroma, mel, tonnetz and HPSS values, which cost half its
/// time (constant-Q transform, median filters) and add nothing measurable to an ensemble with the frame CNN
/// (speaker-grouped CV, dev corpus). In order: zcr, rms, spectral centroid, bandwidth and rolloff means and stds,
/// spectral contrast means then stds, 40 MFCC means then stds (method 1's first 104 values), the 16 prosody
/// values, then the MFCC delta and delta-delta means and stds (method 3's last 160).
enum SpeechStats {
    /// Column names, one per value.
    static let columns = Array(Method1.columns.prefix(Method1.spectralColumnCount)) + Prosody.columns + Method3.deltaColumns

    /// The 280 values for samples at `sampleRate`.
    static func vector(_ y: [Float], sampleRate sr: Double) -> [Float] {
        let part = Method1.spectralPart(y, sampleRate: sr)
        return part.values + Prosody.vector(y, sampleRate: sr) + Method3.deltaStatistics(part.mfcc)
    }
}

extension FeatureSet {
    /// Speech statistics (280 values: spectral shape, contrast, MFCCs, prosody, MFCC deltas) of the trimmed clip;
    /// see `SpeechStats`.
    public static let speechStats = FeatureSet(
        name: "speech_stats", columns: SpeechStats.columns,
        parameters: "speech_stats v1: " + Method1.spectralParameters + "; [" + Prosody.parameters
            + "]; mfcc delta width=9 (savgol interp) order 1 and 2 means,stds",
        recipe: .speechStats, trims: true)
}
