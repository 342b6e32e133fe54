import Foundation

/// Categorical cross-entropy as Keras 3 computes it.
///
/// On probabilities (`loss(probabilities:targets:)`) the rows are renormalised and clipped to
/// [1e-7, 1 − 1e-7] before the logarithm. When a model ends in a softmax layer, Keras 3 on the
/// TensorFlow backend skips that path and uses the softmax's logits (`softmax_cross_entropy_with_logits`);
/// training and evaluation here do the same, so losses above −log(1e-7) ≈ 16.1 are possible, as in Keras.
/// A weighted batch loss is Σ wᵢ·lossᵢ / batch size (Keras's "sum over batch size"), not / Σ wᵢ.
public enum CategoricalCrossEntropy {
    /// Keras's `backend.epsilon()`, the clipping margin on probabilities.
    public static let epsilon: Float = 1e-7

    /// The mean loss of probability rows against target rows (one-hot or soft), with optional sample weights.
    public static func loss(probabilities: Matrix, targets: Matrix, sampleWeights: [Float]? = nil) throws -> Float {
        guard probabilities.rows == targets.rows, probabilities.cols == targets.cols else {
            throw LearnError.shapeMismatch(context: "Cross-entropy targets", expected: "\(probabilities.shape)", got: "\(targets.shape)")
        }
        if let sampleWeights, sampleWeights.count != targets.rows {
            throw LearnError.shapeMismatch(context: "Cross-entropy sample weights", expected: "[\(targets.rows)]", got: "[\(sampleWeights.count)]")
        }
        guard targets.rows > 0 else { return 0 }
        var scratch = [Float](repeating: 0, count: probabilities.values.count)
        let sum = probabilities.values.withUnsafeBufferPointer { p in
            targets.values.withUnsafeBufferPointer { y in
                scratch.withUnsafeMutableBufferPointer { g in
                    fromProbabilities(p.baseAddress!, targets: y.baseAddress!, weights: sampleWeights, rows: targets.rows,
                                      classes: targets.cols, gradient: g.baseAddress!, gradientScale: 0)
                }
            }
        }
        return Float(sum) / Float(targets.rows)
    }

    /// Σ wᵢ·lossᵢ on clipped probabilities; writes `gradientScale · wᵢ · ∂lossᵢ/∂p` into `gradient`.
    static func fromProbabilities(_ p: UnsafePointer<Float>, targets y: UnsafePointer<Float>, weights: [Float]?,
                                  rows: Int, classes: Int, gradient: UnsafeMutablePointer<Float>,
                                  gradientScale: Float) -> Double {
        var total = 0.0
        for r in 0..<rows {
            let pr = p + r * classes, yr = y + r * classes, gr = gradient + r * classes
            let w = weights?[r] ?? 1
            var sum: Float = 0
            for c in 0..<classes { sum += pr[c] }
            var loss: Float = 0, dot: Float = 0
            for c in 0..<classes {
                let q = pr[c] / sum
                let clipped = min(max(q, epsilon), 1 - epsilon)
                loss -= yr[c] * logf(clipped)
                // ∂loss/∂q is −y/q inside the clip range and 0 where the clip is active.
                let dq: Float = (q > epsilon && q < 1 - epsilon) ? -yr[c] / q : 0
                gr[c] = dq
                dot += dq * q
            }
            // Through the renormalisation q = p / Σp: ∂/∂p_j = (∂/∂q_j − Σ_c ∂/∂q_c · q_c) / Σp.
            let scale = gradientScale * w / sum
            for c in 0..<classes { gr[c] = (gr[c] - dot) * scale }
            total += Double(w * loss)
        }
        return total
    }

    /// Σ wᵢ·lossᵢ from logits; writes `gradientScale · wᵢ · ∂lossᵢ/∂z` (= scale · wᵢ · (softmax · Σy − y))
    /// into `gradient`.
    static func fromLogits(_ z: UnsafePointer<Float>, targets y: UnsafePointer<Float>, weights: [Float]?,
                           rows: Int, classes: Int, gradient: UnsafeMutablePointer<Float>,
                           gradientScale: Float) -> Double {
        var total = 0.0
        for r in 0..<rows {
            let zr = z + r * classes, yr = y + r * classes, gr = gradient + r * classes
            let w = weights?[r] ?? 1
            let lse = Softmax.logSumExp(zr, count: classes)
            var loss: Float = 0, targetSum: Float = 0
            for c in 0..<classes {
                loss += yr[c] * (lse - zr[c])
                targetSum += yr[c]
            }
            let scale = gradientScale * w
            for c in 0..<classes { gr[c] = (expf(zr[c] - lse) * targetSum - yr[c]) * scale }
            total += Double(w * loss)
        }
        return total
    }
}
