/// Keras's default kernel initializer: uniform in ±sqrt(6 / (fan_in + fan_out)).
enum GlorotUniform {
    /// `count` values for a kernel with the given fans.
    static func values(count: Int, fanIn: Int, fanOut: Int, rng: inout SeededGenerator) -> [Float] {
        let limit = (6 / Float(fanIn + fanOut)).squareRoot()
        return (0..<count).map { _ in (rng.nextUnitFloat() * 2 - 1) * limit }
    }
}
