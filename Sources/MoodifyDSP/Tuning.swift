import Foundation

/// The tuning offset of a set of frequencies relative to A440, in fractions of a bin (of `binsPerOctave` per
/// octave), as `librosa.pitch_tuning`: the most common residual in a histogram of `resolution`-wide cells over
/// [−0.5, 0.5]. Returns 0 when no frequency is positive.
public func pitchTuning(_ frequencies: [Float], resolution: Double = 0.01,
                        binsPerOctave: Int = 12) throws(ChromaError) -> Double {
    try requireChroma(resolution > 0 && resolution < 1, "resolution", resolution, "in (0, 1)")
    try requireChroma(binsPerOctave > 0, "bins_per_octave", binsPerOctave, "positive")
    let edges = tuningHistogramEdges(resolution: resolution)
    var counts = [Int](repeating: 0, count: edges.count - 1)
    var any = false
    for f in frequencies where f > 0 {
        any = true
        if let cell = histogramCell(of: tuningResidual(f, binsPerOctave: binsPerOctave), edges: edges) {
            counts[cell] += 1
        }
    }
    guard any else { return 0 }
    // numpy's argmax: the first of equal maxima.
    var best = 0
    for i in counts.indices where counts[i] > counts[best] { best = i }
    return edges[best]
}

/// Estimated tuning of `y` in fractions of a bin, as `librosa.estimate_tuning(y=y, sr=sr, n_fft=nFFT)`:
/// `piptrack` on the magnitude STFT (hop `nFFT / 4`), then `pitchTuning` of the pitches whose magnitude reaches
/// the median magnitude of all detected pitches.
public func estimateTuning(_ y: [Float], sr: Double = 22050, nFFT: Int = 2048, resolution: Double = 0.01,
                           binsPerOctave: Int = 12) throws(ChromaError) -> Double {
    try validateChromaSignal(y)
    try requireChroma(nFFT > 1, "n_fft", nFFT, "at least 2")
    return try estimateTuning(spectrogram: stft(y, nFFT: nFFT).magnitude(), sr: sr, resolution: resolution,
                              binsPerOctave: binsPerOctave)
}

/// Estimated tuning from a magnitude or power spectrogram, as `librosa.estimate_tuning(S=S, sr=sr)`
/// (`chroma_stft` passes its power spectrogram here).
public func estimateTuning(spectrogram s: Spectrogram, sr: Double = 22050, resolution: Double = 0.01,
                           binsPerOctave: Int = 12) throws(ChromaError) -> Double {
    try requireChroma(sr > 0, "sr", sr, "positive")
    var pitches = [Float](), magnitudes = [Float]()
    forEachSpectralPeak(s, sr: sr, fmin: 150, fmax: 4000, threshold: 0.1) { _, _, pitch, magnitude in
        // librosa masks with `pitch > 0`; a parabolic shift never takes a peak above 150 Hz below zero.
        guard pitch > 0 else { return }
        pitches.append(pitch)
        magnitudes.append(magnitude)
    }
    let threshold = pitches.isEmpty ? 0 : float32Median(magnitudes)
    var selected = [Float]()
    selected.reserveCapacity(pitches.count / 2 + 1)
    for i in pitches.indices where magnitudes[i] >= threshold { selected.append(pitches[i]) }
    return try pitchTuning(selected, resolution: resolution, binsPerOctave: binsPerOctave)
}

/// numpy's median of a float32 array: the middle value, or the float32 mean of the two middle values.
private func float32Median(_ values: [Float]) -> Float {
    let sorted = values.sorted()
    let mid = sorted.count / 2
    if sorted.count % 2 == 1 { return sorted[mid] }
    return (sorted[mid - 1] + sorted[mid]) / 2
}

/// The residual of `f` against the equal-tempered grid of `binsPerOctave` per octave anchored at A440, in
/// [−0.5, 0.5), computed in float32 as librosa does on float32 pitches (`hz_to_octs`, `np.mod`).
private func tuningResidual(_ f: Float, binsPerOctave: Int) -> Float {
    let octaves = log2(f / Float(440.0 / 16))
    let scaled = Float(binsPerOctave) * octaves
    // Python's modulo: the result takes the sign of the divisor.
    var residual = fmodf(scaled, 1)
    if residual < 0 { residual += 1 }
    if residual >= 0.5 { residual -= 1 }
    return residual
}

/// The cell edges of the tuning histogram, as `np.linspace(-0.5, 0.5, ceil(1 / resolution) + 1)`.
private func tuningHistogramEdges(resolution: Double) -> [Double] {
    let count = Int((1.0 / resolution).rounded(.up)) + 1
    let step = 1.0 / Double(count - 1)
    return (0..<count).map { $0 == count - 1 ? 0.5 : Double($0) * step - 0.5 }
}

/// The histogram cell holding `value`, as `np.histogram`: cells are half-open except the last, which is closed.
private func histogramCell(of value: Float, edges: [Double]) -> Int? {
    let v = Double(value)
    guard let first = edges.first, let last = edges.last, v >= first, v <= last else { return nil }
    // First edge strictly above v, found by bisection; the cell is the one before it.
    var lo = 0, hi = edges.count
    while lo < hi {
        let mid = (lo + hi) / 2
        if edges[mid] <= v { lo = mid + 1 } else { hi = mid }
    }
    return min(lo - 1, edges.count - 2)
}
