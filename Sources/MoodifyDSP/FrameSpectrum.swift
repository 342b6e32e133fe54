/// A complex spectrum stored frame by frame (`frame * bins + bin`): the layout the FFT writes and the inverse
/// STFT and the phase vocoder read, used inside the module to avoid strided access.
struct FrameSpectrum: Sendable {
    /// Frequency bins per frame.
    var bins: Int
    /// Number of frames.
    var frames: Int
    /// Real parts, frame-major.
    var real: [Float]
    /// Imaginary parts, frame-major.
    var imag: [Float]

    /// A zero spectrum.
    init(bins: Int, frames: Int) {
        self.bins = bins
        self.frames = frames
        real = [Float](repeating: 0, count: bins * frames)
        imag = real
    }

    /// The frame-major copy of a row-major spectrogram.
    init(_ s: ComplexSpectrogram) {
        bins = s.bins
        frames = s.frames
        real = transposed(s.real, rows: s.bins, columns: s.frames)
        imag = transposed(s.imag, rows: s.bins, columns: s.frames)
    }

    /// The row-major (bin-major) copy, the public layout.
    func rowMajor() -> ComplexSpectrogram {
        ComplexSpectrogram(bins: bins, frames: frames, real: transposed(real, rows: frames, columns: bins),
                           imag: transposed(imag, rows: frames, columns: bins))
    }

    /// |X|, frame-major.
    func magnitude() -> FrameMatrix {
        FrameMatrix(bins: bins, frames: frames, values: combined { ($0 * $0 + $1 * $1).squareRoot() })
    }

    /// |X|², frame-major.
    func power() -> FrameMatrix {
        FrameMatrix(bins: bins, frames: frames, values: combined { $0 * $0 + $1 * $1 })
    }

    /// `f(real, imag)` per cell, frame-major.
    @inline(__always) private func combined(_ f: (Float, Float) -> Float) -> [Float] {
        [Float](unsafeUninitializedCapacity: real.count) { out, count in
            real.withUnsafeBufferPointer { re in
                imag.withUnsafeBufferPointer { im in
                    for i in 0..<re.count { out[i] = f(re[i], im[i]) }
                }
            }
            count = real.count
        }
    }
}

/// A real matrix stored frame by frame (`frame * bins + bin`): each frame's spectrum is contiguous.
struct FrameMatrix: Sendable {
    /// Values per frame.
    var bins: Int
    /// Number of frames.
    var frames: Int
    /// Frame-major values.
    var values: [Float]

    /// Wraps frame-major values.
    init(bins: Int, frames: Int, values: [Float]) {
        precondition(values.count == bins * frames)
        self.bins = bins
        self.frames = frames
        self.values = values
    }

    /// The frame-major copy of a row-major spectrogram.
    init(_ s: Spectrogram) {
        self.init(bins: s.bins, frames: s.frames, values: transposed(s.values, rows: s.bins, columns: s.frames))
    }

    /// The public row-major copy.
    func rowMajor() -> Spectrogram {
        Spectrogram(bins: bins, frames: frames, values: transposed(values, rows: frames, columns: bins))
    }
}

/// The transpose of a row-major `rows`×`columns` matrix, in cache-sized blocks (pointer steps without overflow
/// checks: the sizes are those of an existing array).
func transposed(_ a: [Float], rows: Int, columns: Int) -> [Float] {
    precondition(a.count == rows * columns)
    return [Float](unsafeUninitializedCapacity: a.count) { out, count in
        a.withUnsafeBufferPointer { src in
            guard let source = src.baseAddress, let target = out.baseAddress else { return }
            let block = 32
            for r0 in Swift.stride(from: 0, to: rows, by: block) {
                let r1 = min(r0 + block, rows)
                for c0 in Swift.stride(from: 0, to: columns, by: block) {
                    // Contiguous writes (one output row segment per input column), strided reads.
                    let height = r1 &- r0
                    for c in c0..<min(c0 + block, columns) {
                        let to = target + (c &* rows &+ r0)
                        var from = source + (r0 &* columns &+ c)
                        for r in 0..<height {
                            to[r] = from.pointee
                            from += columns
                        }
                    }
                }
            }
        }
        count = a.count
    }
}
