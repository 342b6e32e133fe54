import Foundation
import Synchronization

/// Chroma filters that map the `nFFT / 2 + 1` bins of an STFT onto `nChroma` pitch classes, as
/// `librosa.filters.chroma`: a Gaussian bump per bin around each pitch class (width one FFT bin's span in chroma,
/// at least one chroma bin), columns normalised by their `norm`-norm, weighted by a Gaussian over octaves centred
/// on `ctroct` (octaves above A0 = 27.5 Hz) of half-width `octwidth`, and rotated to start at C when `baseC`.
public struct ChromaFilterBank: Sendable, Equatable {
    /// Number of pitch classes (rows).
    public let nChroma: Int
    /// FFT size; the filters have `nFFT / 2 + 1` columns.
    public let nFFT: Int
    /// Row-major weights, `nChroma` rows of `nFFT / 2 + 1`, rounded to float32 as librosa returns them.
    public let weights: [Float]

    /// Number of FFT bins (columns).
    public var bins: Int { nFFT / 2 + 1 }

    /// Builds the filters for sample rate `sr` and FFT size `nFFT`; `tuning` is in fractions of a chroma bin,
    /// `octwidth: nil` weights all octaves equally and `norm: nil` leaves the columns unnormalised.
    public init(sr: Double, nFFT: Int, nChroma: Int = 12, tuning: Double = 0, ctroct: Double = 5,
                octwidth: Double? = 2, norm: Double? = 2, baseC: Bool = true) {
        precondition(sr > 0 && nFFT > 1 && nChroma > 0, "chroma filters need sr > 0, nFFT > 1 and nChroma > 0")
        self.nChroma = nChroma
        self.nFFT = nFFT
        let n = Double(nChroma)
        // Chroma position of every FFT bin but DC (np.linspace(0, sr, nFFT, endpoint=False)[1:] in hz_to_octs);
        // the DC bin gets a made-up position 1.5 octaves below bin 1.
        let a440 = 440.0 * pow(2.0, tuning / n)
        let step = sr / Double(nFFT)
        var position = [Double](repeating: 0, count: nFFT)
        for k in 1..<nFFT { position[k] = n * log2(Double(k) * step / (a440 / 16)) }
        position[0] = position[1] - 1.5 * n
        var width = [Double](repeating: 1, count: nFFT)
        for k in 0..<(nFFT - 1) { width[k] = max(position[k + 1] - position[k], 1) }

        let half = (n / 2).rounded(.toNearestOrEven)
        // Every column is computed on its own, so only the non-aliased ones kept below are.
        let bins = nFFT / 2 + 1
        var w = [Double](repeating: 0, count: nChroma * nFFT)
        for k in 0..<bins {
            for c in 0..<nChroma {
                // Distance from pitch class c, wrapped into [−n/2, n/2) (np.remainder, offset to stay positive).
                var d = (position[k] - Double(c) + half + 10 * n).truncatingRemainder(dividingBy: n)
                if d < 0 { d += n }
                d -= half
                let z = 2 * d / width[k]
                w[c * nFFT + k] = exp(-0.5 * (z * z))
            }
            if let norm {
                var length = 0.0
                for c in 0..<nChroma { length = chromaAccumulateNorm(length, abs(w[c * nFFT + k]), norm) }
                length = chromaFinishNorm(length, norm)
                if length >= Double.leastNormalMagnitude {  // librosa's tiny() of the float64 weights
                    for c in 0..<nChroma { w[c * nFFT + k] /= length }
                }
            }
            if let octwidth {
                let z = (position[k] / n - ctroct) / octwidth
                let octaveWeight = exp(-0.5 * (z * z))
                for c in 0..<nChroma { w[c * nFFT + k] *= octaveWeight }
            }
        }
        // Keep the non-aliased bins and rotate so that row 0 is C (A is row 0 before the roll).
        let roll = baseC ? 3 * (nChroma / 12) : 0
        var out = [Float](repeating: 0, count: nChroma * bins)
        for c in 0..<nChroma {
            let source = (c + roll) % nChroma
            for k in 0..<bins { out[c * bins + k] = Float(w[source * nFFT + k]) }
        }
        weights = out
    }

    /// Raw chroma energy: the filters times the `nFFT / 2 + 1`-bin spectrogram `s` (float32 sums, as librosa's
    /// float32 matrix product). Weights below `negligibleWeight` are skipped.
    public func apply(to s: Spectrogram) -> Spectrogram {
        precondition(s.bins == bins, "chroma filters for nFFT \(nFFT) need \(bins) bins, the spectrogram has \(s.bins)")
        let frames = s.frames
        var out = [Float](repeating: 0, count: nChroma * frames)
        guard frames > 0 else { return Spectrogram(bins: nChroma, frames: 0, values: []) }
        weights.withUnsafeBufferPointer { w in
            s.values.withUnsafeBufferPointer { v in
                out.withUnsafeMutableBufferPointer { o in
                    for c in 0..<nChroma {
                        let row = o.baseAddress! + c * frames
                        for k in 0..<bins where w[c * bins + k] >= Self.negligibleWeight {
                            let weight = w[c * bins + k]
                            let source = v.baseAddress! + k * frames
                            for t in 0..<frames { row[t] += weight * source[t] }
                        }
                    }
                }
            }
        }
        return Spectrogram(bins: nChroma, frames: frames, values: out)
    }

    /// Weights this small (the far tails of the Gaussians, down to 1e-32) change no float32 chroma value: each
    /// frame is divided by its largest class, which holds a weight above 1e-3 of every bin's power. Their products
    /// with small powers are subnormal floats, on which x86 arithmetic runs about a hundred times slower.
    static let negligibleWeight: Float = 1e-20

    /// The filters for these parameters, built once per process and shared (tunings are few: librosa estimates
    /// them on a 0.01 grid).
    public static func shared(sr: Double, nFFT: Int, nChroma: Int = 12, tuning: Double = 0) -> ChromaFilterBank {
        let key = ChromaFilterKey(sr: sr, nFFT: nFFT, nChroma: nChroma, tuning: tuning)
        if let bank = chromaFilterCache.withLock({ $0[key] }) { return bank }
        let bank = ChromaFilterBank(sr: sr, nFFT: nFFT, nChroma: nChroma, tuning: tuning)
        chromaFilterCache.withLock { cache in
            // A bound on the cache for callers passing arbitrary tunings; the estimated ones take ~100 values.
            if cache.count >= 1024 { cache.removeAll() }
            cache[key] = bank
        }
        return bank
    }
}

/// What determines a shared chroma filter bank.
private struct ChromaFilterKey: Hashable, Sendable {
    var sr: Double
    var nFFT: Int
    var nChroma: Int
    var tuning: Double
}

/// The shared chroma filter banks.
private let chromaFilterCache = Mutex<[ChromaFilterKey: ChromaFilterBank]>([:])

/// Adds |x|^p to a running p-norm sum (the maximum for p = ∞), as `librosa.util.normalize` accumulates.
func chromaAccumulateNorm(_ sum: Double, _ magnitude: Double, _ norm: Double) -> Double {
    if norm == .infinity { return max(sum, magnitude) }
    if norm == 1 { return sum + magnitude }
    if norm == 2 { return sum + magnitude * magnitude }
    return sum + pow(magnitude, norm)
}

/// The p-norm from its running sum (`chromaAccumulateNorm`).
func chromaFinishNorm(_ sum: Double, _ norm: Double) -> Double {
    if norm == .infinity || norm == 1 { return sum }
    if norm == 2 { return sum.squareRoot() }
    return pow(sum, 1 / norm)
}
