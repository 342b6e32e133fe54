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

    /// Scores the clips of a feature table made with this classifier's feature set: each clip's original row, or, when
    /// the classifier averages augmented versions, all four of its rows (the table must then be augmented). The
    /// table's noise augmentation is seeded per clip, so averaged predictions can differ slightly from `predict(file:)`'s.
    /// An ensemble whose members read different sets needs one table per set: `evaluate(_ tables:)`.
    public func evaluate(_ table: FeatureTable) throws -> EvaluationReport {
        try evaluate([table])
    }

    /// Scores clips from feature tables of the same corpus, one per feature set the classifier's members read (any
    /// order; extra tables are ignored), each member fed from the table of its set as `evaluate(_ table:)` feeds one
    /// network. A clip is scored when every table used has it; one missing from some table is skipped with the reason.
    public func evaluate(_ tables: [FeatureTable]) throws -> EvaluationReport {
        let memberTables = try members.enumerated().map { index, member in
            guard let table = tables.first(where: { $0.featureSet == member.featureSet }) else {
                let held = tables.map { "\"\($0.featureSet)\"" }.joined(separator: ", ")
                throw ClassifierError.featureSetMismatch(featureSet: member.featureSet, reason: isEnsemble
                    ? "member \(index + 1) reads it but the tables hold \(held) features (give one table per set, or evaluate on a corpus)"
                    : "the table holds \(held) features")
            }
            guard table.augmented || !averagesAugmentations else {
                throw ClassifierError.featureSetMismatch(featureSet: member.featureSet,
                                                         reason: "the bundle averages four augmented versions per clip but the table has none (make it with augment: true)")
            }
            return table
        }
        // Per table: each clip file's rows to feed (its original, or all its versions when averaging).
        let rowsByFile = memberTables.map { table in
            var rows: [String: [Int]] = [:]
            for (row, file) in table.files.enumerated() where averagesAugmentations || table.variants[row] == 0 { rows[file, default: []].append(row) }
            return rows
        }
        let first = memberTables[0]
        var predictions = [EvaluationReport.ClipPrediction](), skipped = first.skipped
        for original in first.originalRows {
            let file = first.files[original]
            guard let missing = memberTables.indices.first(where: { rowsByFile[$0][file] == nil }) else {
                let rows = zip(memberTables, rowsByFile).map { table, rows in table.X.rows(rows[file]!) }
                predictions.append(clipPrediction(file, actual: first.labels[original], try probabilities(memberRows: rows)))
                continue
            }
            skipped.append(FeatureTable.SkippedClip(file: file, reason: "\(file): the \"\(memberTables[missing].featureSet)\" table has no rows for it"))
        }
        return try EvaluationReport(classes: classes, predictions: predictions, skipped: skipped)
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
