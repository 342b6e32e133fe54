/// Number of frames librosa's framing yields for `count` samples (after any centre padding).
func frameCount(samples count: Int, frameLength: Int, hopLength: Int) -> Int {
    count < frameLength ? 0 : 1 + (count - frameLength) / hopLength
}

/// `y` with `pad` zeros on each side (librosa's centre padding, pad_mode "constant").
func zeroPadded(_ y: [Float], by pad: Int) -> [Float] {
    var out = [Float](repeating: 0, count: y.count + 2 * pad)
    out.withUnsafeMutableBufferPointer { o in
        y.withUnsafeBufferPointer { s in
            guard let base = s.baseAddress, s.count > 0 else { return }
            (o.baseAddress! + pad).update(from: base, count: s.count)
        }
    }
    return out
}

/// Short-time Fourier transform as `librosa.stft`: Hann window of `winLength` (default `nFFT`) centred in `nFFT`,
/// hop `winLength / 4` by default, and with `center` the signal zero-padded by `nFFT / 2` on both sides.
/// Gives `nFFT / 2 + 1` bins; a signal shorter than one frame without centring gives zero frames.
public func stft(_ y: [Float], nFFT: Int = 2048, hopLength: Int? = nil, winLength: Int? = nil,
                 window: Window = .hann, center: Bool = true) -> ComplexSpectrogram {
    let winLength = winLength ?? nFFT
    let hop = hopLength ?? winLength / 4
    precondition(nFFT > 0 && hop > 0 && winLength > 0, "nFFT, hopLength and winLength must be positive")
    let windowValues = window.paddedDouble(length: winLength, to: nFFT)
    let signal = center ? zeroPadded(y, by: nFFT / 2) : y
    let frames = frameCount(samples: signal.count, frameLength: nFFT, hopLength: hop)
    let bins = nFFT / 2 + 1
    var real = [Float](repeating: 0, count: bins * frames)
    var imag = [Float](repeating: 0, count: bins * frames)
    guard frames > 0 else { return ComplexSpectrogram(bins: bins, frames: 0, real: [], imag: []) }

    // As librosa: the float64 window times the float32 samples, a float64 FFT, then the result cast to float32.
    // (A float32 FFT would leave a noise floor ~1e-7 of each frame's peak, which spectral contrast's valleys see.)
    let fft = DoubleRealFFT(size: nFFT)
    let input = AlignedDoubles(count: nFFT)
    let output = AlignedDoubles(count: nFFT + 2)
    signal.withUnsafeBufferPointer { s in
        windowValues.withUnsafeBufferPointer { w in
            real.withUnsafeMutableBufferPointer { re in
                imag.withUnsafeMutableBufferPointer { im in
                    let x = input.pointer, spectrum = output.pointer
                    for t in 0..<frames {
                        let start = t * hop
                        for k in 0..<nFFT { x[k] = w[k] * Double(s[start + k]) }
                        fft.forward(input, output)
                        for b in 0..<bins {
                            re[b * frames + t] = Float(spectrum[2 * b])
                            im[b * frames + t] = Float(spectrum[2 * b + 1])
                        }
                    }
                }
            }
        }
    }
    return ComplexSpectrogram(bins: bins, frames: frames, real: real, imag: imag)
}
