/// SpecAugment-style masking (Park et al. 2019) of a `[steps, bands]` input, as torchaudio's `TimeMasking` and
/// `FrequencyMasking` applied in turn: in training each sample gets `timeMasks` runs of steps and `frequencyMasks`
/// runs of bands set to zero (the mean of per-utterance normalised features), each run's width drawn uniformly from
/// 0…`timeWidth` (or `frequencyWidth`) and its start uniformly among the positions where it fits; the identity in inference.
public final class SpecAugment: Layer {
    /// The layer's name in its model.
    public var name = "spec_augment"
    /// Masked runs of steps per sample.
    public let timeMasks: Int
    /// The widest run of steps.
    public let timeWidth: Int
    /// Masked runs of bands per sample.
    public let frequencyMasks: Int
    /// The widest run of bands.
    public let frequencyWidth: Int
    private var cachedMask: [Float] = []
    private var masked = false
    private var outputStorage: [Float] = []
    private var gradientStorage: [Float] = []

    /// Masking with the given numbers of runs and widest runs.
    public init(timeMasks: Int = 2, timeWidth: Int = 10, frequencyMasks: Int = 2, frequencyWidth: Int = 8) {
        self.timeMasks = timeMasks
        self.timeWidth = timeWidth
        self.frequencyMasks = frequencyMasks
        self.frequencyWidth = frequencyWidth
    }

    /// `.specAugment(…)`.
    public var spec: LayerSpec {
        .specAugment(timeMasks: timeMasks, timeWidth: timeWidth, frequencyMasks: frequencyMasks, frequencyWidth: frequencyWidth)
    }
    /// No weights.
    public var parameters: [Parameter] { [] }
    /// Always true: nothing to build.
    public var isBuilt: Bool { true }

    /// The input shape, which must be `[steps, bands]`.
    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard inputShape.count == 2 else {
            throw LearnError.shapeMismatch(context: "\(name) (SpecAugment) input", expected: "[steps, bands]", got: "\(inputShape)")
        }
        return inputShape
    }

    /// Nothing to create.
    public func build(inputShape: [Int], rng: inout SeededGenerator) throws {
        _ = try outputShape(for: inputShape)
    }

    /// A random run `[start, start + width)` inside `0..<extent`, its width uniform in 0…`widest` (clipped to the extent).
    private static func run(widest: Int, extent: Int, rng: inout SeededGenerator) -> Range<Int> {
        let width = Int.random(in: 0...min(widest, extent), using: &rng)
        let start = Int.random(in: 0...(extent - width), using: &rng)
        return start..<(start + width)
    }

    /// The input with seeded random time and band runs zeroed in training.
    public func forward(_ input: Tensor, train: Bool, rng: inout SeededGenerator) -> Tensor {
        guard train, timeMasks > 0 || frequencyMasks > 0 else {
            masked = false
            return input
        }
        masked = true
        let batch = input.batch, steps = input.shape[1], bands = input.shape[2], size = steps * bands
        cachedMask = [Float](repeating: 1, count: input.count)
        for b in 0..<batch {
            let base = b * size
            for _ in 0..<timeMasks {
                for t in Self.run(widest: timeWidth, extent: steps, rng: &rng) {
                    for c in 0..<bands { cachedMask[base + t * bands + c] = 0 }
                }
            }
            for _ in 0..<frequencyMasks {
                let run = Self.run(widest: frequencyWidth, extent: bands, rng: &rng)
                for t in 0..<steps { for c in run { cachedMask[base + t * bands + c] = 0 } }
            }
        }
        return Self.multiplied(input, by: cachedMask, into: &outputStorage)
    }

    /// The output gradient through the same mask.
    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient else { return nil }
        guard masked else { return outputGradient }
        masked = false
        return Self.multiplied(outputGradient, by: cachedMask, into: &gradientStorage)
    }

    /// `tensor` times `mask`, element by element.
    private static func multiplied(_ tensor: Tensor, by mask: [Float], into storage: inout [Float]) -> Tensor {
        Tensor.reusing(&storage, shape: tensor.shape) { out in
            tensor.values.withUnsafeBufferPointer { x in
                mask.withUnsafeBufferPointer { m in
                    VectorKernels.multiply(x.baseAddress!, m.baseAddress!, into: out, count: tensor.count)
                }
            }
        }
    }
}
