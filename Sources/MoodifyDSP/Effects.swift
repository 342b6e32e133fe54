import Foundation
import MoodifyAudio

/// `y` played `rate` times faster without changing pitch, as `librosa.effects.time_stretch`: STFT (nFFT, hop
/// nFFT/4), `phaseVocoder`, then `istft` to round(n / rate) samples (half to even, as Python's `round`).
public func timeStretch(_ y: [Float], rate: Double, nFFT: Int = 2048) -> [Float] {
    precondition(rate > 0, "rate must be positive")
    let hop = nFFT / 4
    let stretched = phaseVocoder(stft(y, nFFT: nFFT, hopLength: hop), rate: rate, hopLength: hop, nFFT: nFFT)
    let length = Int((Double(y.count) / rate).rounded(.toNearestOrEven))
    return istft(stretched, hopLength: hop, nFFT: nFFT, length: length)
}

/// `y` shifted by `steps` semitones at the same duration, as `librosa.effects.pitch_shift`: time stretch by
/// 2^(−steps/12), soxr HQ resampling from sr/rate back to sr, then zero-padded or cut to `y.count`.
public func pitchShift(_ y: [Float], sr: Double, steps: Double, binsPerOctave: Double = 12) -> [Float] {
    let rate = Foundation.pow(2, -steps / binsPerOctave)
    var shifted = Resampler.resample(timeStretch(y, rate: rate), from: sr / rate, to: sr)
    if shifted.count > y.count {
        shifted.removeLast(shifted.count - y.count)
    } else {
        shifted.append(contentsOf: repeatElement(0, count: y.count - shifted.count))
    }
    return shifted
}

/// `y` plus `amount`·N(0, 1) white noise, the Gaussian drawn from `rng` by the Box–Muller transform.
public func addNoise(_ y: [Float], amount: Double = 0.005, using rng: inout some RandomNumberGenerator) -> [Float] {
    var out = y
    var i = 0
    while i < out.count {
        // u1 in (0, 1] keeps the logarithm finite.
        let u1 = 1 - Double.random(in: 0..<1, using: &rng)
        let u2 = Double.random(in: 0..<1, using: &rng)
        let radius = (-2 * log(u1)).squareRoot()
        out[i] += Float(amount * radius * cos(2 * Double.pi * u2))
        if i + 1 < out.count { out[i + 1] += Float(amount * radius * sin(2 * Double.pi * u2)) }
        i += 2
    }
    return out
}
