/// Inverse STFT by streaming overlap-add, as `librosa.istft`: each frame is inverse transformed (float32, like
/// numpy's `irfft` of complex64 data), windowed and added; `finish` divides by the summed squared window wherever
/// it exceeds the smallest normal float. Only samples in [pad, pad + count) of the padded timeline are kept.
struct OverlapAdder {
    /// Frame length and FFT size.
    let nFFT: Int
    /// Samples between frames.
    let hop: Int
    /// Leading samples of the padded timeline that are dropped (nFFT / 2 when centred).
    let pad: Int
    /// Bins per frame.
    let bins: Int
    private let window: [Float]
    private let fft: RealFFT
    private let input: AlignedFloats
    private let output: AlignedFloats
    private var samples: [Float]
    private var norm: [Float]

    /// An overlap-adder producing `count` samples.
    init(nFFT: Int, hopLength: Int, winLength: Int? = nil, window: Window = .hann, center: Bool = true, count: Int) {
        precondition(nFFT > 0 && hopLength > 0, "nFFT and hopLength must be positive")
        self.nFFT = nFFT
        hop = hopLength
        pad = center ? nFFT / 2 : 0
        bins = nFFT / 2 + 1
        self.window = WindowCache.doubles(window, length: winLength ?? nFFT, size: nFFT).map { Float($0) }
        fft = RealFFT(size: nFFT)
        input = AlignedFloats(count: nFFT + 2)
        output = AlignedFloats(count: nFFT)
        samples = [Float](repeating: 0, count: count)
        norm = samples
    }

    /// Adds frame `t` given its `bins` real and imaginary parts.
    mutating func add(_ t: Int, real: UnsafePointer<Float>, imag: UnsafePointer<Float>) {
        let first = max(0, pad - t * hop), last = min(nFFT, pad + samples.count - t * hop)
        guard first < last else { return }
        let z = input.pointer, x = output.pointer
        for b in 0..<bins {
            z[2 * b] = real[b]
            z[2 * b + 1] = imag[b]
        }
        // c2r ignores the imaginary parts of the DC and Nyquist bins, as numpy's irfft does.
        fft.inverse(input, output)
        let scale = 1 / Float(nFFT)
        let offset = t * hop - pad
        window.withUnsafeBufferPointer { w in
            samples.withUnsafeMutableBufferPointer { out in
                norm.withUnsafeMutableBufferPointer { n in
                    let o = out.baseAddress! + offset, m = n.baseAddress! + offset
                    for k in first..<last {
                        o[k] += w[k] * (x[k] * scale)
                        m[k] += w[k] * w[k]
                    }
                }
            }
        }
    }

    /// The finished signal.
    mutating func finish() -> [Float] {
        let tiny = Float.leastNormalMagnitude
        norm.withUnsafeBufferPointer { n in
            samples.withUnsafeMutableBufferPointer { out in
                for k in 0..<out.count where n[k] > tiny { out[k] /= n[k] }
            }
        }
        return samples
    }
}
