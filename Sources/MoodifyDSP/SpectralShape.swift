import Foundation

/// Spectral centroid per frame of a magnitude spectrogram, as `librosa.feature.spectral_centroid(S=…)`:
/// the frequency mean weighted by each frame's L1-normalised magnitudes (an all-zero frame gives 0).
public func spectralCentroid(magnitude s: Spectrogram, sr: Double = 22050) -> [Float] {
    spectralMoments(FrameMatrix(s), sr: sr).map { Float($0.centroid) }
}

/// Spectral bandwidth per frame as `librosa.feature.spectral_bandwidth(S=…, p=p, norm=True)`:
/// (Σ normalised magnitude · |f − centroid|^p)^(1/p).
public func spectralBandwidth(magnitude s: Spectrogram, sr: Double = 22050, p: Double = 2) -> [Float] {
    p == 2 ? spectralMoments(FrameMatrix(s), sr: sr).map { Float($0.bandwidth) }
        : spectralBandwidth(FrameMatrix(s), sr: sr, p: p)
}

/// Spectral roll-off per frame as `librosa.feature.spectral_rolloff(S=…, roll_percent=…)`: the frequency of the
/// first bin whose float32 running sum of magnitudes reaches `rollPercent` of the frame's total.
public func spectralRolloff(magnitude s: Spectrogram, sr: Double = 22050, rollPercent: Float = 0.85) -> [Float] {
    spectralRolloff(FrameMatrix(s), sr: sr, rollPercent: rollPercent)
}

/// Centroid and p = 2 bandwidth of each frame, from Σ S, Σ S·f and Σ S·f² in double precision.
func spectralMoments(_ s: FrameMatrix, sr: Double) -> [(centroid: Double, bandwidth: Double)] {
    let binWidth = sr / Double(2 * (s.bins - 1))
    var out = [(centroid: Double, bandwidth: Double)]()
    out.reserveCapacity(s.frames)
    s.values.withUnsafeBufferPointer { v in
        for t in 0..<s.frames {
            let column = v.baseAddress! + t * s.bins
            var total = 0.0, first = 0.0, second = 0.0
            for b in 0..<s.bins {
                let m = Double(column[b]), f = Double(b) * binWidth
                total += m
                first += m * f
                second += m * f * f
            }
            // librosa's normalize leaves a column whose L1 norm is below the smallest normal float unscaled.
            let norm = total < Double(Float.leastNormalMagnitude) ? 1 : total
            let centroid = first / norm
            // Σ S(f − c)² = Σ S f² − 2c Σ S f + c² Σ S.
            let spread = max(0, second - 2 * centroid * first + centroid * centroid * total) / norm
            out.append((centroid, spread.squareRoot()))
        }
    }
    return out
}

/// Bandwidth for a general exponent p.
func spectralBandwidth(_ s: FrameMatrix, sr: Double, p: Double) -> [Float] {
    let moments = spectralMoments(s, sr: sr)
    let binWidth = sr / Double(2 * (s.bins - 1))
    return s.values.withUnsafeBufferPointer { v in
        (0..<s.frames).map { t in
            let column = v.baseAddress! + t * s.bins
            var total = 0.0, sum = 0.0
            for b in 0..<s.bins {
                total += Double(column[b])
                sum += Double(column[b]) * pow(abs(Double(b) * binWidth - moments[t].centroid), p)
            }
            let norm = total < Double(Float.leastNormalMagnitude) ? 1 : total
            return Float(pow(sum / norm, 1 / p))
        }
    }
}

/// Roll-off per frame, with librosa's float32 running sum.
func spectralRolloff(_ s: FrameMatrix, sr: Double, rollPercent: Float = 0.85) -> [Float] {
    precondition(rollPercent > 0 && rollPercent < 1, "rollPercent must lie in (0, 1)")
    let binWidth = sr / Double(2 * (s.bins - 1))
    return s.values.withUnsafeBufferPointer { v in
        (0..<s.frames).map { t in
            let column = v.baseAddress! + t * s.bins
            var total: Float = 0
            for b in 0..<s.bins { total += column[b] }
            let threshold = rollPercent * total
            var running: Float = 0
            for b in 0..<s.bins {
                running += column[b]
                if running >= threshold { return Float(Double(b) * binWidth) }
            }
            return Float(Double(s.bins - 1) * binWidth)
        }
    }
}
