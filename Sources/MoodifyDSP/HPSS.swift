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

/// The harmonic and percussive signals of a frame-major STFT of `length` samples (`magnitude` is its |X|, if the
/// caller has it): the masks are applied frame by frame as the two inverse STFTs are built.
func hpssSignals(_ d: FrameSpectrum, magnitude: FrameMatrix? = nil, length: Int, hopLength: Int = 512,
                 kernelSize: Int = 31) -> (harmonic: [Float], percussive: [Float]) {
    let nFFT = 2 * (d.bins - 1), bins = d.bins
    let shape = istftShape(frames: d.frames, nFFT: nFFT, hop: hopLength, center: true, length: length)
    var harmonic = OverlapAdder(nFFT: nFFT, hopLength: hopLength, count: shape.count)
    var percussive = OverlapAdder(nFFT: nFFT, hopLength: hopLength, count: shape.count)
    guard shape.frames > 0 else { return (harmonic.finish(), percussive.finish()) }
    let (harm, perc) = medianFiltered(magnitude?.values ?? d.magnitude().values, bins: bins, frames: d.frames,
                                      kernelSize: kernelSize)
    let scratch = UnsafeMutablePointer<Float>.allocate(capacity: 4 * bins)
    defer { scratch.deallocate() }
    let hr = scratch, hi = scratch + bins, pr = scratch + 2 * bins, pi = scratch + 3 * bins
    d.real.withUnsafeBufferPointer { re in
        d.imag.withUnsafeBufferPointer { im in
            harm.withUnsafeBufferPointer { h in
                perc.withUnsafeBufferPointer { p in
                    for t in 0..<shape.frames {
                        let offset = t * bins
                        softMasks(harmonic: h.baseAddress! + offset, percussive: p.baseAddress! + offset,
                                  real: re.baseAddress! + offset, imag: im.baseAddress! + offset, count: bins,
                                  power: 2, into: (hr, hi, pr, pi))
                        harmonic.add(t, real: hr, imag: hi)
                        percussive.add(t, real: pr, imag: pi)
                    }
                }
            }
        }
    }
    return (harmonic.finish(), percussive.finish())
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
                                    softMasks(harmonic: h.baseAddress!, percussive: p.baseAddress!, real: re.baseAddress!,
                                              imag: im.baseAddress!, count: h.count, power: power,
                                              into: (hr.baseAddress!, hi.baseAddress!, pr.baseAddress!, pi.baseAddress!))
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

/// librosa's soft masks (margin 1): with Z = max(H, P), mask_H = (H/Z)^p / ((H/Z)^p + (P/Z)^p), and ½ each where
/// Z is below the smallest normal float; writes D·mask_H and D·mask_P.
@inline(__always) private func softMasks(harmonic h: UnsafePointer<Float>, percussive p: UnsafePointer<Float>,
                                         real re: UnsafePointer<Float>, imag im: UnsafePointer<Float>, count: Int,
                                         power: Float,
                                         into out: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>,
                                                    UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>)) {
    let tiny = Float.leastNormalMagnitude
    for i in 0..<count {
        // Branch-free so that the loop vectorises; the unused quotients of the ½ case are discarded.
        let hv = h[i], pv = p[i]
        let z = max(hv, pv)
        let usable = z >= tiny
        let scale = usable ? z : 1
        let hz = hv / scale, pz = pv / scale
        let a = power == 2 ? hz * hz : Float.pow(hz, power)
        let b = power == 2 ? pz * pz : Float.pow(pz, power)
        let maskH: Float = usable ? a / (a + b) : 0.5
        let maskP: Float = usable ? b / (b + a) : 0.5
        out.0[i] = re[i] * maskH; out.1[i] = im[i] * maskH
        out.2[i] = re[i] * maskP; out.3[i] = im[i] * maskP
    }
}
