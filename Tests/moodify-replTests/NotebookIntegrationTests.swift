import Foundation
import Testing

/// The four research notebooks run end to end through the real host on a small stratified subset of the
/// development corpus (30 clips, 1 epoch per fold): every cell succeeds and writes what it promises.
@Suite(.serialized, .enabled(if: NotebookCorpus.available, "needs ../shared/corpus/crema-d-dev (or MOODIFY_AUDIO); skipped"))
struct NotebookIntegrationTests {
    /// Runs `Notebooks/<name>.moodify` on the subset; returns its output and the folder it wrote into.
    private func run(_ name: String) throws -> (out: String, folder: URL) {
        let folder = Repl.scratch("notebook-\(name)")
        let result = try Repl.run([NotebookCorpus.root.appendingPathComponent("Notebooks/\(name).moodify").path], environment: [
            "MOODIFY_AUDIO": NotebookCorpus.path, "MOODIFY_LIMIT": "30", "MOODIFY_EPOCHS": "1",
            "MOODIFY_OUT": folder.path, "MOODIFY_CACHE": folder.appendingPathComponent("cache").path,
        ])
        #expect(result.status == 0, "\(name) failed:\n\(result.err)")
        return (result.out, folder)
    }

    private func exists(_ folder: URL, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    @Test func method1ReproducesTheOriginalsCells() throws {
        let (out, folder) = try run("method_1")
        for line in ["Fold-wise Accuracy:", "Validation Accuracy for Fold 5:", "weighted avg", "Top tracks for SAD mood:",
                     "Prediction Probabilities:", "Actual Emotion:    ", "Predicted Emotion: ", "── 11 of 11 cells"] {
            #expect(out.contains(line), "missing \(line)")
        }
        #expect(exists(folder, "Plots/method_1/folds.png") && exists(folder, "Plots/method_1/confusion.png"))
        #expect(exists(folder, "Models/method_1.model"))
    }

    @Test func method2ReproducesTheOriginalsCells() throws {
        let (out, folder) = try run("method_2")
        for line in ["× 4 versions", "Training set: ", "Test set: ", "Validation Accuracy for Fold 5:", "weighted avg",
                     "Prediction Probabilities:", "Predicted Emotion: ", "── 12 of 12 cells"] {
            #expect(out.contains(line), "missing \(line)")
        }
        for plot in ["emotion_distribution", "feature_correlation", "pca", "spectrogram_ANG", "augmentation_stretch",
                     "folds", "confusion_test"] {
            #expect(exists(folder, "Plots/method_2/\(plot).png"), "missing \(plot).png")
        }
        #expect(exists(folder, "Models/method_2.model"))
    }

    @Test func trainDefaultWritesABundleWithItsCard() throws {
        let (out, folder) = try run("train_default")
        for line in ["Fold 5: frame CNNs ", "statistics MLPs    ", "ensemble    ", "Ensemble recall per class: ANG ",
                     "Best epochs per fold: ", "\"cv_macro_f1\": ", "\"cv_accuracy_members\": ", "── 6 of 6 cells"] {
            #expect(out.contains(line), "missing \(line)")
        }
        #expect(exists(folder, "Models/default.moodify"))
    }

    @Test(arguments: ["method_1_speaker_independent", "method_2_speaker_independent", "method_3_speaker_independent"])
    func speakerIndependentNotebooksScoreUnseenActors(_ name: String) throws {
        let (out, folder) = try run(name)
        for line in ["unseen actors", "Fold  accuracy  macro-F1  UAR", "Accuracy ", "Macro-F1 ", "UAR ", "── 5 of 5 cells"] {
            #expect(out.contains(line), "missing \(line)")
        }
        #expect(exists(folder, "Plots/\(name)/confusion.png"))
    }

    @Test func frameModelNotebookScoresBothNetworksAndTheirEnsemble() throws {
        let (out, folder) = try run("method_4_speaker_independent")
        for line in ["unseen actors", "method3 rows in the same clip order: true", "Fold 5 accuracy: frame CNN ", "frame CNN    ",
                     "method3 MLP    ", "ensemble    ", "── 5 of 5 cells"] {
            #expect(out.contains(line), "missing \(line)")
        }
        #expect(exists(folder, "Plots/method_4_speaker_independent/confusion.png"))
    }
}

/// Where the development corpus is, for the notebook runs.
enum NotebookCorpus {
    /// The package root, derived from this file's location.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$MOODIFY_AUDIO`, else `../shared/corpus/crema-d-dev` beside the package.
    static var path: String {
        if let env = ProcessInfo.processInfo.environment["MOODIFY_AUDIO"], !env.isEmpty { return env }
        return root.appendingPathComponent("../shared/corpus/crema-d-dev").standardizedFileURL.path
    }

    /// Whether the corpus folder exists.
    static var available: Bool { FileManager.default.fileExists(atPath: path) }
}
