import Foundation

/// The Adam optimizer with Keras 3's update:
/// α = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ); m += (g − m)(1 − β₁); v += (g² − v)(1 − β₂); w −= m·α / (√v + ε),
/// where g includes the weight's L2 term 2·l2·w (added here, in the same pass).
public final class Adam {
    /// The step size; callbacks and schedules change it between epochs.
    public var learningRate: Float
    /// The decay of the first moment.
    public let beta1: Double
    /// The decay of the second moment.
    public let beta2: Double
    /// Added to √v in the denominator.
    public let epsilon: Float
    /// The learning rate it was created with.
    public let initialLearningRate: Float
    /// The number of updates applied so far.
    public private(set) var iterations = 0
    private var slots: [Moments] = []

    /// The running moments of one parameter.
    private final class Moments {
        let parameter: Parameter
        var m: [Float]
        var v: [Float]

        init(_ parameter: Parameter) {
            self.parameter = parameter
            m = Array(repeating: 0, count: parameter.count)
            v = Array(repeating: 0, count: parameter.count)
        }
    }

    /// Keras's defaults: lr 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7.
    public init(learningRate: Float = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.initialLearningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// A new optimizer with the same settings and initial learning rate, and no moments.
    public func fresh() -> Adam {
        Adam(learningRate: initialLearningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
    }

    /// Forgets the moments and the step count.
    public func reset() {
        iterations = 0
        slots = []
    }

    /// Applies one update to every trainable parameter from its current gradient.
    public func step(_ parameters: [Parameter]) {
        let trainable = parameters.filter(\.trainable)
        if slots.count != trainable.count || zip(slots, trainable).contains(where: { $0.parameter !== $1 }) {
            slots = trainable.map(Moments.init)
        }
        iterations += 1
        let t = Float(iterations)
        let beta1Power = powf(Float(beta1), t), beta2Power = powf(Float(beta2), t)
        let alpha = learningRate * (1 - beta2Power).squareRoot() / (1 - beta1Power)
        let oneMinusBeta1 = Float(1 - beta1), oneMinusBeta2 = Float(1 - beta2), eps = epsilon
        for slot in slots {
            let parameter = slot.parameter
            parameter.gradient.withUnsafeBufferPointer { gp in
                parameter.value.withUnsafeMutableBufferPointer { wp in
                    slot.m.withUnsafeMutableBufferPointer { mp in
                        slot.v.withUnsafeMutableBufferPointer { vp in
                            let w = wp.baseAddress!, g = gp.baseAddress!, m = mp.baseAddress!, v = vp.baseAddress!
                            let decay = 2 * parameter.l2
                            Parallel.forRanges(wp.count) { range in
                                Self.update(count: range.count, w: w + range.lowerBound, g: g + range.lowerBound, m: m + range.lowerBound,
                                            v: v + range.lowerBound, decay: decay, alpha: alpha, oneMinusBeta1: oneMinusBeta1,
                                            oneMinusBeta2: oneMinusBeta2, epsilon: eps)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The update of one parameter array, eight values at a time.
    private static func update(count: Int, w: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>,
                               m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>, decay: Float,
                               alpha: Float, oneMinusBeta1: Float, oneMinusBeta2: Float, epsilon: Float) {
        typealias V = SIMD8<Float>
        let wr = UnsafeMutableRawPointer(w), gr = UnsafeRawPointer(g), mr = UnsafeMutableRawPointer(m), vr = UnsafeMutableRawPointer(v)
        let b1 = V(repeating: oneMinusBeta1), b2 = V(repeating: oneMinusBeta2), a = V(repeating: alpha), e = V(repeating: epsilon)
        let d = V(repeating: decay)
        let full = count / 8
        for i in 0..<full {
            let offset = 32 * i
            let wj = wr.loadUnaligned(fromByteOffset: offset, as: V.self)
            let gj = gr.loadUnaligned(fromByteOffset: offset, as: V.self) + d * wj
            var mj = mr.loadUnaligned(fromByteOffset: offset, as: V.self)
            var vj = vr.loadUnaligned(fromByteOffset: offset, as: V.self)
            mj += (gj - mj) * b1
            vj += (gj * gj - vj) * b2
            mr.storeBytes(of: mj, toByteOffset: offset, as: V.self)
            vr.storeBytes(of: vj, toByteOffset: offset, as: V.self)
            wr.storeBytes(of: wj - (mj * a) / (vj.squareRoot() + e), toByteOffset: offset, as: V.self)
        }
        for j in (8 * full)..<count {
            let gj = g[j] + decay * w[j]
            m[j] += (gj - m[j]) * oneMinusBeta1
            v[j] += (gj * gj - v[j]) * oneMinusBeta2
            w[j] -= (m[j] * alpha) / (v[j].squareRoot() + epsilon)
        }
    }
}
