import Foundation
import MoodifyLearn
import Synchronization

extension EmotionClassifier {
    /// Classifies every clip of a labelled corpus exactly as `predict(file:)` does (on `workers` threads, results in
    /// corpus order) and scores the predictions against the clips' emotions; clips that cannot be classified are
    /// listed in `skipped` with the reason.
    public func evaluate(_ corpus: Corpus, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                         showsProgress: Bool = true) throws -> EvaluationReport {
        let clips = corpus.clips
        let progress = ProgressBar(title: "evaluate", total: clips.count, enabled: showsProgress && isatty(STDERR_FILENO) != 0)
        let outcomes = Mutex([Outcome?](repeating: nil, count: clips.count))
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: min(max(workers, 1), max(clips.count, 1))) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < clips.count else { return }
                let outcome: Outcome
                do {
                    outcome = .predicted(try predict(file: clips[index].path).orderedProbabilities)
                } catch {
                    outcome = .failed("\(clips[index].path): \(error)")
                }
                outcomes.withLock { $0[index] = outcome }
                progress.advance()
            }
        }
        var predictions = [EvaluationReport.ClipPrediction](), skipped = [FeatureTable.SkippedClip]()
        for (clip, outcome) in zip(clips, outcomes.withLock { $0 }) {
            switch outcome! {
            case .predicted(let probabilities): predictions.append(clipPrediction(clip.path, actual: clip.emotion, probabilities))
            case .failed(let reason): skipped.append(FeatureTable.SkippedClip(file: clip.path, reason: reason))
            }
        }
        return try EvaluationReport(classes: classes, predictions: predictions, skipped: skipped)
    }

    /// Scores the clips of a feature table made with this (one-network) classifier's feature set: each clip's original row, or, when
    /// the classifier averages augmented versions, all four of its rows (the table must then be augmented). The
    /// table's noise augmentation is seeded per clip, so averaged predictions can differ slightly from `predict(file:)`'s.
    public func evaluate(_ table: FeatureTable) throws -> EvaluationReport {
        guard !isEnsemble else {
            throw ClassifierError.featureSetMismatch(featureSet: featureSet,
                                                     reason: "an ensemble reads several feature sets but the table holds only \"\(table.featureSet)\" features (evaluate it on a corpus)")
        }
        guard table.featureSet == featureSet else {
            throw ClassifierError.featureSetMismatch(featureSet: featureSet, reason: "the table holds \"\(table.featureSet)\" features")
        }
        guard table.augmented || !averagesAugmentations else {
            throw ClassifierError.featureSetMismatch(featureSet: featureSet,
                                                     reason: "the bundle averages four augmented versions per clip but the table has none (make it with augment: true)")
        }
        var versions: [Int: [Int]] = [:]
        for (row, clip) in table.clips.enumerated() where averagesAugmentations || table.variants[row] == 0 { versions[clip, default: []].append(row) }
        let predictions = try table.originalRows.map { original in
            let rows = versions[table.clips[original]]!
            return clipPrediction(table.files[original], actual: table.labels[original],
                                  try probabilities(featureRows: table.X.rows(rows)))
        }
        return try EvaluationReport(classes: classes, predictions: predictions, skipped: table.skipped)
    }

    /// What classifying one clip gave.
    private enum Outcome: Sendable {
        case predicted([Double])
        case failed(String)
    }

    /// A clip's prediction from its probabilities in class order (the most probable class, the first on ties).
    private func clipPrediction(_ path: String, actual: String, _ probabilities: [Double]) -> EvaluationReport.ClipPrediction {
        EvaluationReport.ClipPrediction(path: path, actual: actual, predicted: classes[Prediction.mostProbable(probabilities)],
                                        probabilities: probabilities)
    }
}
