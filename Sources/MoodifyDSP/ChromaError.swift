/// What can go wrong computing a chromagram, a constant-Q transform or a tonnetz; each case reads as one sentence.
public enum ChromaError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The signal holds no samples.
    case emptySignal
    /// The signal holds a NaN or infinite sample.
    case nonFiniteSample(index: Int, value: Float)
    /// A parameter is outside the values the computation accepts.
    case invalidParameter(name: String, value: String, requirement: String)
    /// The CQT's highest filter reaches above the Nyquist frequency.
    case filterAboveNyquist(cutoff: Double, nyquist: Double)
    /// The CQT bins per octave are not a whole multiple of the chroma bins.
    case incompatibleChromaBins(binsPerOctave: Int, nChroma: Int)
    /// The signal is shorter than the CQT's early downsampling factor.
    case tooShortForCQT(length: Int, octaves: Int)

    /// One clear sentence for a user.
    public var description: String {
        switch self {
        case .emptySignal:
            return "The signal holds no samples, so there is nothing to analyse."
        case .nonFiniteSample(let index, let value):
            return "The signal holds a non-finite sample (\(value)) at index \(index), so it cannot be analysed."
        case .invalidParameter(let name, let value, let requirement):
            return "The parameter \(name) = \(value) is not allowed: it must be \(requirement)."
        case .filterAboveNyquist(let cutoff, let nyquist):
            return "The constant-Q filters reach \(cutoff) Hz, above the Nyquist frequency \(nyquist) Hz; use fewer bins or a lower fmin."
        case .incompatibleChromaBins(let binsPerOctave, let nChroma):
            return "The CQT's \(binsPerOctave) bins per octave are not a whole multiple of the \(nChroma) chroma bins."
        case .tooShortForCQT(let length, let octaves):
            return "A signal of \(length) samples is too short for a \(octaves)-octave constant-Q transform."
        }
    }
}

/// Checks that `y` is a non-empty signal of finite samples, as librosa's `valid_audio`.
func validateChromaSignal(_ y: [Float]) throws(ChromaError) {
    guard !y.isEmpty else { throw .emptySignal }
    // x · 0 is 0 for finite x and NaN otherwise: one vectorisable pass, then a search only if something is off.
    let probe = y.withUnsafeBufferPointer { v in
        var acc: Float = 0
        for x in v { acc += x * 0 }
        return acc
    }
    if probe != 0, let bad = y.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteSample(index: bad, value: y[bad]) }
}
