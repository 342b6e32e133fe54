import Foundation

/// Tonal centroid features (6 rows: fifths x, y; minor thirds x, y; major thirds x, y) of `y`, as
/// `librosa.feature.tonnetz(y=y, sr=sr)`: the L1-normalised frames of `chromaCQT` (default parameters) projected
/// onto the three circles of Harte et al. (2006). `tuning` (fractions of a 1/36-octave bin) is estimated from `y`
/// unless given, e.g. as `estimateTuning(spectrogram: magnitude, binsPerOctave: 36)` of an STFT already at hand.
public func tonnetz(_ y: [Float], sr: Double = 22050, tuning: Double? = nil) throws(ChromaError) -> Spectrogram {
    tonnetz(chroma: try chromaCQT(y, sr: sr, tuning: tuning))
}

/// Tonal centroid features of a chromagram (any number of pitch classes), as
/// `librosa.feature.tonnetz(chroma=chroma)`.
public func tonnetz(chroma: Spectrogram) -> Spectrogram {
    let n = chroma.bins, frames = chroma.frames
    let normalized = chroma.columnsNormalized(norm: 1)
    // phi[p][c] = r_p · cos(π · (s_p · 12c/n − ½ on even rows)), librosa's transformation matrix.
    let scale: [Double] = [7.0 / 6, 7.0 / 6, 3.0 / 2, 3.0 / 2, 2.0 / 3, 2.0 / 3]
    let radius: [Double] = [1, 1, 1, 1, 0.5, 0.5]
    let step = 12 / Double(n)
    var out = [Float](repeating: 0, count: 6 * frames)
    var sums = [Double](repeating: 0, count: frames)
    for p in 0..<6 {
        let phi = (0..<n).map { c -> Double in
            var v: Double = scale[p] * (Double(c) * step)
            if p % 2 == 0 { v -= 0.5 }
            return radius[p] * cos(Double.pi * v)
        }
        for t in 0..<frames { sums[t] = 0 }
        for c in 0..<n {
            for t in 0..<frames { sums[t] += phi[c] * Double(normalized[c, t]) }
        }
        for t in 0..<frames { out[p * frames + t] = Float(sums[t]) }
    }
    return Spectrogram(bins: 6, frames: frames, values: out)
}
