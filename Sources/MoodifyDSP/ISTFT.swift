/// Inverse STFT as `librosa.istft`: inverse FFT of each frame, windowed overlap-add, division by the summed
/// squared window wherever it exceeds the smallest normal float; with `center` the `nFFT / 2` padding is dropped.
/// `length` zero-pads or clips the result to exactly that many samples (and skips frames beyond it, as librosa).
public func istft(_ spectrum: ComplexSpectrogram, hopLength: Int? = nil, winLength: Int? = nil, nFFT: Int? = nil,
                  window: Window = .hann, center: Bool = true, length: Int? = nil) -> [Float] {
    let nFFT = nFFT ?? 2 * (spectrum.bins - 1)
    let winLength = winLength ?? nFFT
    let hop = hopLength ?? winLength / 4
    precondition(nFFT > 0 && hop > 0, "nFFT and hopLength must be positive")
    precondition(nFFT / 2 + 1 == spectrum.bins, "a spectrum of \(spectrum.bins) bins cannot come from nFFT \(nFFT)")
    let pad = center ? nFFT / 2 : 0
    var frames = spectrum.frames
    if let length, length > 0 {
        let padded = length + 2 * pad
        frames = min(frames, (padded + hop - 1) / hop)
    }
    let outputCount: Int
    if let length, length > 0 {
        outputCount = length
    } else {
        outputCount = max(0, nFFT + hop * (frames - 1) - 2 * pad)
    }
    var y = [Float](repeating: 0, count: outputCount)
    guard frames > 0, outputCount > 0 else { return y }

    let windowValues = window.padded(length: winLength, to: nFFT)
    // Overlap-add over the padded timeline; only samples that land in [pad, pad + outputCount) are kept.
    let fft = RealFFT(size: nFFT)
    let input = AlignedFloats(count: nFFT + 2)
    let output = AlignedFloats(count: nFFT)
    let scale = 1 / Float(nFFT)
    var sumSquares = [Float](repeating: 0, count: outputCount)
    spectrum.real.withUnsafeBufferPointer { re in
        spectrum.imag.withUnsafeBufferPointer { im in
            windowValues.withUnsafeBufferPointer { w in
                y.withUnsafeMutableBufferPointer { out in
                    sumSquares.withUnsafeMutableBufferPointer { norm in
                        let z = input.pointer, x = output.pointer
                        let sf = spectrum.frames
                        for t in 0..<frames {
                            for b in 0..<spectrum.bins {
                                z[2 * b] = re[b * sf + t]
                                z[2 * b + 1] = im[b * sf + t]
                            }
                            // numpy's irfft ignores the imaginary parts of the DC and Nyquist bins; so does c2r.
                            fft.inverse(input, output)
                            let first = max(0, pad - t * hop), last = min(nFFT, pad + outputCount - t * hop)
                            guard first < last else { continue }
                            let offset = t * hop - pad
                            for k in first..<last {
                                out[offset + k] += w[k] * (x[k] * scale)
                                norm[offset + k] += w[k] * w[k]
                            }
                        }
                        let tiny = Float.leastNormalMagnitude
                        for i in 0..<out.count where norm[i] > tiny { out[i] /= norm[i] }
                    }
                }
            }
        }
    }
    return y
}
