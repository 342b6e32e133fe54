/// Local derivative of each row along time, as `librosa.feature.delta(data, width=width, order=order)` (mode
/// "interp"): a Savitzky–Golay filter of polynomial order `order` fitted over `width` frames; the first and last
/// `width / 2` frames take the derivative of the polynomial fitted to the first or last `width` frames, which (the
/// derivative of a degree-`order` polynomial of order `order` being constant) equals the nearest full window's.
/// librosa refuses rows shorter than `width`; here their deltas are all zero.
public func delta(_ data: Spectrogram, width: Int = 9, order: Int = 1) -> Spectrogram {
    precondition(width >= 3 && width % 2 == 1, "delta's width must be an odd integer ≥ 3")
    precondition(order >= 1 && order < width, "delta's order must lie in 1..<width")
    let frames = data.frames
    var out = Spectrogram(bins: data.bins, frames: frames)
    guard frames >= width else { return out }
    let weights = savitzkyGolayWeights(width: width, order: order)
    let half = width / 2
    data.values.withUnsafeBufferPointer { v in
        out.values.withUnsafeMutableBufferPointer { o in
            for b in 0..<data.bins {
                let row = v.baseAddress! + b * frames, target = o.baseAddress! + b * frames
                for t in half..<(frames - half) {
                    var sum = 0.0
                    for k in 0..<width { sum += weights[k] * Double(row[t - half + k]) }
                    target[t] = Float(sum)
                }
                for t in 0..<half { target[t] = target[half] }
                for t in (frames - half)..<frames { target[t] = target[frames - half - 1] }
            }
        }
    }
    return out
}

/// Weights w₀…w_{width−1} such that Σ wₖ·x[t − width/2 + k] is the `order`-th derivative, at the window's centre, of
/// the least-squares polynomial of degree `order` through the window (scipy's `savgol_coeffs(width, order,
/// deriv=order)` in correlation order).
func savitzkyGolayWeights(width: Int, order: Int) -> [Double] {
    let half = width / 2, n = order + 1
    // Normal equations G·c = Vᵀx with V[k][j] = (k − half)^j: the leading coefficient's row of G⁻¹Vᵀ, times order!.
    var gram = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    func power(_ k: Int, _ j: Int) -> Double { (0..<j).reduce(1.0) { p, _ in p * Double(k - half) } }
    for i in 0..<n { for j in 0..<n { gram[i][j] = (0..<width).reduce(0.0) { $0 + power($1, i) * power($1, j) } } }
    // Solve G·z = e_order (G is symmetric, so row `order` of G⁻¹ is z); Gauss–Jordan with partial pivoting.
    var augmented = gram.enumerated().map { i, row in row + [i == order ? 1.0 : 0.0] }
    for col in 0..<n {
        let pivot = (col..<n).max { abs(augmented[$0][col]) < abs(augmented[$1][col]) }!
        augmented.swapAt(col, pivot)
        let p = augmented[col][col]
        augmented[col] = augmented[col].map { $0 / p }
        for r in 0..<n where r != col {
            let f = augmented[r][col]
            augmented[r] = zip(augmented[r], augmented[col]).map { $0 - f * $1 }
        }
    }
    let z = augmented.map { $0[n] }
    let factorial = (1...order).reduce(1.0) { $0 * Double($1) }
    return (0..<width).map { k in factorial * (0..<n).reduce(0.0) { $0 + z[$1] * power(k, $1) } }
}
