extension Spectrogram {
    /// Every column divided by its `norm`-norm (∞: largest magnitude, p > 0: p-norm), as `librosa.util.normalize`
    /// along the bin axis: norms are taken in float64, and a column whose norm is below the smallest normal float32
    /// (silence) is left as it is. `nil` returns the matrix unchanged.
    func columnsNormalized(norm: Double?) -> Spectrogram {
        guard let norm, frames > 0 else { return self }
        precondition(norm > 0, "column normalisation needs a positive norm or ∞, not \(norm)")
        var out = values
        let bins = self.bins, frames = self.frames
        var lengths = [Double](repeating: 0, count: frames)
        values.withUnsafeBufferPointer { v in
            lengths.withUnsafeMutableBufferPointer { len in
                for b in 0..<bins {
                    let row = v.baseAddress! + b * frames
                    for t in 0..<frames { len[t] = chromaAccumulateNorm(len[t], Double(abs(row[t])), norm) }
                }
                for t in 0..<frames {
                    let length = chromaFinishNorm(len[t], norm)
                    len[t] = length < Double(Float.leastNormalMagnitude) ? 1 : length
                }
            }
        }
        out.withUnsafeMutableBufferPointer { o in
            for b in 0..<bins {
                for t in 0..<frames { o[b * frames + t] = Float(Double(o[b * frames + t]) / lengths[t]) }
            }
        }
        return Spectrogram(bins: bins, frames: frames, values: out)
    }
}
