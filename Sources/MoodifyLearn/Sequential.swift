/// A stack of layers, as Keras's `Sequential`: built for a per-sample input shape, trained with `fit`,
/// used with `predict` and `evaluate`, saved as a `ModelBundle`.
public final class Sequential {
    /// The model's name, shown by `summary()`.
    public var name: String
    /// The layers, input first.
    public let layers: [any Layer]
    /// The per-sample input shape once built, e.g. `[256, 1]`.
    public private(set) var inputShape: [Int]?
    /// The optimizer of the last `fit` (a later `fit` without one continues with it).
    public var optimizer: Adam?
    private var initializer: SeededGenerator

    /// A model of `layers`; built now when `inputShape` (per sample) is given, else on first use.
    /// `seed` fixes the initial weights (random when nil).
    public init(_ layers: [any Layer], inputShape: [Int]? = nil, name: String = "sequential", seed: UInt64? = nil) throws {
        guard !layers.isEmpty else { throw LearnError.invalidArgument("a Sequential model needs at least one layer") }
        for layer in layers { try layer.spec.validate() }
        self.layers = layers
        self.name = name
        self.initializer = SeededGenerator(seed: seed ?? UInt64.random(in: 0...UInt64.max))
        Self.assignNames(layers)
        if let inputShape { try build(inputShape: inputShape) }
    }

    /// A model of new layers made from `specs`.
    public convenience init(specs: [LayerSpec], inputShape: [Int]? = nil, name: String = "sequential", seed: UInt64? = nil) throws {
        try self.init(specs.map { try $0.makeLayer() }, inputShape: inputShape, name: name, seed: seed)
    }

    /// Keras's automatic names: "conv1d", "conv1d_1", … per layer kind; names set by hand are kept unless repeated.
    private static func assignNames(_ layers: [any Layer]) {
        var counts: [String: Int] = [:], taken: Set<String> = []
        for layer in layers {
            let base = layer.spec.baseName
            if layer.name != base && !taken.contains(layer.name) {
                taken.insert(layer.name)
                continue
            }
            var candidate: String
            repeat {
                let n = counts[base, default: 0]
                counts[base] = n + 1
                candidate = n == 0 ? base : "\(base)_\(n)"
            } while taken.contains(candidate)
            layer.name = candidate
            taken.insert(candidate)
        }
    }

    /// Whether the weights exist.
    public var isBuilt: Bool { inputShape != nil }

    /// Creates every layer's weights for a per-sample input shape.
    public func build(inputShape: [Int]) throws {
        guard !inputShape.isEmpty, inputShape.allSatisfy({ $0 > 0 }) else {
            throw LearnError.invalidArgument("input shape \(inputShape) must have positive extents")
        }
        if let built = self.inputShape {
            guard built == inputShape else {
                throw LearnError.shapeMismatch(context: "\(name) input", expected: "\(built)", got: "\(inputShape)")
            }
            return
        }
        var shape = inputShape
        for layer in layers {
            if !layer.isBuilt { try layer.build(inputShape: shape, rng: &initializer) }
            shape = try layer.outputShape(for: shape)
        }
        self.inputShape = inputShape
    }

    /// The per-sample output shape of every layer (empty until built).
    public var layerOutputShapes: [[Int]] {
        guard var shape = inputShape else { return [] }
        return layers.map { layer in
            shape = (try? layer.outputShape(for: shape)) ?? []
            return shape
        }
    }

    /// The number of classes the model scores (the last layer's output width).
    public var outputWidth: Int? { layerOutputShapes.last?.last }

    /// Every weight, layer by layer, in Keras's order (`get_weights()`).
    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// The number of weights.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// The number of weights the optimizer updates.
    public var trainableParameterCount: Int { layers.reduce(0) { $0 + $1.trainableParameterCount } }

    /// Copies of every weight array, in `parameters` order (what `EarlyStopping` keeps).
    public var weights: [[Float]] { parameters.map(\.value) }

    /// Replaces every weight array; counts and sizes must match `parameters`.
    public func setWeights(_ weights: [[Float]]) throws {
        let parameters = self.parameters
        guard weights.count == parameters.count else {
            throw LearnError.weightsMismatch("\(weights.count) arrays for \(parameters.count) weights")
        }
        for (parameter, value) in zip(parameters, weights) where value.count != parameter.count {
            throw LearnError.weightsMismatch("\(value.count) values for \(parameter.name) of shape \(parameter.shape)")
        }
        for (parameter, value) in zip(parameters, weights) { parameter.value = value }
    }

    /// The sum of the layers' L2 terms.
    var regularizationLoss: Float { layers.reduce(0) { $0 + $1.regularizationLoss } }

    /// The last layer when it is a softmax `Dense`, whose logits the loss then uses (as Keras on TensorFlow does).
    var softmaxHead: Dense? {
        guard let dense = layers.last as? Dense, dense.activation == .softmax else { return nil }
        return dense
    }

    /// Reads data as the model's input, building the model on first use. A 2-D matrix fed to a model whose
    /// input is `[length, 1]` (or whose first layer is a `Conv1D`) is read as `[rows, length, 1]`, and one fed to a
    /// model whose input is `[steps, channels]` with `steps · channels` columns as `[rows, steps, channels]` (row-major).
    func adapt(_ x: Tensor) throws -> Tensor {
        guard x.shape.count >= 2 else {
            throw LearnError.shapeMismatch(context: "\(name) input", expected: "[samples, …]", got: "\(x.shape)")
        }
        if inputShape == nil {
            let wantsSequence = layers.first is Conv1D || layers.first is MaxPool1D
            try build(inputShape: wantsSequence && x.shape.count == 2 ? [x.shape[1], 1] : x.sampleShape)
        }
        let expected = inputShape!
        if x.sampleShape == expected { return x }
        if x.shape.count == 2 && expected.reduce(1, *) == x.shape[1] { return x.reshaped([x.batch] + expected) }
        throw LearnError.shapeMismatch(context: "\(name) input", expected: "[samples] + \(expected)", got: "\(x.shape)")
    }

    /// The output of a batch and, when the model ends in a softmax `Dense`, its logits.
    func outputs(_ x: Tensor, train: Bool, rng: inout SeededGenerator) -> (output: Tensor, logits: Tensor?) {
        var h = x
        let head = softmaxHead
        for layer in layers.dropLast(head == nil ? 0 : 1) { h = layer.forward(h, train: train, rng: &rng) }
        guard let head else { return (h, nil) }
        let logits = head.linearForward(h, train: train)
        var probabilities = logits
        let width = head.units, rows = logits.count / width
        probabilities.values.withUnsafeMutableBufferPointer { p in
            for r in 0..<rows { Softmax.apply(p.baseAddress! + r * width, count: width) }
        }
        return (probabilities, logits)
    }

    /// Back-propagates the gradient of the loss with respect to the output (or to the logits of a softmax head).
    func backward(_ gradient: Tensor) {
        var g = gradient
        var remaining = layers[...]
        if let head = softmaxHead {
            guard let next = head.linearBackward(g, needsInputGradient: layers.count > 1) else { return }
            g = next
            remaining = remaining.dropLast()
        }
        for (index, layer) in remaining.enumerated().reversed() {
            guard let next = layer.backward(g, needsInputGradient: index > 0) else { return }
            g = next
        }
    }
}
