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
    stftFrames(y, nFFT: nFFT, hopLength: hopLength, winLength: winLength, window: window, center: center).rowMajor()
}

/// `stft` in the frame-major layout (computed in float64, as librosa; a float32 FFT would leave a noise floor
/// ~1e-7 of each frame's peak, which the valleys of spectral contrast see).
func stftFrames(_ y: [Float], nFFT: Int = 2048, hopLength: Int? = nil, winLength: Int? = nil,
                window: Window = .hann, center: Bool = true) -> FrameSpectrum {
    let analyzer = STFTAnalyzer(y, nFFT: nFFT, hopLength: hopLength, winLength: winLength, window: window, center: center)
    var out = FrameSpectrum(bins: analyzer.bins, frames: analyzer.frames)
    out.real.withUnsafeMutableBufferPointer { re in
        out.imag.withUnsafeMutableBufferPointer { im in
            for t in 0..<analyzer.frames {
                analyzer.frame(t, real: re.baseAddress! + t * analyzer.bins, imag: im.baseAddress! + t * analyzer.bins)
            }
        }
    }
    return out
}
