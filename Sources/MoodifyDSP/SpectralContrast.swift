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
    let most = bands.map(\.count).max() ?? 1
    let low = UnsafeMutablePointer<Float>.allocate(capacity: most), high = UnsafeMutablePointer<Float>.allocate(capacity: most)
    defer { low.deallocate(); high.deallocate() }
    s.values.withUnsafeBufferPointer { v in
        peak.withUnsafeMutableBufferPointer { peak in
            valley.withUnsafeMutableBufferPointer { valley in
                for t in 0..<frames {
                    let column = v.baseAddress! + t * s.bins
                    for k in bands.indices {
                        let band = bands[k]
                        let c = min(band.count, band.hi - band.lo)
                        // The c smallest and c largest values of the band, kept sorted by insertion. Spectra
                        // mostly fall with frequency, so the smallest are sought from the top of the band down and
                        // the largest from the bottom up: few values then displace one already kept.
                        var nLow = 0, nHigh = 0
                        for b in (band.lo..<band.hi).reversed() {
                            let x = column[b]
                            if nLow < c || x < low[nLow - 1] {
                                var j = min(nLow, c - 1)
                                while j > 0 && low[j - 1] > x { low[j] = low[j - 1]; j -= 1 }
                                low[j] = x
                                nLow = min(nLow + 1, c)
                            }
                        }
                        for b in band.lo..<band.hi {
                            let x = column[b]
                            if nHigh < c || x > high[nHigh - 1] {
                                var j = min(nHigh, c - 1)
                                while j > 0 && high[j - 1] < x { high[j] = high[j - 1]; j -= 1 }
                                high[j] = x
                                nHigh = min(nHigh + 1, c)
                            }
                        }
                        // librosa averages in float32 in ascending order.
                        var lowSum: Float = 0, highSum: Float = 0
                        for i in 0..<c { lowSum += low[i]; highSum += high[c - 1 - i] }
                        valley[k * frames + t] = lowSum / Float(c)
                        peak[k * frames + t] = highSum / Float(c)
                    }
                }
            }
        }
    }
    let peakDB = powerToDB(peak), valleyDB = powerToDB(valley)
    return Spectrogram(bins: bands.count, frames: frames, values: zip(peakDB, valleyDB).map { $0 - $1 })
}
