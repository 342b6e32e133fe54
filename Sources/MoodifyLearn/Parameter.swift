/// One weight array of a layer (a kernel, a bias, a BN statistic), with its gradient.
///
/// A class because identity matters: the optimizer keeps its moments per parameter.
public final class Parameter {
    /// Keras's name for the weight, e.g. "kernel", "bias", "gamma", "moving_mean".
    public let name: String
    /// The weight's shape in Keras's layout (Conv1D kernel `[kernel, in, filters]`, Dense kernel `[in, units]`).
    public let shape: [Int]
    /// Whether the optimizer updates it (false for BN moving statistics).
    public let trainable: Bool
    /// The values, row-major.
    public var value: [Float]
    /// The gradient of the loss with respect to `value`, set by the last backward pass.
    public var gradient: [Float]

    /// A parameter of the given shape holding `value`.
    public init(name: String, shape: [Int], trainable: Bool = true, value: [Float]) {
        precondition(value.count == shape.reduce(1, *), "Parameter \(name): \(value.count) values for shape \(shape)")
        self.name = name
        self.shape = shape
        self.trainable = trainable
        self.value = value
        self.gradient = trainable ? Array(repeating: 0, count: value.count) : []
    }

    /// The number of values.
    public var count: Int { value.count }
}
