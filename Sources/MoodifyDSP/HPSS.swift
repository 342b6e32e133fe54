/// Harmonic/percussive split of a complex STFT as `librosa.decompose.hpss` with the defaults: magnitudes median
/// filtered over `kernelSize` frames (harmonic) and `kernelSize` bins (percussive) with "reflect" edges, then soft
/// masks (power 2, margin 1; cells where both are ~0 get ½ each) applied to the complex STFT.
public func hpss(_ spectrum: ComplexSpectrogram, kernelSize: Int = 31, power: Float = 2) -> (harmonic: ComplexSpectrogram, percussive: ComplexSpectrogram) {
    let magnitude = spectrum.magnitude()
    let harm = MedianFilter.apply(magnitude, width: kernelSize, along: .frames)
    let perc = MedianFilter.apply(magnitude, width: kernelSize, along: .bins)
    var harmonic = spectrum, percussive = spectrum
    let tiny = Float.leastNormalMagnitude
    for i in 0..<magnitude.values.count {
        let h = harm.values[i], p = perc.values[i]
        let z = max(h, p)
        var maskH: Float = 0.5, maskP: Float = 0.5
        if z >= tiny {
            let a = power == 2 ? (h / z) * (h / z) : Float.pow(h / z, power)
            let b = power == 2 ? (p / z) * (p / z) : Float.pow(p / z, power)
            maskH = a / (a + b)
            maskP = b / (b + a)
        }
        harmonic.real[i] *= maskH; harmonic.imag[i] *= maskH
        percussive.real[i] *= maskP; percussive.imag[i] *= maskP
    }
    return (harmonic, percussive)
}

/// Harmonic and percussive signals of `y` as `librosa.effects.hpss`: STFT (nFFT, hop), `hpss` on it, and each
/// part inverted with `istft(length: y.count)`.
public func hpss(_ y: [Float], nFFT: Int = 2048, hopLength: Int = 512, kernelSize: Int = 31) -> (harmonic: [Float], percussive: [Float]) {
    let split = hpss(stft(y, nFFT: nFFT, hopLength: hopLength), kernelSize: kernelSize)
    return (istft(split.harmonic, hopLength: hopLength, nFFT: nFFT, length: y.count),
            istft(split.percussive, hopLength: hopLength, nFFT: nFFT, length: y.count))
}
