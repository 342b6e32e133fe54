import Foundation
import Synchronization

/// Hz → mel on the Slaney scale (linear below 1 kHz, logarithmic above), as `librosa.hz_to_mel(htk=False)`.
public func hzToMel(_ hz: Double) -> Double {
    let fSp = 200.0 / 3, minLogHz = 1000.0, minLogMel = minLogHz / fSp, logStep = log(6.4) / 27
    return hz >= minLogHz ? minLogMel + log(hz / minLogHz) / logStep : hz / fSp
}

/// Mel → Hz on the Slaney scale, the inverse of `hzToMel`.
public func melToHz(_ mel: Double) -> Double {
    let fSp = 200.0 / 3, minLogHz = 1000.0, minLogMel = minLogHz / fSp, logStep = log(6.4) / 27
    return mel >= minLogMel ? minLogHz * exp(logStep * (mel - minLogMel)) : fSp * mel
}

/// `count` frequencies evenly spaced in mel between `fmin` and `fmax`, as `librosa.mel_frequencies`.
public func melFrequencies(count: Int, fmin: Double = 0, fmax: Double = 11025) -> [Double] {
    let lo = hzToMel(fmin), hi = hzToMel(fmax)
    guard count > 1 else { return count == 1 ? [melToHz(lo)] : [] }
    let step = (hi - lo) / Double(count - 1)
    // numpy's linspace computes start + i·step and pins the last point to stop.
    return (0..<count).map { melToHz($0 == count - 1 ? hi : lo + Double($0) * step) }
}

/// Centre frequency of each of the `nFFT / 2 + 1` FFT bins, as `librosa.fft_frequencies`.
public func fftFrequencies(sr: Double, nFFT: Int) -> [Double] {
    (0...(nFFT / 2)).map { Double($0) * sr / Double(nFFT) }
}

/// Triangular mel filters with Slaney area normalisation, as `librosa.filters.mel(htk=False, norm="slaney")`.
/// Stored sparsely: each filter keeps only its run of non-zero weights.
public struct MelFilterBank: Sendable, Equatable {
    /// Number of mel bands.
    public let nMels: Int
    /// FFT size the filters apply to (`nFFT / 2 + 1` bins).
    public let nFFT: Int
    /// First FFT bin of each filter's non-zero run.
    public let firstBin: [Int]
    /// Non-zero weights of each filter, starting at `firstBin`.
    public let weights: [[Float]]

    /// Builds the filters for sample rate `sr`; `fmax` defaults to `sr / 2`.
    public init(sr: Double, nFFT: Int, nMels: Int = 128, fmin: Double = 0, fmax: Double? = nil) {
        let fmax = fmax ?? sr / 2
        let fftFreqs = fftFrequencies(sr: sr, nFFT: nFFT)
        let melF = melFrequencies(count: nMels + 2, fmin: fmin, fmax: fmax)
        var first = [Int](), all = [[Float]]()
        for m in 0..<nMels {
            let lowerWidth = melF[m + 1] - melF[m], upperWidth = melF[m + 2] - melF[m + 1]
            let enorm = 2.0 / (melF[m + 2] - melF[m])
            var start = -1
            var run = [Float]()
            for (b, f) in fftFreqs.enumerated() {
                let lower = -(melF[m] - f) / lowerWidth
                let upper = (melF[m + 2] - f) / upperWidth
                // librosa stores the triangle in float32, then scales by the Slaney norm.
                let w = Float(max(0, min(lower, upper)))
                guard w > 0 else {
                    if start >= 0 { break }
                    continue
                }
                if start < 0 { start = b }
                run.append(Float(Double(w) * enorm))
            }
            first.append(max(start, 0))
            all.append(run)
        }
        self.nMels = nMels
        self.nFFT = nFFT
        self.firstBin = first
        self.weights = all
    }

    /// The dense `nMels`×`nFFT / 2 + 1` matrix, as librosa returns it.
    public func dense() -> Spectrogram {
        var out = Spectrogram(bins: nMels, frames: nFFT / 2 + 1)
        for m in 0..<nMels {
            for (i, w) in weights[m].enumerated() { out[m, firstBin[m] + i] = w }
        }
        return out
    }

    /// The filters applied to every frame of a frame-major spectrogram; the result is bin-major (mel rows).
    func apply(to spectrum: FrameMatrix) -> Spectrogram {
        precondition(spectrum.bins == nFFT / 2 + 1, "mel filters for nFFT \(nFFT) need \(nFFT / 2 + 1) bins, not \(spectrum.bins)")
        let frames = spectrum.frames, bins = spectrum.bins
        var out = [Float](repeating: 0, count: nMels * frames)
        spectrum.values.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { o in
                for m in 0..<nMels {
                    weights[m].withUnsafeBufferPointer { w in
                        let first = firstBin[m]
                        for t in 0..<frames {
                            let column = s.baseAddress! + t * bins + first
                            var sum: Float = 0
                            for i in 0..<w.count { sum += w[i] * column[i] }
                            o[m * frames + t] = sum
                        }
                    }
                }
            }
        }
        return Spectrogram(bins: nMels, frames: frames, values: out)
    }

    /// The filters applied to one frame's `nFFT / 2 + 1` powers; mel m goes to `output[m * stride]`.
    func apply(toFrame power: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, stride: Int) {
        for m in 0..<nMels {
            weights[m].withUnsafeBufferPointer { w in
                let column = power + firstBin[m]
                // Four interleaved partial sums keep the adder pipeline full.
                var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
                var i = 0
                while i + 4 <= w.count {
                    s0 += w[i] * column[i]; s1 += w[i + 1] * column[i + 1]
                    s2 += w[i + 2] * column[i + 2]; s3 += w[i + 3] * column[i + 3]
                    i += 4
                }
                while i < w.count { s0 += w[i] * column[i]; i += 1 }
                output[m * stride] = (s0 + s1) + (s2 + s3)
            }
        }
    }

    /// Mel spectrogram: the filters applied to every frame of `spectrum` (which has `nFFT / 2 + 1` bins).
    public func apply(to spectrum: Spectrogram) -> Spectrogram {
        precondition(spectrum.bins == nFFT / 2 + 1, "mel filters for nFFT \(nFFT) need \(nFFT / 2 + 1) bins, not \(spectrum.bins)")
        let frames = spectrum.frames
        var out = [Float](repeating: 0, count: nMels * frames)
        spectrum.values.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { o in
                for m in 0..<nMels {
                    let row = o.baseAddress! + m * frames
                    for (i, w) in weights[m].enumerated() {
                        let source = s.baseAddress! + (firstBin[m] + i) * frames
                        for t in 0..<frames { row[t] += w * source[t] }
                    }
                }
            }
        }
        return Spectrogram(bins: nMels, frames: frames, values: out)
    }
}

/// Filter banks already built, by parameters; every clip of a corpus uses the same one.
private let melBankCache = Mutex<[MelBankKey: MelFilterBank]>([:])

/// Cache key of a mel filter bank.
private struct MelBankKey: Hashable, Sendable {
    var sr: Double, nFFT: Int, nMels: Int, fmin: Double, fmax: Double
}

extension MelFilterBank {
    /// The filter bank for these parameters, built once per process and shared.
    public static func shared(sr: Double, nFFT: Int, nMels: Int = 128, fmin: Double = 0, fmax: Double? = nil) -> MelFilterBank {
        let key = MelBankKey(sr: sr, nFFT: nFFT, nMels: nMels, fmin: fmin, fmax: fmax ?? sr / 2)
        if let bank = melBankCache.withLock({ $0[key] }) { return bank }
        let bank = MelFilterBank(sr: sr, nFFT: nFFT, nMels: nMels, fmin: fmin, fmax: fmax)
        melBankCache.withLock { $0[key] = bank }
        return bank
    }
}
