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

/// Calls `body(bin, frame, pitch, magnitude)` for every peak `piptrack` detects, frame by frame in bin order.
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
    var column = [Float](repeating: 0, count: bins)
    var kept = [Float](repeating: 0, count: bins)
    s.values.withUnsafeBufferPointer { v in
        column.withUnsafeMutableBufferPointer { x in
            kept.withUnsafeMutableBufferPointer { k in
                for t in 0..<frames {
                    var peak: Float = 0
                    for b in 0..<bins {
                        x[b] = v[b * frames + t]
                        peak = max(peak, x[b])
                    }
                    let reference = threshold * peak
                    for b in 0..<bins { k[b] = x[b] > reference ? x[b] : 0 }
                    for b in firstBin..<endBin {
                        // librosa's localmax: strictly above the left neighbour, at least the right one; the first
                        // bin never qualifies and the last compares with its left neighbour only.
                        let isPeak: Bool
                        if b == 0 {
                            isPeak = false
                        } else if b == bins - 1 {
                            isPeak = k[b] > k[b - 1]
                        } else {
                            isPeak = k[b] > k[b - 1] && k[b] >= k[b + 1]
                        }
                        guard isPeak else { continue }
                        let shift = parabolicShift(x, at: b)
                        let gradient: Float = b == bins - 1 ? x[b] - x[b - 1] : (x[b + 1] - x[b - 1]) / 2
                        let magnitude = x[b] + 0.5 * gradient * shift
                        let pitch = Float((Double(b) + Double(shift)) * sr / Double(nFFT))
                        body(b, t, pitch, magnitude)
                    }
                }
            }
        }
    }
}

/// Offset of the vertex of the parabola through bins `b - 1`, `b`, `b + 1` (0 at the edges, and 0 when the vertex
/// would lie more than one bin away), as librosa's `_parabolic_interpolation`.
private func parabolicShift(_ x: UnsafeMutableBufferPointer<Float>, at b: Int) -> Float {
    guard b > 0, b < x.count - 1 else { return 0 }
    let a = Double(x[b + 1] + x[b - 1]) - 2 * Double(x[b])
    let slope = Double(x[b + 1] - x[b - 1]) / 2
    if abs(slope) >= abs(a) { return 0 }
    return Float(-slope / a)
}
