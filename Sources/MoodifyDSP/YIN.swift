/// Fundamental frequency per frame by YIN, as `librosa.yin(y, fmin=fmin, fmax=fmax, sr=sr,
/// frame_length=frameLength, hop_length=hopLength, trough_threshold=troughThreshold, center=center)` (librosa 0.11):
/// frames of `frameLength` samples (hop `frameLength / 4` by default, zero-padded by `frameLength / 2` with `center`),
/// the cumulative-mean-normalised difference over periods ⌊sr/fmax⌋ … min(⌈sr/fmin⌉, frameLength − 1), the first
/// trough below `troughThreshold` (else the global minimum), refined by parabolic interpolation. In Hz.
public func yin(_ y: [Float], fmin: Double, fmax: Double, sr: Double = 22050, frameLength: Int = 2048,
                hopLength: Int? = nil, troughThreshold: Double = 0.1, center: Bool = true) -> [Float] {
    yinTrack(y, fmin: fmin, fmax: fmax, sr: sr, frameLength: frameLength, hopLength: hopLength,
             troughThreshold: troughThreshold, center: center).f0
}

/// YIN's estimate per frame with its aperiodicity: the normalised difference at the chosen period (near 0 for a
/// periodic frame, near 1 or above for noise).
struct YINTrack: Sendable, Equatable {
    /// Fundamental frequency in Hz per frame (`librosa.yin`).
    var f0: [Float]
    /// Cumulative-mean-normalised difference at the chosen integer period, per frame.
    var aperiodicity: [Float]
}

/// `yin` with the aperiodicity of each frame. The autocorrelation of each frame comes from a float64 FFT of twice
/// the frame length (librosa runs numpy's float32 FFT of the same length: the two differ by float32 rounding only).
func yinTrack(_ y: [Float], fmin: Double, fmax: Double, sr: Double, frameLength: Int = 2048, hopLength: Int? = nil,
              troughThreshold: Double = 0.1, center: Bool = true) -> YINTrack {
    let hop = hopLength ?? frameLength / 4
    let minPeriod = Int((sr / fmax).rounded(.down))
    let maxPeriod = min(Int((sr / fmin).rounded(.up)), frameLength - 1)
    precondition(fmin > 0 && fmin < fmax && hop > 0, "yin needs 0 < fmin < fmax and a positive hop")
    precondition(minPeriod >= 1 && minPeriod < maxPeriod, "yin's period range \(minPeriod)...\(maxPeriod) is empty")
    let signal = center ? zeroPadded(y, by: frameLength / 2) : y
    let frames = frameCount(samples: signal.count, frameLength: frameLength, hopLength: hop)
    // Lags up to maxPeriod are all YIN reads: any length ≥ frameLength + maxPeriod gives them linear, not circular
    // (a 2,400-point transform instead of 4,096 for librosa's defaults).
    let size = smoothSize(atLeast: frameLength + maxPeriod)
    let fft = DoubleRealFFT(size: size)
    let input = AlignedDoubles(count: size + 2), spectrum = AlignedDoubles(count: size + 2)
    let count = maxPeriod - minPeriod + 1
    var difference = [Double](repeating: 0, count: maxPeriod + 1)
    var normalised = [Double](repeating: 0, count: count)
    var track = YINTrack(f0: [Float](repeating: 0, count: frames), aperiodicity: [Float](repeating: 0, count: frames))
    let tiny = Double(Float.leastNormalMagnitude)
    signal.withUnsafeBufferPointer { s in
        for t in 0..<frames {
            let frame = s.baseAddress! + t * hop
            for i in 0..<frameLength { input.pointer[i] = Double(frame[i]) }
            for i in frameLength..<size { input.pointer[i] = 0 }
            fft.forward(input, spectrum)
            for k in 0...(size / 2) {
                let re = spectrum.pointer[2 * k], im = spectrum.pointer[2 * k + 1]
                spectrum.pointer[2 * k] = re * re + im * im
                spectrum.pointer[2 * k + 1] = 0
            }
            fft.inverse(spectrum, input)
            // librosa: d(k) = 2·(acf(0) − acf(k)) − Σ_{m<k} y(m)², then d'(k) = d(k) / (mean of d(1…k)).
            let scale = 1 / Double(size), acf0 = input.pointer[0] * scale
            var energy = 0.0, running = 0.0
            difference[0] = 0
            for k in 1...maxPeriod {
                energy += Double(frame[k - 1]) * Double(frame[k - 1])
                difference[k] = 2 * (acf0 - input.pointer[k] * scale) - energy
                running += difference[k]
                if k >= minPeriod { normalised[k - minPeriod] = difference[k] / (running / Double(k) + tiny) }
            }
            let i = chosenTrough(normalised, threshold: troughThreshold)
            track.f0[t] = Float(sr / (Double(minPeriod + i) + parabolicShift(normalised, at: i)))
            track.aperiodicity[t] = Float(normalised[i])
        }
    }
    return track
}

/// The smallest even length ≥ `n` whose only prime factors are 2, 3 and 5 (lengths FFTW transforms fastest).
func smoothSize(atLeast n: Int) -> Int {
    var size = max(n, 2)
    while true {
        var m = size
        for p in [2, 3, 5] { while m % p == 0 { m /= p } }
        if m == 1 && size % 2 == 0 { return size }
        size += 1
    }
}

/// librosa's choice of lag index: the first trough (a local minimum; the first lag counts when below the second,
/// the last when below the one before) whose value is under `threshold`, else the first global minimum.
private func chosenTrough(_ x: [Double], threshold: Double) -> Int {
    let n = x.count
    for i in 0..<n where x[i] < threshold {
        let trough: Bool
        if i == 0 { trough = n > 1 && x[0] < x[1] } else { trough = x[i] < x[i - 1] && (i == n - 1 || x[i] <= x[i + 1]) }
        if trough { return i }
    }
    var best = 0
    for i in 1..<n where x[i] < x[best] { best = i }
    return best
}

/// librosa's `_parabolic_interpolation` at index `i`: the vertex offset of the parabola through x[i−1], x[i], x[i+1],
/// 0 at either end or when the vertex lies more than one lag away.
private func parabolicShift(_ x: [Double], at i: Int) -> Double {
    guard i > 0 && i < x.count - 1 else { return 0 }
    let a = x[i + 1] + x[i - 1] - 2 * x[i]
    let b = (x[i + 1] - x[i - 1]) / 2
    return abs(b) >= abs(a) ? 0 : -b / a
}
