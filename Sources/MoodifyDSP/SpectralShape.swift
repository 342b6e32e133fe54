import Foundation

/// Spectral centroid per frame of a magnitude spectrogram, as `librosa.feature.spectral_centroid(S=…)`:
/// the frequency mean weighted by each frame's L1-normalised magnitudes (an all-zero frame gives 0).
public func spectralCentroid(magnitude s: Spectrogram, sr: Double = 22050) -> [Float] {
    let freq = fftFrequencies(sr: sr, nFFT: 2 * (s.bins - 1))
    return columnwise(s) { column in
        let total = l1Norm(column)
        var sum = 0.0
        for (b, v) in column.enumerated() { sum += freq[b] * Double(v) / total }
        return Float(sum)
    }
}

/// Spectral bandwidth per frame as `librosa.feature.spectral_bandwidth(S=…, p=p, norm=True)`:
/// (Σ normalised magnitude · |f − centroid|^p)^(1/p).
public func spectralBandwidth(magnitude s: Spectrogram, sr: Double = 22050, p: Double = 2) -> [Float] {
    let freq = fftFrequencies(sr: sr, nFFT: 2 * (s.bins - 1))
    let centroid = spectralCentroid(magnitude: s, sr: sr)
    var frame = 0
    return columnwise(s) { column in
        let total = l1Norm(column)
        let c = Double(centroid[frame])
        frame += 1
        var sum = 0.0
        for (b, v) in column.enumerated() {
            let d = abs(freq[b] - c)
            sum += Double(v) / total * (p == 2 ? d * d : Foundation.pow(d, p))
        }
        return Float(Foundation.pow(sum, 1 / p))
    }
}

/// Spectral roll-off per frame as `librosa.feature.spectral_rolloff(S=…, roll_percent=…)`: the frequency of the
/// first bin whose float32 running sum of magnitudes reaches `rollPercent` of the frame's total.
public func spectralRolloff(magnitude s: Spectrogram, sr: Double = 22050, rollPercent: Float = 0.85) -> [Float] {
    precondition(rollPercent > 0 && rollPercent < 1, "rollPercent must lie in (0, 1)")
    let freq = fftFrequencies(sr: sr, nFFT: 2 * (s.bins - 1))
    return columnwise(s) { column in
        var total: Float = 0
        for v in column { total += v }
        let threshold = rollPercent * total
        var running: Float = 0
        for (b, v) in column.enumerated() {
            running += v
            if running >= threshold { return Float(freq[b]) }
        }
        return Float(freq[column.count - 1])
    }
}

/// The L1 norm of a column, or 1 when it is below the smallest normal float (librosa's `normalize` leaves such
/// columns unscaled).
private func l1Norm(_ column: [Float]) -> Double {
    var total = 0.0
    for v in column { total += Double(abs(v)) }
    return total < Double(Float.leastNormalMagnitude) ? 1 : total
}

/// `body` applied to each frame (column) of `s`, in frame order.
func columnwise(_ s: Spectrogram, _ body: ([Float]) -> Float) -> [Float] {
    var column = [Float](repeating: 0, count: s.bins)
    var out = [Float]()
    out.reserveCapacity(s.frames)
    s.values.withUnsafeBufferPointer { v in
        for t in 0..<s.frames {
            for b in 0..<s.bins { column[b] = v[b * s.frames + t] }
            out.append(body(column))
        }
    }
    return out
}
