import CMoodifyKernels

/// Magnitude and phase of every STFT frame (frame-major), the input of the phase vocoder. Time stretching and pitch
/// shifting the same clip share one.
struct PolarFrames {
    /// Bins per frame.
    let bins: Int
    /// Number of frames.
    let frames: Int
    /// |X|, frame-major.
    var magnitude: [Float]
    /// angle(X) in (−π, π], as numpy's `angle` of complex64 (float32 atan2, `moodify_polar`), frame-major.
    var angle: [Float]

    /// Empty storage for `frames` frames.
    init(bins: Int, frames: Int) {
        self.bins = bins
        self.frames = frames
        magnitude = [Float](repeating: 0, count: bins * frames)
        angle = magnitude
    }

    /// The polar form of a frame-major spectrum.
    init(_ d: FrameSpectrum) {
        self.init(bins: d.bins, frames: d.frames)
        d.real.withUnsafeBufferPointer { re in
            d.imag.withUnsafeBufferPointer { im in
                for t in 0..<frames { setFrame(t, real: re.baseAddress! + t * bins, imag: im.baseAddress! + t * bins) }
            }
        }
    }

    /// The polar form of every frame an analyzer makes.
    init(_ analyzer: STFTAnalyzer) {
        self.init(bins: analyzer.bins, frames: analyzer.frames)
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: 2 * bins)
        defer { scratch.deallocate() }
        for t in 0..<frames {
            analyzer.frame(t, real: scratch, imag: scratch + bins)
            setFrame(t, real: scratch, imag: scratch + bins)
        }
    }

    /// Stores frame `t` from its real and imaginary parts.
    mutating func setFrame(_ t: Int, real re: UnsafePointer<Float>, imag im: UnsafePointer<Float>) {
        let bins = bins
        magnitude.withUnsafeMutableBufferPointer { m in
            angle.withUnsafeMutableBufferPointer { a in
                moodify_polar(re, im, bins, m.baseAddress! + t * bins, a.baseAddress! + t * bins)
            }
        }
    }
}
