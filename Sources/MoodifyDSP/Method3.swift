/// Method 3: method 1's 140 values, the 16 prosody values (`Prosody`), then the means and standard deviations of the
/// deltas and delta-deltas of method 1's 40 MFCCs (`librosa.feature.delta(mfcc, width=9)`, order 1 and 2): 316 values.
enum Method3 {
    /// "mfcc_delta_mean_01" … "mfcc_delta_std_40", then "mfcc_delta2_mean_01" … "mfcc_delta2_std_40".
    static let deltaColumns = ["mfcc_delta", "mfcc_delta2"].flatMap { stem in
        numberedColumns("\(stem)_mean_", 40, digits: 2) + numberedColumns("\(stem)_std_", 40, digits: 2)
    }

    /// Column names, one per value.
    static let columns = Method1.columns + Prosody.columns + deltaColumns

    /// The 316 values for samples at `sampleRate`; the MFCCs are computed once for both method 1's part and the deltas.
    static func vector(_ y: [Float], sampleRate sr: Double) throws(FeatureError) -> [Float] {
        let (base, cepstra) = try Method1.analyse(y, sampleRate: sr)
        return base + Prosody.vector(y, sampleRate: sr) + deltaStatistics(cepstra)
    }

    /// The means then standard deviations of the MFCCs' deltas, then of their delta-deltas (width 9): 160 values.
    static func deltaStatistics(_ cepstra: Spectrogram) -> [Float] {
        rowMeansThenStds(delta(cepstra, width: 9)) + rowMeansThenStds(delta(cepstra, width: 9, order: 2))
    }
}

/// The method 2 notebook with USE_LOG_MEL false: 40 means then 40 standard deviations of
/// `librosa.feature.mfcc(y=y, sr=sr, n_mfcc=40)` (128 Slaney mels, n_fft 2048, hop 512).
enum MFCC40 {
    /// "mfcc_mean_01" … "mfcc_mean_40", then "mfcc_std_01" … "mfcc_std_40".
    static let columns = numberedColumns("mfcc_mean_", 40, digits: 2) + numberedColumns("mfcc_std_", 40, digits: 2)

    /// The 80 values for samples at `sampleRate`.
    static func vector(_ y: [Float], sampleRate sr: Double) -> [Float] {
        rowMeansThenStds(mfcc(y, sr: sr, nMFCC: 40))
    }
}

extension FeatureSet {
    /// Method 2's MFCC switch (80 values), faithful to the original: the clip is not trimmed.
    public static let mfcc40 = FeatureSet(
        name: "mfcc40", columns: MFCC40.columns,
        parameters: "mfcc40 v1: load sr=22050 (soxr_hq); no trim; mfcc n=40 (n_fft=2048 hop=512 hann center=constant, "
            + "128 slaney mels, power_to_db ref=1 top_db=80, dct-ii ortho) means,stds; "
            + "augment: noise 0.005*N(0,1), pitch_shift +2 (soxr_hq), time_stretch 0.8",
        recipe: .mfcc40, trims: false)

    /// Prosody (16 values: pitch, voicing, loudness contour, rate) of the trimmed clip; see `Prosody`.
    public static let prosody = FeatureSet(
        name: "prosody", columns: Prosody.columns,
        parameters: "load sr=22050 (soxr_hq); trim top_db=30 frame=2048 hop=512; " + Prosody.parameters,
        recipe: .prosody, trims: true)

    /// Method 3 (316 values): method 1, prosody, MFCC delta and delta-delta means and stds, of the trimmed clip.
    public static let method3 = FeatureSet(
        name: "method3", columns: Method3.columns,
        parameters: "method3 v1: [" + method1.parameters + "] + [" + Prosody.parameters
            + "] + mfcc delta width=9 (savgol interp) order 1 and 2 means,stds",
        recipe: .method3, trims: true)
}
