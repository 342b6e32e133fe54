import CMoodifyKernels
import Foundation
import MoodifyAudio

/// `y` played `rate` times faster without changing pitch, as `librosa.effects.time_stretch`: STFT (nFFT, hop
/// nFFT/4), `phaseVocoder`, then `istft` to round(n / rate) samples (half to even, as Python's `round`).
public func timeStretch(_ y: [Float], rate: Double, nFFT: Int = 2048) -> [Float] {
    timeStretch(PolarFrames(STFTAnalyzer(y, nFFT: nFFT, hopLength: nFFT / 4)), count: y.count, rate: rate, nFFT: nFFT)
}

/// `y` shifted by `steps` semitones at the same duration, as `librosa.effects.pitch_shift`: time stretch by
/// 2^(−steps/12), soxr HQ resampling from sr/rate back to sr, then zero-padded or cut to `y.count`.
public func pitchShift(_ y: [Float], sr: Double, steps: Double, binsPerOctave: Double = 12) -> [Float] {
    pitchShift(PolarFrames(STFTAnalyzer(y, nFFT: 2048, hopLength: 512)), count: y.count, sr: sr, steps: steps,
               binsPerOctave: binsPerOctave)
}

/// `timeStretch` of the `count`-sample signal whose STFT (hop nFFT/4) is `polar`.
func timeStretch(_ polar: PolarFrames, count: Int, rate: Double, nFFT: Int = 2048) -> [Float] {
    precondition(rate > 0, "rate must be positive")
    let hop = nFFT / 4
    let length = Int((Double(count) / rate).rounded(.toNearestOrEven))
    let shape = istftShape(frames: phaseVocoderFrames(input: polar.frames, rate: rate), nFFT: nFFT, hop: hop,
                           center: true, length: length)
    var adder = OverlapAdder(nFFT: nFFT, hopLength: hop, count: shape.count)
    // Frames the inverse STFT would ignore are never made.
    phaseVocoder(polar, rate: rate, hop: hop, nFFT: nFFT, outputFrames: shape.frames) { t, real, imag in
        adder.add(t, real: real, imag: imag)
    }
    return adder.finish()
}

/// `pitchShift` of the `count`-sample signal whose STFT (nFFT 2048, hop 512) is `polar`.
func pitchShift(_ polar: PolarFrames, count: Int, sr: Double, steps: Double, binsPerOctave: Double = 12) -> [Float] {
    let rate = Foundation.pow(2, -steps / binsPerOctave)
    var shifted = Resampler.resample(timeStretch(polar, count: count, rate: rate), from: sr / rate, to: sr)
    if shifted.count > count {
        shifted.removeLast(shifted.count - count)
    } else {
        shifted.append(contentsOf: repeatElement(0, count: count - shifted.count))
    }
    return shifted
}

/// `y` plus `amount`·N(0, 1) white noise, the Gaussian drawn from `rng` by the Box–Muller transform.
public func addNoise(_ y: [Float], amount: Double = 0.005, using rng: inout some RandomNumberGenerator) -> [Float] {
    let pairs = (y.count + 1) / 2
    // The uniforms first (53 random bits each): radii then angles. Then the transform (`moodify_box_muller`,
    // vectorised): pair p gives samples p (cosine) and pairs + p (sine), independent normals.
    let unit = 1.0 / 9007199254740992  // 2^-53
    let work = UnsafeMutablePointer<Double>.allocate(capacity: 3 * pairs)
    defer { work.deallocate() }
    for i in 0..<(2 * pairs) { work[i] = Double(rng.next() >> 11) * unit }
    let radii = work, angles = work + pairs, sines = work + 2 * pairs
    moodify_box_muller(radii, angles, sines, pairs, amount)
    var out = y
    out.withUnsafeMutableBufferPointer { o in
        for p in 0..<min(pairs, o.count) { o[p] += Float(radii[p] * angles[p]) }
        for p in 0..<(o.count - pairs) { o[pairs + p] += Float(radii[p] * sines[p]) }
    }
    return out
}
