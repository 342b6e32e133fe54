/// Chromagram from a waveform, as `librosa.feature.chroma_stft(y=y, sr=sr)`: the power spectrogram (Hann window,
/// centred, `nFFT`/`hopLength`), its tuning estimated unless given, the chroma filter bank, and each frame
/// normalised by its `norm`-norm (∞ by default; silent frames stay zero). Gives `nChroma` rows, C first.
public func chromaSTFT(_ y: [Float], sr: Double = 22050, nFFT: Int = 2048, hopLength: Int = 512,
                       tuning: Double? = nil, nChroma: Int = 12,
                       norm: Double? = .infinity) throws(ChromaError) -> Spectrogram {
    try validateChromaSignal(y)
    try requireChroma(sr > 0, "sr", sr, "positive")
    try requireChroma(nFFT > 1, "n_fft", nFFT, "at least 2")
    try requireChroma(hopLength > 0, "hop_length", hopLength, "positive")
    let power = spectrogram(y, nFFT: nFFT, hopLength: hopLength, power: 2)
    return try chromaSTFT(power: power, sr: sr, tuning: tuning, nChroma: nChroma, norm: norm)
}

/// Chromagram from a power spectrogram of `nFFT / 2 + 1` bins, as `librosa.feature.chroma_stft(S=S, sr=sr)`.
public func chromaSTFT(power s: Spectrogram, sr: Double = 22050, tuning: Double? = nil, nChroma: Int = 12,
                       norm: Double? = .infinity) throws(ChromaError) -> Spectrogram {
    try requireChroma(s.bins >= 2, "S", "\(s.bins) bins", "a spectrogram of at least 2 bins")
    try requireChroma(nChroma > 0, "n_chroma", nChroma, "positive")
    try requireChroma(norm.map { $0 > 0 } ?? true, "norm", norm.map { "\($0)" } ?? "nil", "positive, inf or nil")
    let offset: Double
    if let tuning { offset = tuning } else { offset = try estimateTuning(spectrogram: s, sr: sr, binsPerOctave: nChroma) }
    let filters = ChromaFilterBank.shared(sr: sr, nFFT: 2 * (s.bins - 1), nChroma: nChroma, tuning: offset)
    return filters.apply(to: s).columnsNormalized(norm: norm)
}

/// Throws `invalidParameter` unless `condition` holds.
func requireChroma(_ condition: Bool, _ name: String, _ value: some CustomStringConvertible,
                   _ requirement: String) throws(ChromaError) {
    if !condition { throw .invalidParameter(name: name, value: value.description, requirement: requirement) }
}
