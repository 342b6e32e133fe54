import Foundation
import Moodify
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn

/// The pipeline: `FeatureExtractor` over a stratified subset of the corpus (`MOODIFY_BENCH_CLIPS` clips, default 120,
/// or "all"), one worker per active core, with a cold cache (decode + features + store) and then warm (hash + read);
/// and one prediction of the notebooks' CNN on a clip file, as the web app makes it.
let pipelineSuite = BenchmarkSuite(name: "pipeline") { corpusPath in
    let full = try Corpus(path: corpusPath)
    let wanted = ProcessInfo.processInfo.environment["MOODIFY_BENCH_CLIPS"] ?? "120"
    let corpus = wanted == "all" ? full : full.subset(limit: Int(wanted) ?? 120, seed: 42)
    let sample = wanted == "all" ? "the whole corpus" : "stratified subset, seed 42"
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let folder = NSTemporaryDirectory() + "moodify-bench-cache-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for file in corpus.files { _ = FileManager.default.contents(atPath: file) }  // warm the file cache

    for (set, augment) in [(FeatureSet.method1, false), (FeatureSet.method2, true)] {
        let extractor = FeatureExtractor(featureSet: set, augment: augment, cache: FeatureCache(folder: folder), showsProgress: false)
        let name = "pipeline.features.\(set.name)\(augment ? "_aug" : "")"
        let note = "\(corpus.count) clips (\(sample)), \(extractor.workers) workers on \(cores) cores"
        let n = Double(corpus.count)
        var table: FeatureTable?
        let (cold, coldCPU) = timed { table = extractor.extract(corpus) }
        Measurement(name: name + ".cold", value: cold / n, unit: "s/clip",
                    note: note + ", empty cache, \(table!.skipped.count) skipped; total " + String(format: "%.1f s wall, %.1f s CPU", cold, coldCPU)).emit()
        let (warm, warmCPU) = timed { table = extractor.extract(corpus) }
        Measurement(name: name + ".cached", value: warm / n, unit: "s/clip",
                    note: note + ", \(table!.cachedClips) cache hits; total " + String(format: "%.2f s wall, %.2f s CPU", warm, warmCPU)).emit()
    }

    // The notebooks' CNN over method 2's 256 values (random weights: the cost does not depend on them).
    let model = try Sequential([
        Conv1D(filters: 64, kernelSize: 3, activation: .relu), BatchNormalization(), MaxPool1D(poolSize: 2), Dropout(rate: 0.3),
        Conv1D(filters: 128, kernelSize: 3, activation: .relu), BatchNormalization(), MaxPool1D(poolSize: 2), Dropout(rate: 0.4),
        Flatten(), Dense(units: 128, activation: .relu, l2: 0.001), BatchNormalization(), Dropout(rate: 0.5),
        Dense(units: 6, activation: .softmax),
    ], inputShape: [256, 1], seed: 1)
    let bundle = try ModelBundle(model: model, featureSet: "method2", scalerMean: [Float](repeating: -40, count: 256),
                                 scalerScale: [Float](repeating: 10, count: 256), labels: ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"])
    let files = Array(corpus.files.prefix(20))
    for average in [false, true] {
        var withMetadata = bundle
        withMetadata.metadata[EmotionClassifier.augmentAverageKey] = average ? "true" : "false"
        let classifier = try EmotionClassifier(bundle: withMetadata)
        _ = try classifier.predict(file: files[0])
        let elapsed = try seconds { for file in files { _ = try classifier.predict(file: file) } }
        Measurement(name: "pipeline.predict_file.method2" + (average ? "_aug_average" : ""), value: elapsed / Double(files.count),
                    unit: "s/clip", note: "\(files.count) clip files, decode + features + CNN, one thread").emit()
    }
}

/// Wall-clock and process CPU seconds of `body` (the CPU time shows the cost when other processes share the cores).
private func timed(_ body: () -> Void) -> (wall: Double, cpu: Double) {
    let cpuStart = clock()
    let wall = seconds(body)
    return (wall, Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC))
}
