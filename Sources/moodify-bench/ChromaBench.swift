import Foundation
import MoodifyAudio
import MoodifyDSP

/// Chroma, CQT, tonnetz and tuning estimation, one thread, on every 60th corpus clip by name (63 clips of the dev
/// corpus), loaded at 22,050 Hz and trimmed at 30 dB as method 1 sees them (Scripts/bench_chroma.py times
/// librosa on the same clips with the same names). Each figure is the best of three passes with the CQT plans
/// warm; "chroma.chroma_cqt_cold.per_clip" is one pass that builds the plan of every tuning met for the first time.
let chromaSuite = BenchmarkSuite(name: "chroma") { corpus in
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus)
        .filter { ["wav", "flac"].contains(($0 as NSString).pathExtension.lowercased()) }
        .sorted()
        .enumerated().filter { $0.offset % 60 == 0 }.map(\.element)
    let clips = try names.map { trim(try AudioBuffer(contentsOf: (corpus as NSString).appendingPathComponent($0)).samples).samples }
    let n = Double(clips.count)
    let averageSeconds = Double(clips.reduce(0) { $0 + $1.count }) / 22050 / n
    let note = "\(clips.count) clips (every 60th by name, trimmed, \(String(format: "%.2f", averageSeconds)) s each on average), one thread, thread CPU time"

    /// Emits the best of `passes` timed passes over all clips (the machine is shared; the minimum is the cost).
    func perClip(_ name: String, passes: Int = 3, detail: String = "", _ body: ([Float]) throws -> Void) rethrows {
        var best = Double.infinity
        for _ in 0..<passes { best = min(best, try threadCPUSeconds { for y in clips { try body(y) } }) }
        Measurement(name: name, value: best / n, unit: "s/clip", note: note + detail).emit()
    }

    // Cold: every tuning not met before builds its CQT plan (~100 tunings exist, so a corpus run pays this
    // about 100 times in all, not per clip).
    _ = try chromaSTFT(clips[0])
    try perClip("chroma.chroma_cqt_cold.per_clip", passes: 1, detail: ", CQT plans built on first use of each tuning") {
        _ = try chromaCQT($0)
    }
    let warm = ", best of 3 passes, plans warm"
    try perClip("chroma.estimate_tuning.per_clip", detail: warm) { _ = try estimateTuning($0, binsPerOctave: 36) }
    try perClip("chroma.cqt.per_clip", detail: warm) { _ = try cqt($0).magnitude() }
    try perClip("chroma.chroma_cqt.per_clip", detail: warm) { _ = try chromaCQT($0) }
    try perClip("chroma.tonnetz.per_clip", detail: warm) { _ = try tonnetz($0) }
    try perClip("chroma.chroma_stft.per_clip", detail: warm) { _ = try chromaSTFT($0) }

    // The parts, from spectrograms and tunings computed beforehand (method 1 shares one STFT between features).
    var index = 0
    let magnitudes = clips.map { stft($0).magnitude() }
    let powers = clips.map { stft($0).power() }
    let tunings = try magnitudes.map { try estimateTuning(spectrogram: $0, binsPerOctave: 36) }
    func perSpectrum(_ name: String, _ body: (Int) throws -> Void) rethrows {
        try perClip(name, detail: warm) { _ in try body(index); index = (index + 1) % clips.count }
    }
    perSpectrum("chroma.part.stft_magnitude") { _ = stft(clips[$0]).magnitude() }
    try perSpectrum("chroma.part.tuning_from_magnitude") { _ = try estimateTuning(spectrogram: magnitudes[$0], binsPerOctave: 36) }
    try perSpectrum("chroma.part.cqt252_tuned") {
        _ = try cqt(clips[$0], nBins: 252, binsPerOctave: 36, tuning: tunings[$0]).magnitude()
    }
    try perSpectrum("chroma.part.tonnetz_tuned") { _ = try tonnetz(clips[$0], tuning: tunings[$0]) }
    try perSpectrum("chroma.part.chroma_stft_from_power") { _ = try chromaSTFT(power: powers[$0]) }
}

/// CPU seconds the calling thread spends in `body` (unlike wall time, not inflated by other processes on a
/// shared machine; Scripts/bench_chroma.py measures librosa the same way with `time.thread_time`).
func threadCPUSeconds(_ body: () throws -> Void) rethrows -> Double {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    let start = now()
    try body()
    return now() - start
}
