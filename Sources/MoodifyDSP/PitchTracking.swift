/// Instantaneous pitches and their magnitudes at the spectral peaks of a spectrogram, as `librosa.piptrack`
/// returns them: both matrices have the spectrogram's shape and are zero away from the detected peaks.
public struct PitchTrack: Sendable, Equatable {
    /// Interpolated frequency in Hz at each peak bin, 0 elsewhere.
    public var pitches: Spectrogram
    /// Interpolated magnitude at each peak bin, 0 elsewhere.
    public var magnitudes: Spectrogram
}

/// Pitch tracking by parabolic interpolation of the peaks of a magnitude (or power) spectrogram, as
/// `librosa.piptrack(S=S, sr=sr, fmin=fmin, fmax=fmax, threshold=threshold)`: a bin is a peak when it exceeds
/// `threshold` times its frame's maximum, is a local maximum across frequency, and lies in [fmin, fmax).
public func piptrack(spectrogram s: Spectrogram, sr: Double = 22050, fmin: Double = 150, fmax: Double = 4000,
                     threshold: Float = 0.1) -> PitchTrack {
    var pitches = Spectrogram(bins: s.bins, frames: s.frames)
    var magnitudes = Spectrogram(bins: s.bins, frames: s.frames)
    forEachSpectralPeak(s, sr: sr, fmin: fmin, fmax: fmax, threshold: threshold) { bin, frame, pitch, magnitude in
        pitches[bin, frame] = pitch
        magnitudes[bin, frame] = magnitude
    }
    return PitchTrack(pitches: pitches, magnitudes: magnitudes)
}

/// Calls `body(bin, frame, pitch, magnitude)` for every peak `piptrack` detects, bin by bin, frames in order.
///
/// librosa's arithmetic is kept where it decides which histogram bin a pitch falls in: the shift of the
/// parabola's vertex is computed in float64 from float32 neighbours (as numba types its stencil), the pitch
/// `(bin + shift) · sr / nFFT` in float64 then rounded to float32, and the magnitude `S + ½·gradient·shift`
/// in float32.
func forEachSpectralPeak(_ s: Spectrogram, sr: Double, fmin: Double, fmax: Double, threshold: Float,
                         _ body: (_ bin: Int, _ frame: Int, _ pitch: Float, _ magnitude: Float) -> Void) {
    let bins = s.bins, frames = s.frames
    guard bins >= 3, frames > 0 else { return }
    let nFFT = 2 * (bins - 1)
    let lower = max(fmin, 0), upper = min(fmax, sr / 2)
    // numpy's rfftfreq: bin · (1 / (n · (1 / sr))).
    let binWidth = 1.0 / (Double(nFFT) * (1.0 / sr))
    var firstBin = bins, endBin = 0
    for b in 0..<bins {
        let f = Double(b) * binWidth
        if lower <= f && f < upper { firstBin = min(firstBin, b); endBin = b + 1 }
    }
    guard firstBin < endBin else { return }
    // Row by row (contiguous over frames): first each frame's maximum, then the peak test on three neighbouring
    // rows at a time.
    var references = [Float](repeating: 0, count: frames)
    s.values.withUnsafeBufferPointer { v in
        references.withUnsafeMutableBufferPointer { reference in
            for b in 0..<bins {
                let row = v.baseAddress! + b * frames
                for t in 0..<frames { reference[t] = max(reference[t], row[t]) }
            }
            for t in 0..<frames { reference[t] *= threshold }
            for b in firstBin..<endBin where b > 0 {
                let below = v.baseAddress! + (b - 1) * frames, here = v.baseAddress! + b * frames
                let above = b + 1 < bins ? v.baseAddress! + (b + 1) * frames : nil
                for t in 0..<frames {
                    // Magnitudes above the reference count, the rest are zero (librosa's S * (S > ref)); a peak is
                    // strictly above its lower neighbour and at least its upper one (librosa's localmax; the top
                    // bin compares with its lower neighbour only).
                    let r = reference[t]
                    let x = here[t]
                    guard x > r else { continue }
                    let lower = below[t] > r ? below[t] : 0
                    guard x > lower else { continue }
                    if let above {
                        let upper = above[t] > r ? above[t] : 0
                        guard x >= upper else { continue }
                    }
                    let shift: Float, gradient: Float
                    if let above {
                        shift = parabolicShift(below: below[t], here: x, above: above[t])
                        gradient = (above[t] - below[t]) / 2
                    } else {
                        shift = 0
                        gradient = x - below[t]
                    }
                    let magnitude = x + 0.5 * gradient * shift
                    let pitch = Float((Double(b) + Double(shift)) * sr / Double(nFFT))
                    body(b, t, pitch, magnitude)
                }
            }
        }
    }
}

/// Offset of the vertex of the parabola through three neighbouring bins (0 when the vertex would lie more than
/// one bin away), as librosa's `_parabolic_interpolation`.
private func parabolicShift(below: Float, here: Float, above: Float) -> Float {
    let a = Double(above + below) - 2 * Double(here)
    let slope = Double(above - below) / 2
    if abs(slope) >= abs(a) { return 0 }
    return Float(-slope / a)
}
