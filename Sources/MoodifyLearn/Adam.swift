import Foundation

/// The Adam optimizer with Keras 3's update:
/// α = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ); m += (g − m)(1 − β₁); v += (g² − v)(1 − β₂); w −= m·α / (√v + ε).
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
            parameter.gradient.withUnsafeBufferPointer { g in
                parameter.value.withUnsafeMutableBufferPointer { w in
                    slot.m.withUnsafeMutableBufferPointer { m in
                        slot.v.withUnsafeMutableBufferPointer { v in
                            for j in 0..<w.count {
                                let gj = g[j]
                                m[j] += (gj - m[j]) * oneMinusBeta1
                                v[j] += (gj * gj - v[j]) * oneMinusBeta2
                                w[j] -= (m[j] * alpha) / (v[j].squareRoot() + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}
