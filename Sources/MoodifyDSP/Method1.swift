/// Method 1 of the notebooks: 140 statistics of one clip, in the order of DESIGN.md §2 (librosa 0.11 defaults:
/// n_fft 2048, hop 512, Hann, centred).
enum Method1 {
    /// Column names, one per value.
    static let columns: [String] = {
        var names = [String]()
        for feature in ["zcr", "rms", "centroid", "bandwidth", "rolloff"] { names += ["\(feature)_mean", "\(feature)_std"] }
        names += numberedColumns("contrast_mean_", 7, digits: 1) + numberedColumns("contrast_std_", 7, digits: 1)
        names += numberedColumns("mfcc_mean_", 40, digits: 2) + numberedColumns("mfcc_std_", 40, digits: 2)
        names += numberedColumns("chroma_mean_", 12, digits: 2) + numberedColumns("chroma_std_", 12, digits: 2)
        names += ["mel_mean", "mel_std"]
        names += numberedColumns("tonnetz_mean_", 6, digits: 1)
        names += ["harmonic_mean", "harmonic_std", "percussive_mean", "percussive_std"]
        return names
    }()

    /// The 140 values for samples at `sampleRate`. One float64 STFT serves the spectral shape, contrast, mel, MFCC,
    /// chroma, the constant-Q transform's tuning estimate and HPSS; the tonnetz runs its own constant-Q transform.
    static func vector(_ y: [Float], sampleRate sr: Double) throws(FeatureError) -> [Float] {
        try analyse(y, sampleRate: sr).vector
    }

    /// The cache-key description of the spectral and cepstral part, loading and trimming included.
    static let spectralParameters = "load sr=22050 (soxr_hq); trim top_db=30 frame=2048 hop=512; n_fft=2048 hop=512 hann "
        + "center=constant; zcr (edge pad) mean,std; rms mean,std; spectral centroid, bandwidth p=2, rolloff 0.85 "
        + "mean,std; contrast fmin=200 n_bands=6 quantile=0.02 means,stds; mfcc n=40 (128 slaney mels, "
        + "power_to_db ref=1 top_db=80, dct-ii ortho) means,stds"

    /// Columns of the spectral and cepstral part (zcr … MFCC stds): the first 104 values.
    static let spectralColumnCount = 104

    /// The 140 values with the 40 MFCCs per frame they summarise (method 3 reuses them for its deltas).
    static func analyse(_ y: [Float], sampleRate sr: Double) throws(FeatureError) -> (vector: [Float], mfcc: Spectrogram) {
        let part = spectralPart(y, sampleRate: sr)
        var out = part.values
        out.reserveCapacity(140)
        do {
            out += rowMeansThenStds(try chromaSTFT(power: part.power.rowMajor(), sr: sr))
            let (melMean, melStd) = meanAndStd(part.mel.values)
            out += [melMean, melStd]
            // chroma_cqt's CQT estimates its tuning (36 bins per octave) from this same magnitude STFT.
            let tuning = try estimateTuning(spectrogram: part.magnitude.rowMajor(), sr: sr, binsPerOctave: 36)
            let tonal = tonnetz(chroma: try chromaCQT(y, sr: sr, tuning: tuning))
            out += rowMeansThenStds(tonal).prefix(6)
        } catch {
            throw .analysisFailed(error.description)
        }
        let (harmonic, percussive) = hpssSignals(part.stft, of: y, magnitude: part.magnitude)
        out += pair(meanAndStd(harmonic)) + pair(meanAndStd(percussive))
        return (out, part.mfcc)
    }

    /// Method 1's first 104 values (zcr, rms, spectral centroid, bandwidth and rolloff means and stds, contrast,
    /// 40 MFCC means then stds) with the STFT, its magnitude and power, the mel power and the MFCCs they came from.
    static func spectralPart(_ y: [Float], sampleRate sr: Double)
        -> (values: [Float], stft: FrameSpectrum, magnitude: FrameMatrix, power: FrameMatrix, mel: Spectrogram, mfcc: Spectrogram) {
        var out = pair(meanAndStd(zeroCrossingRate(y))) + pair(meanAndStd(rms(y)))
        let d = stftFrames(y, nFFT: 2048, hopLength: 512)
        let magnitude = d.magnitude()
        let moments = spectralMoments(magnitude, sr: sr)
        out += pair(meanAndStd(moments.map { Float($0.centroid) }))
        out += pair(meanAndStd(moments.map { Float($0.bandwidth) }))
        out += pair(meanAndStd(spectralRolloff(magnitude, sr: sr)))
        out += rowMeansThenStds(spectralContrast(magnitude, sr: sr))
        // librosa squares |X| (np.abs(D)**2) for the mel and chroma power.
        let power = FrameMatrix(bins: magnitude.bins, frames: magnitude.frames, values: magnitude.values.map { $0 * $0 })
        let mel = MelFilterBank.shared(sr: sr, nFFT: 2048, nMels: 128).apply(to: power)
        let cepstra = mfcc(melSpectrogram: mel, nMFCC: 40)
        out += rowMeansThenStds(cepstra)
        return (out, d, magnitude, power, mel, cepstra)
    }

    /// A (mean, std) pair as two values.
    private static func pair(_ statistics: (Float, Float)) -> [Float] { [statistics.0, statistics.1] }
}

/// Column names `stem` + 1…`count`, zero-padded to `digits` digits ("mfcc_mean_01").
func numberedColumns(_ stem: String, _ count: Int, digits: Int) -> [String] {
    (1...count).map { i in
        let s = String(i)
        return stem + String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}

extension FeatureSet {
    /// Method 1 (140 spectral, cepstral, chroma, tonal and HPSS statistics).
    public static let method1 = FeatureSet(
        name: "method1", columns: Method1.columns,
        parameters: "method1 v1: " + Method1.spectralParameters + "; chroma_stft (tuning estimated, norm inf) "
            + "means,stds; melspectrogram mean,std; tonnetz (chroma_cqt 36 bins/octave, 7 octaves) means; "
            + "hpss kernel=31 harmonic mean,std, percussive mean,std",
        recipe: .method1, trims: true)
}
