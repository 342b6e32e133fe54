/// Real matrix, `bins` rows (frequency or feature) by `frames` columns, row-major (bin * frames + frame).
public struct Spectrogram: Sendable, Equatable {
    /// Number of rows (frequency bins or feature coefficients).
    public var bins: Int
    /// Number of columns (time frames).
    public var frames: Int
    /// Row-major values, `bins * frames` of them.
    public var values: [Float]

    /// Wraps `values` (row-major, `bins * frames` of them).
    public init(bins: Int, frames: Int, values: [Float]) {
        precondition(values.count == bins * frames, "a \(bins)×\(frames) spectrogram needs \(bins * frames) values, not \(values.count)")
        self.bins = bins
        self.frames = frames
        self.values = values
    }

    /// A zero-filled `bins`×`frames` matrix.
    public init(bins: Int, frames: Int) {
        self.init(bins: bins, frames: frames, values: [Float](repeating: 0, count: bins * frames))
    }

    /// The value at row `bin`, column `frame`.
    public subscript(bin: Int, frame: Int) -> Float {
        get { values[bin * frames + frame] }
        set { values[bin * frames + frame] = newValue }
    }

    /// Row `bin` (all frames of one bin).
    public func row(_ bin: Int) -> ArraySlice<Float> {
        values[(bin * frames)..<((bin + 1) * frames)]
    }
}

/// Complex STFT, same layout as `Spectrogram`, split real/imaginary parts.
public struct ComplexSpectrogram: Sendable, Equatable {
    /// Number of frequency bins (`nFFT / 2 + 1`).
    public var bins: Int
    /// Number of time frames.
    public var frames: Int
    /// Real parts, row-major (bin * frames + frame).
    public var real: [Float]
    /// Imaginary parts, same layout.
    public var imag: [Float]

    /// Wraps split real and imaginary parts (row-major, `bins * frames` each).
    public init(bins: Int, frames: Int, real: [Float], imag: [Float]) {
        precondition(real.count == bins * frames && imag.count == bins * frames,
                     "a \(bins)×\(frames) complex spectrogram needs \(bins * frames) real and imaginary values")
        self.bins = bins
        self.frames = frames
        self.real = real
        self.imag = imag
    }

    /// |X| per cell.
    public func magnitude() -> Spectrogram {
        var out = [Float](repeating: 0, count: real.count)
        real.withUnsafeBufferPointer { re in
            imag.withUnsafeBufferPointer { im in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<o.count { o[i] = (re[i] * re[i] + im[i] * im[i]).squareRoot() }
                }
            }
        }
        return Spectrogram(bins: bins, frames: frames, values: out)
    }

    /// |X|² per cell.
    public func power() -> Spectrogram {
        var out = [Float](repeating: 0, count: real.count)
        real.withUnsafeBufferPointer { re in
            imag.withUnsafeBufferPointer { im in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<o.count { o[i] = re[i] * re[i] + im[i] * im[i] }
                }
            }
        }
        return Spectrogram(bins: bins, frames: frames, values: out)
    }
}
