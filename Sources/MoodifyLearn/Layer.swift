/// A network layer with a forward and a backward pass, as in Keras.
///
/// Layers are classes because their weights and the values cached for the backward pass have identity.
/// Shapes passed to `build` and `outputShape(for:)` are per sample (no batch axis).
public protocol Layer: AnyObject {
    /// The layer's name in its model, e.g. "conv1d_1".
    var name: String { get set }
    /// The layer's description, which is also how a bundle stores it.
    var spec: LayerSpec { get }
    /// The weights in Keras's order (empty until built).
    var parameters: [Parameter] { get }
    /// Whether `build` has created the weights.
    var isBuilt: Bool { get }
    /// The per-sample output shape for a per-sample input shape, or an error when the input does not fit.
    func outputShape(for inputShape: [Int]) throws -> [Int]
    /// Creates the weights for a per-sample input shape, drawing initial values from `rng`.
    func build(inputShape: [Int], rng: inout SeededGenerator) throws
    /// The output for a batch; in train mode the layer remembers what its backward pass needs.
    func forward(_ input: Tensor, train: Bool, rng: inout SeededGenerator) -> Tensor
    /// Sets the parameters' gradients from the gradient of the output of the last train-mode forward pass,
    /// and returns the gradient with respect to its input when `needsInputGradient`.
    func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor?
    /// The weight-decay term this layer adds to the loss (0 unless it has an L2 regularizer).
    var regularizationLoss: Float { get }
}

extension Layer {
    /// Keras's class name, e.g. "Conv1D".
    public var typeName: String { spec.typeName }
    /// The number of weights.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
    /// The number of weights the optimizer updates.
    public var trainableParameterCount: Int { parameters.filter(\.trainable).reduce(0) { $0 + $1.count } }
    /// No weight decay unless a layer says otherwise.
    public var regularizationLoss: Float { 0 }
}
