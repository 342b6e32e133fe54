/// Inverse STFT as `librosa.istft`: inverse FFT of each frame, windowed overlap-add, division by the summed
/// squared window wherever it exceeds the smallest normal float; with `center` the `nFFT / 2` padding is dropped.
/// `length` zero-pads or clips the result to exactly that many samples (and skips frames beyond it, as librosa).
public func istft(_ spectrum: ComplexSpectrogram, hopLength: Int? = nil, winLength: Int? = nil, nFFT: Int? = nil,
                  window: Window = .hann, center: Bool = true, length: Int? = nil) -> [Float] {
    istft(FrameSpectrum(spectrum), hopLength: hopLength, winLength: winLength, nFFT: nFFT, window: window,
          center: center, length: length)
}

/// The frames librosa's istft uses and the signal length it returns, for `frames` input frames.
func istftShape(frames: Int, nFFT: Int, hop: Int, center: Bool, length: Int?) -> (frames: Int, count: Int) {
    let pad = center ? nFFT / 2 : 0
    // librosa treats length 0 like no length.
    guard let length, length > 0 else { return (frames, max(0, nFFT + hop * (frames - 1) - 2 * pad)) }
    return (min(frames, (length + 2 * pad + hop - 1) / hop), length)
}

/// `istft` of a frame-major spectrum.
func istft(_ spectrum: FrameSpectrum, hopLength: Int? = nil, winLength: Int? = nil, nFFT: Int? = nil,
           window: Window = .hann, center: Bool = true, length: Int? = nil) -> [Float] {
    let nFFT = nFFT ?? 2 * (spectrum.bins - 1)
    let hop = hopLength ?? (winLength ?? nFFT) / 4
    precondition(nFFT / 2 + 1 == spectrum.bins, "a spectrum of \(spectrum.bins) bins cannot come from nFFT \(nFFT)")
    let shape = istftShape(frames: spectrum.frames, nFFT: nFFT, hop: hop, center: center, length: length)
    guard shape.frames > 0, shape.count > 0 else { return [Float](repeating: 0, count: shape.count) }
    var adder = OverlapAdder(nFFT: nFFT, hopLength: hop, winLength: winLength, window: window, center: center,
                             count: shape.count)
    spectrum.real.withUnsafeBufferPointer { re in
        spectrum.imag.withUnsafeBufferPointer { im in
            for t in 0..<shape.frames {
                adder.add(t, real: re.baseAddress! + t * spectrum.bins, imag: im.baseAddress! + t * spectrum.bins)
            }
        }
    }
    return adder.finish()
}
