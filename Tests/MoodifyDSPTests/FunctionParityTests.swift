import Foundation
import Testing
@testable import MoodifyDSP

/// Every function against librosa 0.11 (Golden/functions.json) on synthetic signals and three real clips.
/// Tolerances are relative to the size of the quantity (its largest value in that signal) unless stated.
@Suite struct FunctionParityTests {
    let goldens: [(name: String, golden: FunctionGolden, y: [Float])]

    init() throws {
        var list = [(String, FunctionGolden, [Float])]()
        for (name, golden) in try Golden.functions().sorted(by: { $0.key < $1.key }) {
            guard Golden.synthetic[name] != nil || TestCorpus.available else { continue }
            list.append((name, golden, try Golden.signal(name)))
        }
        goldens = list
    }

    @Test func signalsMatchTheGenerator() {
        #expect(goldens.count >= 6)
        for g in goldens { #expect(g.y.count == g.golden.length, "\(g.name): \(g.y.count) samples, generator had \(g.golden.length)") }
    }

    @Test func stft() {
        for (name, golden, y) in goldens {
            let s = MoodifyDSP.stft(y)
            #expect(s.bins == golden.stft.rows && s.frames == golden.stft.columns, "\(name) shape")
            let m = s.magnitude()
            let peak = m.values.max() ?? 0
            // float32 FFTs (FFTW here, pocketfft in float64 then cast there) agree to ~1e-6 of the frame's peak.
            let tol = 1e-5 * Double(peak) + 1e-9
            let rowSums = Swift.stride(from: 0, to: m.bins, by: 4).map { b in m.row(b).reduce(0.0) { $0 + Double($1) } }
            expectClose(rowSums, golden.stft.magnitudeRowSum, tolerance: tol * Double(m.frames), "\(name) |X| row sums")
            let colSums = (0..<m.frames).map { t in (0..<m.bins).reduce(0.0) { $0 + Double(m[$1, t]) } }
            expectClose(colSums, golden.stft.magnitudeColumnSum, tolerance: tol * Double(m.bins), "\(name) |X| column sums")
            let idx = Swift.stride(from: 0, to: s.real.count, by: golden.stft.stride)
            expectClose(idx.map { s.real[$0] }, golden.stft.real, tolerance: tol, "\(name) Re X")
            expectClose(idx.map { s.imag[$0] }, golden.stft.imag, tolerance: tol, "\(name) Im X")
        }
    }

    @Test func istftRoundTrip() {
        for (name, golden, y) in goldens {
            let out = istft(MoodifyDSP.stft(y), length: y.count)
            let peak = Double(y.map(abs).max() ?? 0)
            // Reconstruction error of float32 transforms: ~1e-6 of the signal's peak.
            expectClose(out, golden.istft, tolerance: 1e-5 * peak + 1e-9, "\(name) istft")
        }
    }

    @Test func melspectrogram() {
        for (name, golden, y) in goldens {
            let mel = MoodifyDSP.melspectrogram(y)
            let peak = Double(mel.values.max() ?? 0)
            // Power is a square: relative FFT error doubles; 1e-5 of the peak covers it.
            expectClose(mel, golden.melspectrogram, tolerance: 1e-5 * peak + 1e-12, "\(name) mel")
        }
    }

    @Test func powerToDB() {
        for (name, golden, y) in goldens {
            let mel = MoodifyDSP.melspectrogram(y)
            // dB of values that agree to ~1e-5 relative agree to ~4e-5 dB; quiet bins (near the −80 dB floor) are
            // relatively less precise, so 0.01 dB — a hundredth of the smallest step a listener could hear.
            expectClose(MoodifyDSP.powerToDB(mel), golden.powerToDB, tolerance: 0.01, "\(name) dB ref 1")
            expectClose(MoodifyDSP.powerToDB(mel, ref: .max), golden.powerToDBMax, tolerance: 0.01, "\(name) dB ref max")
        }
    }

    @Test func mfcc() {
        for (name, golden, y) in goldens {
            // MFCCs are DCTs of the dB values above (0.01 dB each): an orthonormal DCT over 128 bands keeps the
            // error norm, so 0.05 per coefficient.
            expectClose(MoodifyDSP.mfcc(y, nMFCC: 20), golden.mfcc20, tolerance: 0.05, "\(name) mfcc 20")
            expectClose(MoodifyDSP.mfcc(y, nMFCC: 40), golden.mfcc40, tolerance: 0.05, "\(name) mfcc 40")
        }
    }

    @Test func spectralShape() {
        for (name, golden, y) in goldens {
            let m = MoodifyDSP.spectrogram(y, power: 1)
            // Centroid and bandwidth are ratios of sums: 1e-5 relative of the 11,025 Hz scale → 0.1 Hz.
            expectClose(spectralCentroid(magnitude: m), golden.centroid, tolerance: 0.1, "\(name) centroid")
            expectClose(spectralBandwidth(magnitude: m), golden.bandwidth, tolerance: 0.1, "\(name) bandwidth")
            // Roll-off is a bin frequency: exact unless a running sum ties with the threshold within float32.
            expectClose(spectralRolloff(magnitude: m), golden.rolloff, tolerance: 1e-3, "\(name) rolloff")
        }
    }

    @Test func spectralContrast() {
        for (name, golden, y) in goldens {
            let m = MoodifyDSP.spectrogram(y, power: 1)
            // Differences of dB values (see powerToDB): 0.01 dB.
            expectClose(MoodifyDSP.spectralContrast(magnitude: m), golden.contrast, tolerance: 0.01, "\(name) contrast")
        }
    }

    @Test func zeroCrossingRateAndRMS() {
        for (name, golden, y) in goldens {
            // Crossing counts are integers over 2048: exact.
            expectClose(zeroCrossingRate(y), golden.zcr, tolerance: 1e-7, "\(name) zcr")
            // librosa averages squares in float32; 1e-6 relative of the loudest frame.
            let peak = golden.rms.max() ?? 0
            expectClose(rms(y), golden.rms, tolerance: 1e-6 * peak + 1e-10, "\(name) rms")
        }
    }

    @Test func trim() {
        for (name, golden, y) in goldens {
            let (samples, range) = MoodifyDSP.trim(y)
            #expect([range.lowerBound, range.upperBound] == golden.trim, "\(name) trim range")
            #expect(samples.count == range.count)
        }
    }

    @Test func hpss() {
        for (name, golden, y) in goldens {
            let (h, p) = MoodifyDSP.hpss(y)
            let peak = Double(y.map(abs).max() ?? 0)
            // Median filters pick the same cells; masks and transforms add float32 rounding (seen: ~2e-7 of the
            // peak): 1e-5 of the peak.
            expectClose(h, golden.harmonic, tolerance: 1e-5 * peak + 1e-9, "\(name) harmonic")
            expectClose(p, golden.percussive, tolerance: 1e-5 * peak + 1e-9, "\(name) percussive")
        }
    }

    @Test func effects() {
        for (name, golden, y) in goldens {
            let peak = Double(y.map(abs).max() ?? 0)
            // The phase vocoder keeps its running phase in float32 exactly as librosa does, so only float32
            // rounding of the transforms and of soxr remains (seen: ~3e-7 of the peak); 1e-5 of the peak.
            expectClose(timeStretch(y, rate: 0.8), golden.stretchSlow, tolerance: 1e-5 * peak + 1e-9, "\(name) stretch 0.8")
            expectClose(timeStretch(y, rate: 1.25), golden.stretchFast, tolerance: 1e-5 * peak + 1e-9, "\(name) stretch 1.25")
            expectClose(pitchShift(y, sr: 22050, steps: 2), golden.pitchUp, tolerance: 1e-5 * peak + 1e-9, "\(name) pitch +2")
        }
    }

    @Test func melFilterBank() throws {
        for golden in try Golden.load([MelBasisGolden].self, "mel_basis.json") {
            let dense = MelFilterBank(sr: golden.sr, nFFT: golden.nFFT, nMels: golden.nMels).dense()
            let nonZero = dense.values.filter { $0 != 0 }.count
            #expect(nonZero == golden.weight.count, "same non-zero pattern")
            let ours = zip(golden.mel, golden.bin).map { dense[$0, $1] }
            // Weights are float32 of float64 formulas on both sides: 1e-7 relative of weights ≤ ~0.05.
            expectClose(ours, golden.weight, tolerance: 1e-8, "mel weights sr \(golden.sr)")
        }
    }
}
