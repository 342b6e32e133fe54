import Foundation

/// Power (or magnitude, `power: 1`) spectrogram of `y`: |stft|^power, librosa's `_spectrogram` helper.
public func spectrogram(_ y: [Float], nFFT: Int = 2048, hopLength: Int = 512, power: Float = 2,
                        center: Bool = true) -> Spectrogram {
    spectrogramFrames(y, nFFT: nFFT, hopLength: hopLength, power: power, center: center).rowMajor()
}

/// `spectrogram` in the frame-major layout.
func spectrogramFrames(_ y: [Float], nFFT: Int = 2048, hopLength: Int = 512, power: Float = 2,
                       center: Bool = true) -> FrameMatrix {
    let s = stftFrames(y, nFFT: nFFT, hopLength: hopLength, center: center)
    if power == 2 { return s.power() }
    var m = s.magnitude()
    if power != 1 { m.values = m.values.map { Float.pow($0, power) } }
    return m
}

extension Float {
    /// x^p for the spectrogram exponent.
    static func pow(_ x: Float, _ p: Float) -> Float { Foundation.pow(x, p) }
}

/// Mel spectrogram as `librosa.feature.melspectrogram`: Slaney mel filters (fmin 0, fmax sr/2) applied to
/// |stft(y)|^power.
public func melspectrogram(_ y: [Float], sr: Double = 22050, nFFT: Int = 2048, hopLength: Int = 512,
                           nMels: Int = 128, power: Float = 2, center: Bool = true) -> Spectrogram {
    let filters = MelFilterBank.shared(sr: sr, nFFT: nFFT, nMels: nMels)
    return filters.apply(to: spectrogramFrames(y, nFFT: nFFT, hopLength: hopLength, power: power, center: center))
}
