/// Harmonic/percussive split of a complex STFT as `librosa.decompose.hpss` with the defaults: magnitudes median
/// filtered over `kernelSize` frames (harmonic) and `kernelSize` bins (percussive) with "reflect" edges, then soft
/// masks (power 2, margin 1; cells where both are ~0 get ½ each) applied to the complex STFT.
public func hpss(_ spectrum: ComplexSpectrogram, kernelSize: Int = 31, power: Float = 2) -> (harmonic: ComplexSpectrogram, percussive: ComplexSpectrogram) {
    let (h, p) = hpss(FrameSpectrum(spectrum), kernelSize: kernelSize, power: power)
    return (h.rowMajor(), p.rowMajor())
}

/// Harmonic and percussive signals of `y` as `librosa.effects.hpss`: STFT (nFFT, hop), `hpss` on it, and each
/// part inverted with `istft(length: y.count)`.
public func hpss(_ y: [Float], nFFT: Int = 2048, hopLength: Int = 512, kernelSize: Int = 31) -> (harmonic: [Float], percussive: [Float]) {
    hpssSignals(stftFrames(y, nFFT: nFFT, hopLength: hopLength), length: y.count, hopLength: hopLength, kernelSize: kernelSize)
}

/// The harmonic and percussive signals of a frame-major STFT of `length` samples.
func hpssSignals(_ d: FrameSpectrum, length: Int, hopLength: Int = 512, kernelSize: Int = 31) -> (harmonic: [Float], percussive: [Float]) {
    let split = hpss(d, kernelSize: kernelSize)
    let nFFT = 2 * (d.bins - 1)
    return (istft(split.harmonic, hopLength: hopLength, nFFT: nFFT, length: length),
            istft(split.percussive, hopLength: hopLength, nFFT: nFFT, length: length))
}

/// `hpss` on a frame-major spectrum.
func hpss(_ d: FrameSpectrum, kernelSize: Int = 31, power: Float = 2) -> (harmonic: FrameSpectrum, percussive: FrameSpectrum) {
    let magnitude = d.magnitude().values
    // Harmonic: along time. In the bin-major layout frames are contiguous per bin, i.e. the bins are the lines
    // laid side by side when frame-major: value (frame t, bin b) sits at b + t·bins.
    let harm = MedianFilter.apply(magnitude, lines: d.bins, length: d.frames, width: kernelSize)
    // Percussive: along frequency, on the bin-major copy (frames side by side), then back to frame-major.
    let rowMajor = transposed(magnitude, rows: d.frames, columns: d.bins)
    let perc = transposed(MedianFilter.apply(rowMajor, lines: d.frames, length: d.bins, width: kernelSize),
                          rows: d.bins, columns: d.frames)
    var harmonic = d, percussive = d
    let tiny = Float.leastNormalMagnitude
    harm.withUnsafeBufferPointer { hv in
        perc.withUnsafeBufferPointer { pv in
            harmonic.real.withUnsafeMutableBufferPointer { hr in
                harmonic.imag.withUnsafeMutableBufferPointer { hi in
                    percussive.real.withUnsafeMutableBufferPointer { pr in
                        percussive.imag.withUnsafeMutableBufferPointer { pi in
                            for i in 0..<hv.count {
                                let h = hv[i], p = pv[i]
                                let z = max(h, p)
                                var maskH: Float = 0.5, maskP: Float = 0.5
                                if z >= tiny {
                                    let a = power == 2 ? (h / z) * (h / z) : Float.pow(h / z, power)
                                    let b = power == 2 ? (p / z) * (p / z) : Float.pow(p / z, power)
                                    maskH = a / (a + b)
                                    maskP = b / (b + a)
                                }
                                hr[i] *= maskH; hi[i] *= maskH
                                pr[i] *= maskP; pi[i] *= maskP
                            }
                        }
                    }
                }
            }
        }
    }
    return (harmonic, percussive)
}
