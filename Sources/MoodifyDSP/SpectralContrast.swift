import CMoodifyKernels
import Foundation

/// Spectral contrast as `librosa.feature.spectral_contrast(S=…)`: for each of `nBands + 1` octave bands
/// (0–fmin, then fmin·2^k upward, each widened by the bin below and the last one to Nyquist), the dB difference
/// between the mean of the top and bottom `quantile` of the band's sorted magnitudes. Returns `nBands + 1` rows.
public func spectralContrast(magnitude s: Spectrogram, sr: Double = 22050, fmin: Double = 200, nBands: Int = 6,
                             quantile: Double = 0.02) -> Spectrogram {
    spectralContrast(FrameMatrix(s), sr: sr, fmin: fmin, nBands: nBands, quantile: quantile)
}

/// One contrast band: the bins [lo, hi) it ranks and how many values it averages at each end.
private struct ContrastBand {
    var lo: Int, hi: Int, count: Int
}

/// librosa's octave bands for `bins` FFT bins.
private func contrastBands(bins: Int, sr: Double, fmin: Double, nBands: Int, quantile: Double) -> [ContrastBand] {
    precondition(nBands >= 1 && fmin > 0 && quantile > 0 && quantile < 1, "invalid spectral contrast parameters")
    let freq = fftFrequencies(sr: sr, nFFT: 2 * (bins - 1))
    var octaves = [0.0]
    for k in 0...nBands { octaves.append(fmin * pow(2, Double(k))) }
    precondition(octaves.dropLast().allSatisfy { $0 < 0.5 * sr }, "frequency band exceeds Nyquist; reduce fmin or nBands")
    return (0...nBands).map { k in
        let inBand = freq.indices.filter { freq[$0] >= octaves[k] && freq[$0] <= octaves[k + 1] }
        guard var lo = inBand.first, var hi = inBand.last.map({ $0 + 1 }) else {
            preconditionFailure("spectral contrast band \(k) holds no FFT bin")
        }
        if k > 0 { lo -= 1 }
        if k == nBands { hi = freq.count }
        // The quantile counts the widened band; the top bin of every band but the last is then left out.
        let members = hi - lo
        if k < nBands { hi -= 1 }
        return ContrastBand(lo: lo, hi: hi, count: max(1, Int((quantile * Double(members)).rounded(.toNearestOrEven))))
    }
}

/// Spectral contrast of a frame-major magnitude spectrogram (row-major result, `nBands + 1` rows).
func spectralContrast(_ s: FrameMatrix, sr: Double = 22050, fmin: Double = 200, nBands: Int = 6,
                      quantile: Double = 0.02) -> Spectrogram {
    let bands = contrastBands(bins: s.bins, sr: sr, fmin: fmin, nBands: nBands, quantile: quantile)
    let frames = s.frames
    var peak = [Float](repeating: 0, count: bands.count * frames)
    var valley = peak
    // Bin-major, so that the kernel runs along frames (16 at a time).
    let rows = transposed(s.values, rows: frames, columns: s.bins)
    rows.withUnsafeBufferPointer { v in
        peak.withUnsafeMutableBufferPointer { peak in
            valley.withUnsafeMutableBufferPointer { valley in
                for (k, band) in bands.enumerated() {
                    moodify_band_extremes(v.baseAddress!, frames, band.lo, band.hi, min(band.count, band.hi - band.lo),
                                          valley.baseAddress! + k * frames, peak.baseAddress! + k * frames)
                }
            }
        }
    }
    let peakDB = powerToDB(peak), valleyDB = powerToDB(valley)
    return Spectrogram(bins: bands.count, frames: frames, values: zip(peakDB, valleyDB).map { $0 - $1 })
}
