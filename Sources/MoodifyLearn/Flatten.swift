/// Flattens each sample to one axis, as Keras's `Flatten()` (channels-last order is kept).
public final class Flatten: Layer {
    /// The layer's name in its model.
    public var name = "flatten"
    private var cachedShape: [Int] = []

    /// A flatten layer.
    public init() {}

    /// `.flatten`.
    public var spec: LayerSpec { .flatten }
    /// No weights.
    public var parameters: [Parameter] { [] }
    /// Always true: nothing to build.
    public var isBuilt: Bool { true }

    /// `[product of the input shape]`.
    public func outputShape(for inputShape: [Int]) throws -> [Int] { [inputShape.reduce(1, *)] }

    /// Nothing to create.
    public func build(inputShape: [Int], rng: inout SeededGenerator) throws {}

    /// The same values as `[batch, features]`.
    public func forward(_ input: Tensor, train: Bool, rng: inout SeededGenerator) -> Tensor {
        if train { cachedShape = input.shape }
        return input.reshaped([input.batch, input.sampleSize])
    }

    /// The gradient in the input's shape.
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        needsInputGradient ? outputGradient.reshaped(cachedShape) : nil
    }
}
