import Foundation
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn

/// Feature extraction, one thread, on every 60th corpus clip by name (63 clips of the dev corpus), from audio
/// already loaded at 22,050 Hz: the per-clip cost of the feature sets and of their parts, in thread CPU time, best
/// of 3 passes (Scripts/bench_features.py times librosa on the same clips with the same names, the same way).
let featuresSuite = BenchmarkSuite(name: "features") { corpus in
    try benchFeatures(corpus, parts: true)
}

/// The feature sets only (no parts): quick before/after comparisons and `perf record` runs.
let featureSetsSuite = BenchmarkSuite(name: "feature-sets", onlyWhenNamed: true) { corpus in
    try benchFeatures(corpus, parts: false)
}

/// Times the feature sets on the bench clips and, with `parts`, the parts they are made of.
private func benchFeatures(_ corpus: String, parts: Bool) throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus)
        .filter { ["wav", "flac"].contains(($0 as NSString).pathExtension.lowercased()) }
        .sorted()
        .enumerated().filter { $0.offset % 60 == 0 }.map(\.element)
    let paths = names.map { (corpus as NSString).appendingPathComponent($0) }
    for path in paths { _ = try AudioBuffer(contentsOf: path) }  // warm the file cache
    var clips = [AudioBuffer]()
    let loadTime = try seconds { clips = try paths.map { try AudioBuffer(contentsOf: $0) } }
    let n = Double(clips.count)
    let note = "\(clips.count) clips (every 60th by name), loaded at 22050 Hz, one thread, thread CPU time, best of 3 passes"

    func perClip(_ name: String, _ body: () throws -> Void) rethrows {
        var best = Double.infinity
        for _ in 0..<3 { best = min(best, try threadCPUSeconds(body)) }
        Measurement(name: name, value: best / n, unit: "s/clip", note: note).emit()
    }

    // Warm-up: plans, filter banks and caches are made once per process.
    var rng = SeededGenerator(seed: 42)
    for set in FeatureSet.all { _ = try set.rows(for: clips[0], augment: true, using: &rng) }

    for set in FeatureSet.all where set.name != "method2" {
        try perClip("features.\(set.name).per_clip") { for c in clips { _ = try set.vector(for: c) } }
    }
    try perClip("features.method2_aug.per_clip") {
        for c in clips { _ = try FeatureSet.method2.rows(for: c, augment: true, using: &rng) }
    }

    guard parts else { return }
    // The parts, on the trimmed clips.
    Measurement(name: "features.part.load", value: loadTime / n, unit: "s/clip",
                note: "\(clips.count) clips, one pass, wall time (decode + soxr resample)").emit()
    var trimmed = [[Float]]()
    perClip("features.part.trim") { trimmed = clips.map { trim($0.samples).samples } }
    var spectra = [ComplexSpectrogram]()
    perClip("features.part.stft") { spectra = trimmed.map { stft($0) } }
    perClip("features.part.melspectrogram") { for s in spectra { _ = MelFilterBank.shared(sr: 22050, nFFT: 2048).apply(to: s.power()) } }
    perClip("features.part.mfcc40") { for s in spectra { _ = mfcc(melSpectrogram: MelFilterBank.shared(sr: 22050, nFFT: 2048).apply(to: s.power()), nMFCC: 40) } }
    perClip("features.part.spectral") {
        for s in spectra {
            let m = s.magnitude()
            _ = (spectralCentroid(magnitude: m), spectralBandwidth(magnitude: m), spectralRolloff(magnitude: m),
                 spectralContrast(magnitude: m))
        }
    }
    try perClip("features.part.chroma_stft") { for s in spectra { _ = try chromaSTFT(power: s.power()) } }
    try perClip("features.part.tonnetz") { for y in trimmed { _ = try tonnetz(y) } }
    perClip("features.part.zcr_rms") { for y in trimmed { _ = (zeroCrossingRate(y), rms(y)) } }
    perClip("features.part.yin") { for y in trimmed { _ = yin(y, fmin: 65, fmax: 500) } }
    let cepstra = trimmed.map { mfcc($0, nMFCC: 40) }
    perClip("features.part.mfcc_delta") { for c in cepstra { _ = (delta(c), delta(c, order: 2)) } }
    perClip("features.part.hpss") { for y in trimmed { _ = hpss(y) } }
    perClip("features.part.pitch_shift") { for y in trimmed { _ = pitchShift(y, sr: 22050, steps: 2) } }
    perClip("features.part.time_stretch") { for y in trimmed { _ = timeStretch(y, rate: 0.8) } }
}
