/// Method 2 of the notebooks: 128 per-mel means, then 128 per-mel standard deviations, of
/// `power_to_db(melspectrogram(y, n_mels=128), ref=max)` (n_fft 2048, hop 512, Slaney mels).
enum Method2 {
    /// Column names: "logmel_mean_001" … "logmel_mean_128", then "logmel_std_001" … "logmel_std_128".
    static let columns: [String] = {
        let ids = (1...128).map { id -> String in
            let s = String(id)
            return String(repeating: "0", count: 3 - s.count) + s
        }
        return ids.map { "logmel_mean_\($0)" } + ids.map { "logmel_std_\($0)" }
    }()

    /// The 256 values for samples at `sampleRate`.
    static func vector(_ y: [Float], sampleRate: Double, precision: FFTPrecision = .double) -> [Float] {
        let filters = MelFilterBank.shared(sr: sampleRate, nFFT: 2048, nMels: 128)
        return vector(mel: STFTAnalyzer(y, nFFT: 2048, hopLength: 512, precision: precision).melSpectrogram(filters))
    }

    /// The 256 values from a mel power spectrogram.
    static func vector(mel: Spectrogram) -> [Float] {
        rowMeansThenStds(powerToDB(mel, ref: .max))
    }

    /// The four rows of an augmented clip (`Augmentation.variants`), sharing work: one float64 STFT of the clip gives
    /// both its row and the phase vocoder input of both effects; the three new signals are analysed in float32,
    /// whose rounding (−140 dB) lies far below the 80 dB floor of these log-mel features.
    static func augmentedRows(_ y: [Float], sampleRate: Double, using rng: inout some RandomNumberGenerator) -> [[Float]] {
        let filters = MelFilterBank.shared(sr: sampleRate, nFFT: 2048, nMels: 128)
        let (mel, polar) = STFTAnalyzer(y, nFFT: 2048, hopLength: 512).melAndPolar(filters)
        let noisy = addNoise(y, amount: 0.005, using: &rng)
        let pitched = pitchShift(polar, count: y.count, sr: sampleRate, steps: 2)
        let stretched = timeStretch(polar, count: y.count, rate: 0.8)
        return [vector(mel: mel)] + [noisy, pitched, stretched].map { vector($0, sampleRate: sampleRate, precision: .single) }
    }
}

extension FeatureSet {
    /// Method 2 (log-mel statistics, 256 values) of the clip trimmed at 30 dB. The original method 2 did not trim; the
    /// trim stays here because existing caches, tests and saved models were made with it (`trims` says so per set).
    public static let method2 = FeatureSet(
        name: "method2", columns: Method2.columns,
        parameters: "method2 v1: load sr=22050 (soxr_hq); trim top_db=30 frame=2048 hop=512; "
            + "melspectrogram n_fft=2048 hop=512 hann center=constant n_mels=128 slaney fmin=0 fmax=sr/2 power=2; "
            + "power_to_db ref=max amin=1e-10 top_db=80; per-mel mean then std; "
            + "augment: noise 0.005*N(0,1), pitch_shift +2 (soxr_hq), time_stretch 0.8",
        recipe: .method2, trims: true)
}
