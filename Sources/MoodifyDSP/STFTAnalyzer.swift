/// Arithmetic precision of an STFT's FFTs.
enum FFTPrecision: Sendable {
    /// librosa's: float64 window × samples and a float64 FFT, rounded to float32 afterwards.
    case double
    /// float32 throughout: about 1.5× faster; its rounding noise (~1e-7 of each frame's peak, −140 dB) lies far
    /// below the 80 dB floor of log-mel features, so the augmentation path uses it.
    case single
}

/// Computes the frames of librosa's STFT of one signal one at a time into caller-owned buffers, so that streaming
/// consumers (mel spectrogram, phase vocoder) never hold the whole complex spectrogram.
struct STFTAnalyzer {
    /// Frame length and FFT size.
    let nFFT: Int
    /// Samples between frames.
    let hop: Int
    /// Zero padding before the first sample (nFFT / 2 when centred).
    let pad: Int
    /// Number of frames.
    let frames: Int
    /// Bins per frame (nFFT / 2 + 1).
    let bins: Int
    private let signal: [Float]
    private let precision: FFTPrecision
    private let windowDouble: [Double]
    private let windowFloat: [Float]
    private let doubleFFT: DoubleRealFFT?
    private let singleFFT: RealFFT?
    private let doubleInput: AlignedDoubles
    private let doubleOutput: AlignedDoubles
    private let singleInput: AlignedFloats
    private let singleOutput: AlignedFloats

    /// An analyzer of `y` with librosa's framing (hop `winLength / 4` by default, centre zero padding).
    init(_ y: [Float], nFFT: Int = 2048, hopLength: Int? = nil, winLength: Int? = nil, window: Window = .hann,
         center: Bool = true, precision: FFTPrecision = .double) {
        let winLength = winLength ?? nFFT
        let hop = hopLength ?? winLength / 4
        precondition(nFFT > 0 && hop > 0 && winLength > 0, "nFFT, hopLength and winLength must be positive")
        self.nFFT = nFFT
        self.hop = hop
        pad = center ? nFFT / 2 : 0
        frames = frameCount(samples: y.count + 2 * pad, frameLength: nFFT, hopLength: hop)
        bins = nFFT / 2 + 1
        signal = y
        self.precision = precision
        windowDouble = WindowCache.doubles(window, length: winLength, size: nFFT)
        windowFloat = precision == .single ? windowDouble.map { Float($0) } : []
        let isDouble = precision == .double
        doubleFFT = isDouble ? DoubleRealFFT(size: nFFT) : nil
        singleFFT = isDouble ? nil : RealFFT(size: nFFT)
        doubleInput = AlignedDoubles(count: isDouble ? nFFT : 0)
        doubleOutput = AlignedDoubles(count: isDouble ? nFFT + 2 : 0)
        singleInput = AlignedFloats(count: isDouble ? 0 : nFFT)
        singleOutput = AlignedFloats(count: isDouble ? 0 : nFFT + 2)
    }

    /// Writes frame `t`'s `bins` real and imaginary parts.
    func frame(_ t: Int, real: UnsafeMutablePointer<Float>, imag: UnsafeMutablePointer<Float>) {
        let n = nFFT, bins = bins
        signal.withUnsafeBufferPointer { s in
            // Samples outside the signal are the zero padding.
            let start = t * hop - pad
            let lo = max(0, -start), hi = max(lo, min(n, s.count - start))
            let source = s.baseAddress.map { $0 + start } ?? UnsafePointer(real)
            switch precision {
            case .double:
                let x = doubleInput.pointer
                if lo > 0 || hi < n { x.update(repeating: 0, count: n) }
                windowDouble.withUnsafeBufferPointer { w in
                    for k in lo..<hi { x[k] = w[k] * Double(source[k]) }
                }
                doubleFFT!.forward(doubleInput, doubleOutput)
                let spectrum = doubleOutput.pointer
                for b in 0..<bins {
                    real[b] = Float(spectrum[2 * b])
                    imag[b] = Float(spectrum[2 * b + 1])
                }
            case .single:
                let x = singleInput.pointer
                if lo > 0 || hi < n { x.update(repeating: 0, count: n) }
                windowFloat.withUnsafeBufferPointer { w in
                    for k in lo..<hi { x[k] = w[k] * source[k] }
                }
                singleFFT!.forward(singleInput, singleOutput)
                let spectrum = singleOutput.pointer
                for b in 0..<bins {
                    real[b] = spectrum[2 * b]
                    imag[b] = spectrum[2 * b + 1]
                }
            }
        }
    }

    /// Writes frame `t`'s power |X|² per bin into `power`; `scratch` holds `bins` floats.
    func powerFrame(_ t: Int, into power: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>) {
        frame(t, real: power, imag: scratch)
        for b in 0..<bins { power[b] = power[b] * power[b] + scratch[b] * scratch[b] }
    }

    /// The mel spectrogram (bin-major, mel rows) of the analysed signal, frame by frame without storing the STFT.
    func melSpectrogram(_ filters: MelFilterBank) -> Spectrogram {
        precondition(filters.nFFT == nFFT, "mel filters for nFFT \(filters.nFFT) applied to an STFT of nFFT \(nFFT)")
        var out = [Float](repeating: 0, count: filters.nMels * frames)
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: 2 * bins)
        defer { scratch.deallocate() }
        out.withUnsafeMutableBufferPointer { o in
            for t in 0..<frames {
                powerFrame(t, into: scratch, scratch: scratch + bins)
                filters.apply(toFrame: scratch, into: o.baseAddress! + t, stride: frames)
            }
        }
        return Spectrogram(bins: filters.nMels, frames: frames, values: out)
    }

    /// The mel spectrogram and the polar form of every frame, in one pass over the frames.
    func melAndPolar(_ filters: MelFilterBank) -> (mel: Spectrogram, polar: PolarFrames) {
        precondition(filters.nFFT == nFFT, "mel filters for nFFT \(filters.nFFT) applied to an STFT of nFFT \(nFFT)")
        var mel = [Float](repeating: 0, count: filters.nMels * frames)
        var polar = PolarFrames(bins: bins, frames: frames)
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: 3 * bins)
        defer { scratch.deallocate() }
        let re = scratch, im = scratch + bins, power = scratch + 2 * bins
        mel.withUnsafeMutableBufferPointer { o in
            for t in 0..<frames {
                frame(t, real: re, imag: im)
                polar.setFrame(t, real: re, imag: im)
                for b in 0..<bins { power[b] = re[b] * re[b] + im[b] * im[b] }
                filters.apply(toFrame: power, into: o.baseAddress! + t, stride: frames)
            }
        }
        return (Spectrogram(bins: filters.nMels, frames: frames, values: mel), polar)
    }
}
