import Foundation

/// Phase-vocoder time scaling of a complex STFT as `librosa.phase_vocoder`: output frame t reads input position
/// t·rate, interpolates the magnitudes of the two neighbouring frames linearly, and advances a running phase by
/// the expected bin advance plus the wrapped measured deviation (the phase kept in float32, as librosa does).
public func phaseVocoder(_ d: ComplexSpectrogram, rate: Double, hopLength: Int? = nil, nFFT: Int? = nil) -> ComplexSpectrogram {
    precondition(rate > 0, "rate must be positive")
    let nFFT = nFFT ?? 2 * (d.bins - 1)
    let hop = hopLength ?? nFFT / 4
    let bins = d.bins, inFrames = d.frames
    let outFrames = inFrames == 0 ? 0 : Int((Double(inFrames) / rate).rounded(.up))
    var real = [Float](repeating: 0, count: bins * outFrames)
    var imag = [Float](repeating: 0, count: bins * outFrames)
    guard outFrames > 0 else { return ComplexSpectrogram(bins: bins, frames: 0, real: [], imag: []) }

    let phiAdvance = (0..<bins).map { Double(hop) * 2 * Double.pi * Double($0) / Double(nFFT) }
    // Magnitude and phase of every input frame, with two zero frames appended past the end.
    var magnitude = [Float](repeating: 0, count: bins * (inFrames + 2))
    var angle = [Float](repeating: 0, count: bins * (inFrames + 2))
    for b in 0..<bins {
        for t in 0..<inFrames {
            let re = d.real[b * inFrames + t], im = d.imag[b * inFrames + t]
            magnitude[b * (inFrames + 2) + t] = (re * re + im * im).squareRoot()
            angle[b * (inFrames + 2) + t] = atan2(im, re)
        }
    }
    let stride = inFrames + 2
    for b in 0..<bins {
        var phase = angle[b * stride]
        for t in 0..<outFrames {
            let step = Double(t) * rate
            let i = Int(step), alpha = step.truncatingRemainder(dividingBy: 1)
            let m = (1 - alpha) * Double(magnitude[b * stride + i]) + alpha * Double(magnitude[b * stride + i + 1])
            real[b * outFrames + t] = Float(m * cos(Double(phase)))
            imag[b * outFrames + t] = Float(m * sin(Double(phase)))
            var dphase = Double(angle[b * stride + i + 1] - angle[b * stride + i]) - phiAdvance[b]
            dphase -= 2 * Double.pi * (dphase / (2 * Double.pi)).rounded(.toNearestOrEven)
            phase = Float(Double(phase) + (phiAdvance[b] + dphase))
        }
    }
    return ComplexSpectrogram(bins: bins, frames: outFrames, real: real, imag: imag)
}
