import Foundation
import MoodifyAudio
import Synchronization

/// Constant-Q transform of `y`, as `librosa.cqt` (a VQT with gamma 0): `nBins` bins of `binsPerOctave` per octave
/// from `fmin` (C1 ≈ 32.70 Hz by default) shifted by `tuning` (fractions of a bin; `nil` estimates it from `y`
/// with `estimateTuning`; librosa's default is 0). The octaves are computed from the top down, each with one
/// sparse filter basis applied to a rectangular-window STFT, the signal halved by soxr HQ resampling between
/// octaves (and early, when the filters allow); with `scale` each bin is divided by √(filter length).
/// Gives `nBins` rows, lowest frequency first.
public func cqt(_ y: [Float], sr: Double = 22050, hopLength: Int = 512, fmin: Double? = nil, nBins: Int = 84,
                binsPerOctave: Int = 12, tuning: Double? = 0, filterScale: Double = 1, norm: Double? = 1,
                sparsity: Double = 0.01, window: Window = .hann,
                scale: Bool = true) throws(ChromaError) -> ComplexSpectrogram {
    try validateChromaSignal(y)
    try requireChroma(sr > 0 && sr.isFinite, "sr", sr, "a positive number")
    try requireChroma(hopLength > 0, "hop_length", hopLength, "positive")
    try requireChroma(binsPerOctave > 0, "bins_per_octave", binsPerOctave, "positive")
    try requireChroma(nBins > 1, "n_bins", nBins, "at least 2 (bandwidths come from neighbouring bins)")
    try requireChroma(filterScale > 0, "filter_scale", filterScale, "positive")
    try requireChroma(sparsity >= 0 && sparsity < 1, "sparsity", sparsity, "in [0, 1)")
    try requireChroma(norm.map { $0 > 0 } ?? true, "norm", norm.map { "\($0)" } ?? "nil", "positive, inf or nil")
    let fmin = fmin ?? cqtNoteC1
    try requireChroma(fmin > 0, "fmin", fmin, "positive")
    let offset: Double
    if let tuning { offset = tuning } else { offset = try estimateTuning(y, sr: sr, binsPerOctave: binsPerOctave) }
    let key = CQTPlanKey(sr: sr, hopLength: hopLength, fmin: fmin * pow(2.0, offset / Double(binsPerOctave)),
                         nBins: nBins, binsPerOctave: binsPerOctave, filterScale: filterScale, norm: norm,
                         sparsity: sparsity, window: window, scale: scale)
    return try CQTPlan.shared(key).transform(y)
}

/// C1 in Hz, librosa's default lowest CQT frequency (`note_to_hz("C1")`).
let cqtNoteC1 = 440.0 * pow(2.0, (24.0 - 69.0) / 12.0)

/// Everything that determines a CQT's filters and octave schedule (`fmin` already tuned).
struct CQTPlanKey: Hashable, Sendable {
    var sr: Double
    var hopLength: Int
    var fmin: Double
    var nBins: Int
    var binsPerOctave: Int
    var filterScale: Double
    var norm: Double?
    var sparsity: Double
    var window: Window
    var scale: Bool
}

/// One octave's share of the work: its filters (rescaled for its sample rate), where its rows go, its hop, and
/// whether the signal is halved after it.
struct CQTOctave: Sendable {
    /// The octave's filters, already multiplied by √(sr / octave sr) and, with `scale`, by 1 / √(filter length)
    /// (librosa scales the responses instead; the products differ by a rounding).
    let basis: CQTFilterBasis
    /// Output row of the octave's lowest filter.
    let firstBin: Int
    /// Hop in the octave's samples.
    let hopLength: Int
    /// Whether the next octave works on the signal resampled to half the rate.
    let halvesAfter: Bool
}

/// The filters and schedule of one CQT configuration, built once and shared across clips and threads.
final class CQTPlan: Sendable {
    /// Number of output rows.
    let nBins: Int
    /// Early downsampling factor applied to the input before the first octave (1: none).
    let earlyFactor: Int
    /// Whether responses are divided by √(filter length) (librosa's `scale`).
    let scale: Bool
    /// Octaves from the top down.
    let octaves: [CQTOctave]

    /// Builds the plan, as `librosa.vqt` lays out its octaves and filters.
    init(_ key: CQTPlanKey) throws(ChromaError) {
        let bpo = key.binsPerOctave, nBins = key.nBins
        let octaveCount = (nBins + bpo - 1) / bpo
        let filtersPerOctave = min(bpo, nBins)
        // interval_frequencies: 2^octave · 2^(k / bpo), times the tuned fmin.
        let ratios = (0..<bpo).map { pow(2.0, Double($0) / Double(bpo)) }
        let freqs = (0..<nBins).map { i in (pow(2.0, Double(i / bpo)) * ratios[i % bpo]) * key.fmin }
        let alpha = cqtRelativeBandwidth(freqs: freqs)
        let q = alpha.map { key.filterScale / $0 }
        let cutoff = zip(freqs, q).map { f, q in f * (1 + 0.5 * key.window.cqtBandwidth / q) }.max() ?? 0
        let nyquist = key.sr / 2
        guard cutoff <= nyquist else { throw .filterAboveNyquist(cutoff: cutoff, nyquist: nyquist) }

        // Early downsampling: halve as long as the filters stay well below Nyquist and the hop stays divisible.
        let byBandwidth = max(0, Int(log2(nyquist / cutoff).rounded(.up) - 1) - 1)
        var twos = 0, h = key.hopLength
        while h % 2 == 0 { twos += 1; h /= 2 }
        let early = min(byBandwidth, max(0, twos - octaveCount + 1))
        earlyFactor = 1 << early
        scale = key.scale
        let sr = key.sr / Double(earlyFactor)
        var hop = key.hopLength / earlyFactor
        var octaveSR = sr

        // librosa's `scale`: each bin divided by √(its filter length at the rate after early downsampling).
        let binScale = key.scale
            ? cqtFilterLengths(freqs: freqs, alpha: alpha, sr: sr, filterScale: key.filterScale).map { 1 / $0.squareRoot() }
            : [Double](repeating: 1, count: nBins)
        var octaves = [CQTOctave]()
        var bases = [CQTBasisKey: CQTFilterBasis]()
        var halvings = 0
        for i in 0..<octaveCount {
            let end = nBins - filtersPerOctave * i
            let start = max(0, end - filtersPerOctave)
            // Octaves whose frequencies and rate are both halved the same number of times share their filters:
            // they are the same filters, computed by librosa anew for every octave.
            let basisKey = CQTBasisKey(shift: i - halvings, count: end - start)
            let basis: CQTFilterBasis
            if let known = bases[basisKey] {
                basis = known
            } else {
                basis = CQTFilterBasis(freqs: Array(freqs[start..<end]), alpha: Array(alpha[start..<end]),
                                       sr: octaveSR, filterScale: key.filterScale, norm: key.norm,
                                       sparsity: key.sparsity, window: key.window)
                bases[basisKey] = basis
            }
            let halves = hop % 2 == 0
            let gain = (sr / octaveSR).squareRoot()
            octaves.append(CQTOctave(basis: basis.scaled(by: binScale[start..<end].map { gain * $0 }), firstBin: start,
                                     hopLength: hop, halvesAfter: halves))
            if halves {
                hop /= 2
                octaveSR /= 2
                halvings += 1
            }
        }
        self.octaves = octaves
        self.nBins = nBins
    }

    /// The CQT of `y` with this plan.
    func transform(_ y: [Float]) throws(ChromaError) -> ComplexSpectrogram {
        var signal = y
        if earlyFactor > 1 {
            guard y.count >= earlyFactor else { throw .tooShortForCQT(length: y.count, octaves: octaves.count) }
            signal = cqtHalved(y, factor: earlyFactor)
            if !scale {
                // Without the length scaling librosa compensates the early downsampling on the signal.
                let gain = Double(earlyFactor).squareRoot()
                signal.withUnsafeMutableBufferPointer { s in
                    for i in 0..<s.count { s[i] = Float(Double(s[i]) * gain) }
                }
            }
        }
        // Every octave's frame count, 1 + length / hop; the output keeps the smallest.
        var lengths = [Int](), length = signal.count
        for octave in octaves {
            lengths.append(length)
            if octave.halvesAfter { length = (length + 1) / 2 }
        }
        let frames = zip(octaves, lengths).map { 1 + $1 / $0.hopLength }.min() ?? 0
        var real = [Float](repeating: 0, count: nBins * frames)
        var imag = [Float](repeating: 0, count: nBins * frames)
        for (i, octave) in octaves.enumerated() {
            cqtOctaveResponse(signal, octave: octave, frames: frames, real: &real, imag: &imag)
            if octave.halvesAfter && i + 1 < octaves.count { signal = cqtHalved(signal, factor: 2) }
        }
        return ComplexSpectrogram(bins: nBins, frames: frames, real: real, imag: imag)
    }

    /// The plan for `key`, built on first use and cached (estimated tunings take about 100 values per layout).
    static func shared(_ key: CQTPlanKey) throws(ChromaError) -> CQTPlan {
        if let plan = cqtPlanCache.withLock({ $0[key] }) { return plan }
        let plan = try CQTPlan(key)
        cqtPlanCache.withLock { cache in
            if cache.count >= 1024 { cache.removeAll() }
            cache[key] = plan
        }
        return plan
    }
}

/// Identifies filters that are equal across octaves: how many more times the frequencies than the rate were
/// halved, and how many filters.
private struct CQTBasisKey: Hashable {
    var shift: Int
    var count: Int
}

/// The shared CQT plans.
private let cqtPlanCache = Mutex<[CQTPlanKey: CQTPlan]>([:])

/// `y` resampled to 1/`factor` of its rate with soxr HQ and scaled by √factor, as librosa's
/// `resample(y, orig_sr=factor, target_sr=1, scale=True)` (the scale applied in float64).
private func cqtHalved(_ y: [Float], factor: Int) -> [Float] {
    let gain = (1 / Double(factor)).squareRoot()
    var out = Resampler.resample(y, from: Double(factor), to: 1)
    out.withUnsafeMutableBufferPointer { o in
        for i in 0..<o.count { o[i] = Float(Double(o[i]) / gain) }
    }
    return out
}

/// Adds one octave's filter responses to rows `firstBin...` of the output: each frame of the zero-padded signal
/// (rectangular window, centred) is transformed with a float32 real FFT, the bins the filters use are gathered
/// bin by bin across frames, and each filter's coefficients are applied to whole rows of frames (per output value
/// the products are summed in coefficient order, as scipy's sparse product does).
private func cqtOctaveResponse(_ y: [Float], octave: CQTOctave, frames: Int,
                               real: inout [Float], imag: inout [Float]) {
    let basis = octave.basis
    let n = basis.nFFT, half = n / 2, hop = octave.hopLength
    let used = basis.usedBins.count
    let fft = RealFFT(size: n)
    let frame = AlignedFloats(count: n)
    let spectrum = AlignedFloats(count: n + 2)
    var gatheredRe = [Float](repeating: 0, count: used * frames)
    var gatheredIm = [Float](repeating: 0, count: used * frames)
    y.withUnsafeBufferPointer { signal in
        basis.usedBins.withUnsafeBufferPointer { usedBins in
            gatheredRe.withUnsafeMutableBufferPointer { gr in
                gatheredIm.withUnsafeMutableBufferPointer { gi in
                    let x = frame.pointer, s = spectrum.pointer
                    for t in 0..<frames {
                        // Samples t·hop − n/2 ..< t·hop + n/2 of the signal, zeros outside it.
                        let origin = t * hop - half
                        let lo = max(0, -origin), hi = min(n, signal.count - origin)
                        if lo > 0 { x.update(repeating: 0, count: min(lo, n)) }
                        if hi < n { (x + max(hi, 0)).update(repeating: 0, count: n - max(hi, 0)) }
                        if lo < hi { (x + lo).update(from: signal.baseAddress! + origin + lo, count: hi - lo) }
                        fft.forward(frame, spectrum)
                        for u in 0..<used {
                            let j = Int(usedBins[u])
                            gr[u * frames + t] = s[2 * j]
                            gi[u * frames + t] = s[2 * j + 1]
                        }
                    }
                }
            }
        }
    }
    basis.rowStart.withUnsafeBufferPointer { rowStart in
        basis.slot.withUnsafeBufferPointer { slot in
            basis.real.withUnsafeBufferPointer { br in
                basis.imag.withUnsafeBufferPointer { bi in
                    gatheredRe.withUnsafeBufferPointer { gr in
                        gatheredIm.withUnsafeBufferPointer { gi in
                            real.withUnsafeMutableBufferPointer { outRe in
                                imag.withUnsafeMutableBufferPointer { outIm in
                                    for k in 0..<basis.filterCount {
                                        let re = outRe.baseAddress! + (octave.firstBin + k) * frames
                                        let im = outIm.baseAddress! + (octave.firstBin + k) * frames
                                        for e in rowStart[k]..<rowStart[k + 1] {
                                            let a = br[e], b = bi[e]
                                            let xr = gr.baseAddress! + Int(slot[e]) * frames
                                            let xi = gi.baseAddress! + Int(slot[e]) * frames
                                            for t in 0..<frames {
                                                re[t] += a * xr[t] - b * xi[t]
                                                im[t] += a * xi[t] + b * xr[t]
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
