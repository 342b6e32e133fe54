import CMoodifyKernels

/// Harmonic/percussive split of a complex STFT as `librosa.decompose.hpss` with the defaults: magnitudes median
/// filtered over `kernelSize` frames (harmonic) and `kernelSize` bins (percussive) with "reflect" edges, then soft
/// masks (power 2, margin 1; cells where both are ~0 get ½ each; `moodify_soft_masks`) applied to the complex STFT.
public func hpss(_ spectrum: ComplexSpectrogram, kernelSize: Int = 31, power: Float = 2) -> (harmonic: ComplexSpectrogram, percussive: ComplexSpectrogram) {
    let (h, p) = hpss(FrameSpectrum(spectrum), kernelSize: kernelSize, power: power)
    return (h.rowMajor(), p.rowMajor())
}

/// Harmonic and percussive signals of `y` as `librosa.effects.hpss`: STFT (nFFT, hop), `hpss` on it, and each
/// part inverted with `istft(length: y.count)`.
public func hpss(_ y: [Float], nFFT: Int = 2048, hopLength: Int = 512, kernelSize: Int = 31) -> (harmonic: [Float], percussive: [Float]) {
    hpssSignals(stftFrames(y, nFFT: nFFT, hopLength: hopLength), of: y, hopLength: hopLength, kernelSize: kernelSize)
}

/// The harmonic and percussive signals of `y` from its frame-major STFT `d` (`magnitude` is its |X|, if the caller
/// has it). The harmonic mask is applied frame by frame as the inverse STFT is built. The percussive signal is
/// y − harmonic: the inverse STFT is linear, the two masks sum to 1 and the STFT of `y` inverts to `y` (the Hann
/// window at hop nFFT/4 covers every sample), so this equals librosa's istft(D·mask_P) up to float32 rounding
/// (~1e-7 of the peak) and saves the second inverse STFT and half the mask work.
func hpssSignals(_ d: FrameSpectrum, of y: [Float], magnitude: FrameMatrix? = nil, hopLength: Int = 512,
                 kernelSize: Int = 31) -> (harmonic: [Float], percussive: [Float]) {
    let nFFT = 2 * (d.bins - 1), bins = d.bins
    let shape = istftShape(frames: d.frames, nFFT: nFFT, hop: hopLength, center: true, length: y.count)
    var adder = OverlapAdder(nFFT: nFFT, hopLength: hopLength, count: shape.count)
    guard shape.frames > 0 else {
        let silence = adder.finish()
        return (silence, silence)
    }
    let (harm, perc) = medianFiltered(magnitude?.values ?? d.magnitude().values, bins: bins, frames: d.frames,
                                      kernelSize: kernelSize)
    let scratch = UnsafeMutablePointer<Float>.allocate(capacity: 2 * bins)
    defer { scratch.deallocate() }
    d.real.withUnsafeBufferPointer { re in
        d.imag.withUnsafeBufferPointer { im in
            harm.withUnsafeBufferPointer { h in
                perc.withUnsafeBufferPointer { p in
                    for t in 0..<shape.frames {
                        let offset = t * bins
                        moodify_soft_masks(h.baseAddress! + offset, p.baseAddress! + offset, re.baseAddress! + offset,
                                           im.baseAddress! + offset, bins, 2, scratch, scratch + bins, nil, nil)
                        adder.add(t, real: scratch, imag: scratch + bins)
                    }
                }
            }
        }
    }
    let harmonic = adder.finish()
    return (harmonic, zip(y, harmonic).map { $0 - $1 })
}

/// `hpss` on a frame-major spectrum.
func hpss(_ d: FrameSpectrum, kernelSize: Int = 31, power: Float = 2) -> (harmonic: FrameSpectrum, percussive: FrameSpectrum) {
    let (harm, perc) = medianFiltered(d.magnitude().values, bins: d.bins, frames: d.frames, kernelSize: kernelSize)
    var harmonic = FrameSpectrum(bins: d.bins, frames: d.frames), percussive = harmonic
    d.real.withUnsafeBufferPointer { re in
        d.imag.withUnsafeBufferPointer { im in
            harm.withUnsafeBufferPointer { h in
                perc.withUnsafeBufferPointer { p in
                    harmonic.real.withUnsafeMutableBufferPointer { hr in
                        harmonic.imag.withUnsafeMutableBufferPointer { hi in
                            percussive.real.withUnsafeMutableBufferPointer { pr in
                                percussive.imag.withUnsafeMutableBufferPointer { pi in
                                    moodify_soft_masks(h.baseAddress!, p.baseAddress!, re.baseAddress!, im.baseAddress!,
                                                       h.count, power, hr.baseAddress!, hi.baseAddress!,
                                                       pr.baseAddress!, pi.baseAddress!)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    return (harmonic, percussive)
}

/// The harmonic (median over `kernelSize` frames) and percussive (median over `kernelSize` bins) enhancements of a
/// frame-major magnitude spectrogram, both frame-major.
private func medianFiltered(_ magnitude: [Float], bins: Int, frames: Int,
                            kernelSize: Int) -> (harmonic: [Float], percussive: [Float]) {
    // Along time: in the frame-major layout each frame is a row with the bins side by side, so the bins are the lines.
    let harm = MedianFilter.apply(magnitude, lines: bins, length: frames, width: kernelSize)
    // Along frequency: on the bin-major copy (frames side by side), then back to frame-major.
    let rowMajor = transposed(magnitude, rows: frames, columns: bins)
    let perc = transposed(MedianFilter.apply(rowMajor, lines: frames, length: bins, width: kernelSize),
                          rows: bins, columns: frames)
    return (harm, perc)
}
