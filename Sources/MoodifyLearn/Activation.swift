import Foundation

/// The activation a `Conv1D` or `Dense` layer applies to its output, as Keras names them.
public enum Activation: String, Sendable, Codable, CaseIterable {
    /// The identity.
    case linear
    /// max(0, x).
    case relu
    /// exp(x) / Σ exp(x) along the last axis.
    case softmax

    /// Applies the activation in place to `rows` rows of `width` values.
    func apply(_ x: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
        switch self {
        case .linear:
            return
        case .relu:
            for i in 0..<(rows * width) { x[i] = x[i] > 0 ? x[i] : 0 }
        case .softmax:
            for r in 0..<rows { Softmax.apply(x + r * width, count: width) }
        }
    }

    /// Turns `gradient` (with respect to the activation's output `y`) into the gradient with respect to its input, in place.
    func backpropagate(_ gradient: UnsafeMutablePointer<Float>, output y: UnsafePointer<Float>, rows: Int, width: Int) {
        switch self {
        case .linear:
            return
        case .relu:
            for i in 0..<(rows * width) { gradient[i] = y[i] > 0 ? gradient[i] : 0 }
        case .softmax:
            for r in 0..<rows {
                let g = gradient + r * width, p = y + r * width
                var dot: Float = 0
                for c in 0..<width { dot += g[c] * p[c] }
                for c in 0..<width { g[c] = p[c] * (g[c] - dot) }
            }
        }
    }
}

/// The numerically stable softmax of one row.
enum Softmax {
    /// Replaces `count` values by their softmax.
    static func apply(_ x: UnsafeMutablePointer<Float>, count: Int) {
        guard count > 0 else { return }
        var peak = x[0]
        for c in 1..<count where x[c] > peak { peak = x[c] }
        var sum: Float = 0
        for c in 0..<count {
            let e = expf(x[c] - peak)
            x[c] = e
            sum += e
        }
        let inverse = 1 / sum
        for c in 0..<count { x[c] *= inverse }
    }

    /// log Σ exp(x) of one row, computed without overflow.
    static func logSumExp(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var peak = x[0]
        for c in 1..<count where x[c] > peak { peak = x[c] }
        var sum: Float = 0
        for c in 0..<count { sum += expf(x[c] - peak) }
        return peak + logf(sum)
    }
}
