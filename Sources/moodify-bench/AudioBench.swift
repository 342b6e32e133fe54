import Foundation
import MoodifyAudio

/// Audio loading: decode and resample to 22,050 Hz, per clip, over the first 200 clips of the corpus by name.
let audioSuite = BenchmarkSuite(name: "audio") { corpus in
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus)
        .filter { ["wav", "flac"].contains(($0 as NSString).pathExtension.lowercased()) }
        .sorted()
        .prefix(200)
    let paths = names.map { (corpus as NSString).appendingPathComponent($0) }
    // One untimed pass so that both sides read from a warm file cache.
    for path in paths { _ = try AudioBuffer(contentsOf: path) }
    var samples = 0
    let elapsed = try seconds {
        for path in paths { samples += try AudioBuffer(contentsOf: path).samples.count }
    }
    Measurement(name: "audio.load.per_clip", value: elapsed / Double(paths.count), unit: "s/clip",
                note: "\(paths.count) clips, \(samples) samples out, sr=22050, one thread").emit()
}
