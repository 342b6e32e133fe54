/// Mean and population standard deviation (numpy's `mean` and `std`) of a run of floats, in double precision.
func meanAndStd(_ x: UnsafeBufferPointer<Float>) -> (mean: Float, std: Float) {
    guard !x.isEmpty else { return (.nan, .nan) }
    var sum = 0.0
    for v in x { sum += Double(v) }
    let mean = sum / Double(x.count)
    var squares = 0.0
    for v in x {
        let d = Double(v) - mean
        squares += d * d
    }
    return (Float(mean), Float((squares / Double(x.count)).squareRoot()))
}

/// `meanAndStd` of an array.
func meanAndStd(_ x: [Float]) -> (mean: Float, std: Float) {
    x.withUnsafeBufferPointer { meanAndStd($0) }
}

/// Per-row means, then per-row standard deviations, of a matrix: `2 * bins` values.
func rowMeansThenStds(_ s: Spectrogram) -> [Float] {
    var means = [Float](), stds = [Float]()
    s.values.withUnsafeBufferPointer { v in
        for b in 0..<s.bins {
            let (m, d) = meanAndStd(UnsafeBufferPointer(rebasing: v[(b * s.frames)..<((b + 1) * s.frames)]))
            means.append(m)
            stds.append(d)
        }
    }
    return means + stds
}
