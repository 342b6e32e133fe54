import Foundation

/// Spectral contrast as `librosa.feature.spectral_contrast(S=…)`: for each of `nBands + 1` octave bands
/// (0–fmin, then fmin·2^k upward, each widened by the bin below and the last one to Nyquist), the dB difference
/// between the mean of the top and bottom `quantile` of the band's sorted magnitudes. Returns `nBands + 1` rows.
public func spectralContrast(magnitude s: Spectrogram, sr: Double = 22050, fmin: Double = 200, nBands: Int = 6,
                             quantile: Double = 0.02) -> Spectrogram {
    precondition(nBands >= 1 && fmin > 0 && quantile > 0 && quantile < 1, "invalid spectral contrast parameters")
    let freq = fftFrequencies(sr: sr, nFFT: 2 * (s.bins - 1))
    var octaves = [0.0]
    for k in 0...nBands { octaves.append(fmin * Foundation.pow(2, Double(k))) }
    precondition(octaves.dropLast().allSatisfy { $0 < 0.5 * sr }, "frequency band exceeds Nyquist; reduce fmin or nBands")

    // Band k covers the bins [lo, hi) of the sorted sub-band and averages `count` values at each end.
    var bands = [(lo: Int, hi: Int, count: Int)]()
    for k in 0...nBands {
        let inBand = freq.indices.filter { freq[$0] >= octaves[k] && freq[$0] <= octaves[k + 1] }
        guard var lo = inBand.first, var hi = inBand.last.map({ $0 + 1 }) else {
            preconditionFailure("spectral contrast band \(k) holds no FFT bin")
        }
        if k > 0 { lo -= 1 }
        if k == nBands { hi = freq.count }
        let members = hi - lo
        if k < nBands { hi -= 1 }
        let count = max(1, Int((quantile * Double(members)).rounded(.toNearestOrEven)))
        bands.append((lo, hi, count))
    }

    let frames = s.frames
    var peak = [Float](repeating: 0, count: bands.count * frames)
    var valley = peak
    var column = [Float](repeating: 0, count: s.bins)
    s.values.withUnsafeBufferPointer { v in
        for t in 0..<frames {
            for (k, band) in bands.enumerated() {
                let n = band.hi - band.lo
                for b in 0..<n { column[b] = v[(band.lo + b) * frames + t] }
                column[0..<n].sort()
                let c = min(band.count, n)
                var low: Float = 0, high: Float = 0
                for i in 0..<c { low += column[i]; high += column[n - c + i] }
                valley[k * frames + t] = low / Float(c)
                peak[k * frames + t] = high / Float(c)
            }
        }
    }
    let peakDB = powerToDB(peak), valleyDB = powerToDB(valley)
    return Spectrogram(bins: bands.count, frames: frames, values: zip(peakDB, valleyDB).map { $0 - $1 })
}
