import Foundation
import Testing
@testable import MoodifyDSP

/// Direct O(n²) DFT of one centred, windowed frame in double precision, the reference for FFTW's output.
private func naiveFrameSpectrum(_ y: [Float], frame t: Int, nFFT: Int, hop: Int, window: [Float]) -> [(Double, Double)] {
    let pad = nFFT / 2
    return (0...(nFFT / 2)).map { b in
        var re = 0.0, im = 0.0
        for k in 0..<nFFT {
            let i = t * hop + k - pad
            let x = (i >= 0 && i < y.count) ? Double(y[i]) * Double(window[k]) : 0
            let angle = -2 * Double.pi * Double(b * k) / Double(nFFT)
            re += x * cos(angle)
            im += x * sin(angle)
        }
        return (re, im)
    }
}

@Suite struct STFTTests {
    @Test func hannWindowIsPeriodic() {
        let w = Window.hann.values(length: 8)
        // Periodic Hann of 8: 0.5 − 0.5·cos(2πk/8); values are exact in double, 1e-7 covers the float32 cast.
        let expected: [Float] = [0, 0.1464466, 0.5, 0.8535534, 1, 0.8535534, 0.5, 0.1464466]
        for (a, b) in zip(w, expected) { #expect(abs(a - b) < 1e-7) }
        #expect(Window.ones.values(length: 3) == [1, 1, 1])
        #expect(Window.hann.padded(length: 4, to: 8) == [0, 0] + Window.hann.values(length: 4) + [0, 0])
    }

    @Test func shapesFollowLibrosa() {
        let y = [Float](repeating: 0.1, count: 22050)
        let s = stft(y)
        #expect(s.bins == 1025)
        #expect(s.frames == 1 + 22050 / 512)  // centre padding keeps 1 + n / hop frames
        #expect(stft(y, center: false).frames == 1 + (22050 - 2048) / 512)
        #expect(stft([Float](repeating: 1, count: 10), nFFT: 16, center: false).frames == 0)
        #expect(stft([0.5, -0.5, 0.25]).frames == 1)  // shorter than a frame: one centred frame of padding
    }

    @Test func matchesDirectDFT() {
        var y = [Float]()
        for i in 0..<1000 { y.append(Float(sin(Double(i) * 0.3) + 0.5 * cos(Double(i) * 1.7) + 0.01 * Double(i % 7))) }
        let nFFT = 256, hop = 64
        let s = stft(y, nFFT: nFFT, hopLength: hop)
        let w = Window.hann.values(length: nFFT)
        for t in [0, 3, s.frames / 2, s.frames - 1] {
            let ref = naiveFrameSpectrum(y, frame: t, nFFT: nFFT, hop: hop, window: w)
            for b in 0..<s.bins {
                // Frame energy is ~100 (sum of |x|≤1.6 over 256 samples); float32 FFT error is ~1e-6 relative, so 1e-3 absolute.
                #expect(abs(Double(s.real[b * s.frames + t]) - ref[b].0) < 1e-3)
                #expect(abs(Double(s.imag[b * s.frames + t]) - ref[b].1) < 1e-3)
            }
        }
    }

    @Test func magnitudeAndPower() {
        let c = ComplexSpectrogram(bins: 1, frames: 2, real: [3, 0], imag: [4, -2])
        #expect(c.magnitude().values == [5, 2])
        #expect(c.power().values == [25, 4])
    }

    @Test func concurrentTransformsAgree() async {
        let y = (0..<5000).map { Float(sin(Double($0) * 0.01)) }
        let reference = stft(y, nFFT: 512)
        await withTaskGroup(of: Bool.self) { group in
            for size in [512, 1024, 384, 512] {
                group.addTask { size == 512 ? stft(y, nFFT: size) == reference : stft(y, nFFT: size).frames > 0 }
            }
            for await ok in group { #expect(ok) }
        }
    }
}
