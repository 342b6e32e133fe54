import CFFTW
import Foundation
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn

/// What one clip's features cost, stage by stage (`moodify-bench features-breakdown`): thread CPU seconds per clip,
/// best of 3 passes over the bench clips (every 60th corpus clip by name), one thread, each stage timed alone on
/// the inputs the feature sets give it (trimmed clips, their STFTs). "floor.*" lines are the work no implementation
/// of these recipes avoids: the FFTs alone (FFTW, the sizes and counts the sets run). "hpss_median_filters_masks" is
/// the public `hpss` of an STFT: the two median filters (31 frames, 31 bins) and the soft masks.
let featureBreakdownSuite = BenchmarkSuite(name: "features-breakdown", onlyWhenNamed: true) { corpus in
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus)
        .filter { ["wav", "flac"].contains(($0 as NSString).pathExtension.lowercased()) }
        .sorted()
        .enumerated().filter { $0.offset % 60 == 0 }.map(\.element)
    let paths = names.map { (corpus as NSString).appendingPathComponent($0) }
    let n = Double(paths.count)
    let note = "\(paths.count) clips (every 60th by name), one thread, thread CPU time, best of 3 passes"
    func stage(_ name: String, _ body: () throws -> Void) rethrows {
        var best = Double.infinity
        for _ in 0..<3 { best = min(best, try threadCPUSeconds(body)) }
        Measurement(name: "features.stage.\(name)", value: best / n, unit: "s/clip", note: note).emit()
    }

    try stage("decode") { for p in paths { _ = try AudioBuffer(contentsOf: p, sampleRate: nil) } }
    let native = try paths.map { try AudioBuffer(contentsOf: $0, sampleRate: nil) }
    stage("resample_to_22050") { for a in native { _ = Resampler.resample(a.samples, from: Double(a.sampleRate), to: 22050) } }
    let clips = native.map { Resampler.resample($0.samples, from: Double($0.sampleRate), to: 22050) }
    var trimmed = [[Float]]()
    stage("trim") { trimmed = clips.map { trim($0).samples } }
    let frames = trimmed.map { 1 + $0.count / 512 }

    // Method 1 (and method 3's shared part).
    var spectra = [ComplexSpectrogram]()
    stage("stft_f64") { spectra = trimmed.map { stft($0) } }
    stage("floor.fft_f64_2048") { fftFloor(size: 2048, frames: frames, double: true) }
    let magnitudes = spectra.map { $0.magnitude() }, powers = spectra.map { $0.power() }
    stage("zcr_rms") { for y in trimmed { _ = (zeroCrossingRate(y), rms(y)) } }
    stage("spectral_shape_contrast") {
        for m in magnitudes {
            _ = (spectralCentroid(magnitude: m), spectralBandwidth(magnitude: m), spectralRolloff(magnitude: m),
                 spectralContrast(magnitude: m))
        }
    }
    var mels = [Spectrogram]()
    stage("mel") { mels = powers.map { MelFilterBank.shared(sr: 22050, nFFT: 2048).apply(to: $0) } }
    var cepstra = [Spectrogram]()
    stage("mfcc40_from_mel") { cepstra = mels.map { mfcc(melSpectrogram: $0, nMFCC: 40) } }
    try stage("chroma_stft") { for p in powers { _ = try chromaSTFT(power: p) } }
    var tunings = [Double]()
    try stage("tuning_estimate") { tunings = try magnitudes.map { try estimateTuning(spectrogram: $0, binsPerOctave: 36) } }
    try stage("cqt_chroma_tonnetz") { for (y, t) in zip(trimmed, tunings) { _ = try tonnetz(y, tuning: t) } }
    stage("hpss_median_filters_masks") { for d in spectra { _ = hpss(d) } }
    stage("hpss_whole") { for y in trimmed { _ = hpss(y) } }
    // Method 3's additions.
    stage("prosody_yin") { for y in trimmed { _ = yin(y, fmin: 65, fmax: 500) } }
    stage("floor.fft_f64_4096_yin") { fftFloor(size: 4096, frames: frames, double: true, inverse: true) }
    stage("mfcc_deltas") { for c in cepstra { _ = (delta(c), delta(c, order: 2)) } }
    // Method 2's augmentations.
    var rng = SeededGenerator(seed: 1)
    stage("aug.noise") { for y in trimmed { _ = addNoise(y, using: &rng) } }
    var stretched = [[Float]]()
    stage("aug.time_stretch_0.8") { stretched = trimmed.map { timeStretch($0, rate: 0.8) } }
    stage("aug.pitch_shift_+2") { for y in trimmed { _ = pitchShift(y, sr: 22050, steps: 2) } }
    let rate = pow(2, -2.0 / 12)
    let slowed = trimmed.map { timeStretch($0, rate: rate) }
    stage("aug.pitch_shift_resample") { for y in slowed { _ = Resampler.resample(y, from: 22050 / rate, to: 22050) } }
    stage("aug.logmel_row") { for y in stretched { _ = powerToDB(melspectrogram(y, nMels: 128), ref: .max) } }
    // The FFTs of method 2's four rows: the clip's float64 STFT; float32 STFTs of the noisy and pitch-shifted rows
    // (the clip's length) and of the stretched one (1/0.8 as long); the inverse STFTs of the two phase-vocoder
    // outputs (1/rate and 1/0.8 as many frames), counted as a forward and an inverse each here.
    stage("floor.fft_aug") {
        fftFloor(size: 2048, frames: frames, double: true)
        fftFloor(size: 2048, frames: frames.map { Int(Double($0) * (2 + 1 / 0.8) / 2) }, double: false, inverse: true)
        fftFloor(size: 2048, frames: frames.map { Int(Double($0) * (1 / rate + 1 / 0.8) / 2) }, double: false, inverse: true)
    }
}

/// Runs `frames[i]` FFTW transforms of `size` per clip (real forward, plus the inverse with `inverse`), on one
/// frame of noise: the FFT work alone.
private func fftFloor(size: Int, frames: [Int], double: Bool, inverse: Bool = false) {
    let total = frames.reduce(0, +)
    if double {
        let a = fftw_alloc_real(size + 2)!, b = fftw_alloc_complex(size / 2 + 1)!
        defer { fftw_free(a); fftw_free(b) }
        for i in 0..<size { a[i] = Double(i % 7) - 3 }
        let forward = fftw_plan_dft_r2c_1d(Int32(size), a, b, UInt32(FFTW_ESTIMATE))
        let backward = fftw_plan_dft_c2r_1d(Int32(size), b, a, UInt32(FFTW_ESTIMATE))
        for _ in 0..<total {
            fftw_execute(forward)
            if inverse { fftw_execute(backward) }
        }
        fftw_destroy_plan(forward); fftw_destroy_plan(backward)
    } else {
        let a = fftwf_alloc_real(size + 2)!, b = fftwf_alloc_complex(size / 2 + 1)!
        defer { fftwf_free(a); fftwf_free(b) }
        for i in 0..<size { a[i] = Float(i % 7) - 3 }
        let forward = fftwf_plan_dft_r2c_1d(Int32(size), a, b, UInt32(FFTW_ESTIMATE))
        let backward = fftwf_plan_dft_c2r_1d(Int32(size), b, a, UInt32(FFTW_ESTIMATE))
        for _ in 0..<total {
            fftwf_execute(forward)
            if inverse { fftwf_execute(backward) }
        }
        fftwf_destroy_plan(forward); fftwf_destroy_plan(backward)
    }
}
