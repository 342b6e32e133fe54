import CMoodifyKernels

/// Phase-vocoder time scaling of a complex STFT as `librosa.phase_vocoder`: output frame t reads input position
/// t·rate, interpolates the magnitudes of the two neighbouring frames linearly, and advances a running phase by
/// the expected bin advance plus the wrapped measured deviation (the phase kept in float32, as librosa does).
public func phaseVocoder(_ d: ComplexSpectrogram, rate: Double, hopLength: Int? = nil, nFFT: Int? = nil) -> ComplexSpectrogram {
    let nFFT = nFFT ?? 2 * (d.bins - 1)
    var out = FrameSpectrum(bins: d.bins, frames: phaseVocoderFrames(input: d.frames, rate: rate))
    out.real.withUnsafeMutableBufferPointer { re in
        out.imag.withUnsafeMutableBufferPointer { im in
            phaseVocoder(PolarFrames(FrameSpectrum(d)), rate: rate, hop: hopLength ?? nFFT / 4, nFFT: nFFT,
                         outputFrames: out.frames) { t, real, imag in
                (re.baseAddress! + t * d.bins).update(from: real, count: d.bins)
                (im.baseAddress! + t * d.bins).update(from: imag, count: d.bins)
            }
        }
    }
    return out.rowMajor()
}

/// Number of output frames librosa's phase vocoder makes from `frames` input frames: len(arange(0, frames, rate)).
func phaseVocoderFrames(input frames: Int, rate: Double) -> Int {
    precondition(rate > 0, "rate must be positive")
    return frames == 0 ? 0 : Int((Double(frames) / rate).rounded(.up))
}

/// The phase vocoder on a polar analysis; `sink(t, real, imag)` receives output frames 0..<outputFrames in order
/// (callers may stop early: later frames never affect earlier ones). The per-bin loops are CMoodifyKernels'
/// `moodify_phase_increment` and `moodify_phase_vocoder_frame` (AVX-512/AVX2 builds of the same operations).
func phaseVocoder(_ input: PolarFrames, rate: Double, hop: Int, nFFT: Int, outputFrames: Int,
                  sink: (Int, UnsafePointer<Float>, UnsafePointer<Float>) -> Void) {
    let bins = input.bins, frames = input.frames
    guard frames > 0, outputFrames > 0 else { return }
    let twoPi = 2 * Double.pi
    let phiAdvance = (0..<bins).map { Double(hop) * twoPi * Double($0) / Double(nFFT) }
    let scratch = UnsafeMutablePointer<Float>.allocate(capacity: 4 * bins)
    // The phase increment of each bin between input frames i and i + 1 (float64, as librosa's phi_advance +
    // dphase); output frames that read the same pair (rate < 1) reuse it.
    let increment = UnsafeMutablePointer<Double>.allocate(capacity: bins)
    defer { scratch.deallocate(); increment.deallocate() }
    // Frames past the end read as zero, as librosa pads two zero frames.
    let zeros = UnsafePointer(scratch + 2 * bins)
    (scratch + 2 * bins).initialize(repeating: 0, count: 2 * bins)
    let outRe = scratch, outIm = scratch + bins
    var phase = Array(input.angle[0..<bins])
    var incrementFrame = -1
    input.magnitude.withUnsafeBufferPointer { m in
        input.angle.withUnsafeBufferPointer { a in
            phiAdvance.withUnsafeBufferPointer { advance in
                phase.withUnsafeMutableBufferPointer { acc in
                    for t in 0..<outputFrames {
                        let step = Double(t) * rate
                        let i = Int(step)
                        let alpha = step - Double(i)
                        let m0 = i < frames ? m.baseAddress! + i * bins : zeros
                        let m1 = i + 1 < frames ? m.baseAddress! + (i + 1) * bins : zeros
                        if i != incrementFrame {
                            let a0 = i < frames ? a.baseAddress! + i * bins : zeros
                            let a1 = i + 1 < frames ? a.baseAddress! + (i + 1) * bins : zeros
                            moodify_phase_increment(a0, a1, advance.baseAddress!, bins, increment)
                            incrementFrame = i
                        }
                        moodify_phase_vocoder_frame(m0, m1, alpha, acc.baseAddress!, increment, bins, outRe, outIm)
                        sink(t, outRe, outIm)
                    }
                }
            }
        }
    }
}
