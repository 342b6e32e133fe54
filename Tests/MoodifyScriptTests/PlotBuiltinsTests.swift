import Foundation
import MoodifyAudio
import MoodifyDSP
import MoodifyPlot
import Testing
@testable import MoodifyScript

/// A fresh scratch folder (not created: the builtins must create it).
private func scratch(_ name: String) -> String {
    FileManager.default.temporaryDirectory
        .appendingPathComponent("moodify-plot-builtins-\(getpid())-\(name)-\(UUID().uuidString.prefix(8))").path
}

/// The PNG at `path`, decoded, with its text chunks.
private func png(_ path: String) throws -> (image: DecodedImage, text: [String: String], bytes: [UInt8]) {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    let text = Dictionary(PNGChunks.textEntries(bytes).map { ($0.keyword, $0.text) }) { $1 }
    return (try PNGCodec.decode(bytes), text, bytes)
}

/// A history as a learning engineer's host object would expose it: properties only, no dictionary.
private struct FakeHistory: HostObject {
    let loss: [Double], accuracy: [Double]
    var typeName: String { "History" }
    var summary: String { "History of \(loss.count) epochs" }
    var propertyNames: [String] { ["accuracy", "loss", "val_accuracy", "val_loss"] }
    func property(_ name: String) throws -> Value? {
        switch name {
        case "loss": return .list(loss.map { .number($0) })
        case "accuracy": return .list(accuracy.map { .number($0) })
        case "val_loss": return .list(loss.map { .number($0 + 0.1) })
        case "val_accuracy": return .list(accuracy.map { .number($0 - 0.05) })
        default: return nil
        }
    }
}

/// A cross-validation result as scripts see it: its `histories` property lists the folds' histories.
private struct FakeCrossValidation: HostObject {
    let folds: [FakeHistory]
    var typeName: String { "CrossValidation" }
    var summary: String { "CrossValidation of \(folds.count) folds" }
    var propertyNames: [String] { ["histories"] }
    func property(_ name: String) throws -> Value? {
        name == "histories" ? .list(folds.map { .object($0) }) : nil
    }
}

@Suite struct PlotBuiltinsTests {
    private let history = #"["loss": [1.2, 0.9, 0.7, 0.6], "accuracy": [0.3, 0.45, 0.55, 0.6], "val_loss": [1.3, 1.0, 0.9, 0.85], "val_accuracy": [0.28, 0.4, 0.48, 0.5]]"#

    @Test func historyFromADictionaryWritesOneRowIntoANewFolder() throws {
        let folder = scratch("history")
        let path = folder + "/deeper/history.png"
        let result = try shown("h = \(history)\nplot_history(h, to: \"\(path)\")")
        #expect(result == Display.show(.string(path)))
        let file = try png(path)
        #expect(file.image.width == 1200 && file.image.height == 400)
        #expect(file.text["Software"] == "Moodify")
        #expect(file.text["Title"] == "Accuracy and Loss")  // one run: panels are not numbered by fold
    }

    @Test func historyFromAListOrACrossValidationObjectIsOneRowPerFold() throws {
        let folder = scratch("folds")
        let interpreter = Interpreter { _ in }
        let fold = FakeHistory(loss: [1, 0.8, 0.7], accuracy: [0.4, 0.5, 0.6])
        interpreter.setVariable("cv", .object(FakeCrossValidation(folds: [fold, fold, fold])))
        let grid = try #require(try interpreter.run("plot_history(cv, to: \"\(folder)/cv.png\")"))
        #expect(grid == .string("\(folder)/cv.png"))
        let file = try png("\(folder)/cv.png")
        #expect(file.image.width == 1200 && file.image.height == 1200)
        #expect(file.text["Title"] == "Training History (3 folds)")

        // The same folds as a list of dictionaries give the same picture.
        let list = try #require(try interpreter.run("""
            f = ["loss": [1, 0.8, 0.7], "accuracy": [0.4, 0.5, 0.6], "val_loss": [1.1, 0.9, 0.8], "val_accuracy": [0.35, 0.45, 0.55]]
            plot_history([f, f, f], to: "\(folder)/list.png")
            """))
        #expect(list == .string("\(folder)/list.png"))
        #expect(try png("\(folder)/list.png").bytes == file.bytes)

        // per_fold: one file per fold beside the named one, all recorded as written.
        let before = interpreter.filesWritten.count
        let perFold = try #require(try interpreter.run("plot_history(cv.histories, to: \"\(folder)/h.png\", per_fold: true)"))
        let paths = (1...3).map { "\(folder)/h_fold\($0).png" }
        #expect(perFold == .strings(paths))
        #expect(Array(interpreter.filesWritten[before...]) == paths)
        #expect(try png(paths[1]).text["Title"] == "Fold 2 Accuracy and Loss")
    }

    @Test func historyErrorsSayWhatIsExpected() {
        #expect(errorMessage("plot_history(\"h\", to: \"x.png\")")
            == "plot_history: expected a history (loss, accuracy, val_loss, val_accuracy), a list of histories or a cross-validation result, got a string")
        #expect(errorMessage("plot_history([], to: \"x.png\")") == "plot_history: the list of histories is empty")
        #expect(errorMessage("plot_history([\"loss\": \"high\"], to: \"x.png\")")
            == "plot_history: the history's loss must be a list of numbers, got a string")
        #expect(errorMessage("plot_history([\"val_loss\": [1]], to: \"x.png\")")
            == "plot_history: the history has neither loss nor accuracy values")
    }

    @Test func confusionCountsIndicesNamesAndProbabilityRows() throws {
        let folder = scratch("confusion")
        let labels = ["ANG", "HAP", "SAD"]
        // True 0 0 1 2 2 2, predicted 0 1 1 2 2 0: the same matrix drawn straight through MoodifyPlot.
        let expected = try ConfusionMatrixChart(counts: [[1, 1, 0], [0, 1, 0], [1, 0, 2]], labels: labels).pngData()
        let byIndex = try shown("""
            plot_confusion([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 2, 0], labels: ["ANG", "HAP", "SAD"], to: "\(folder)/a.png")
            """)
        #expect(byIndex == Display.show(.string("\(folder)/a.png")))
        #expect(try png("\(folder)/a.png").bytes == expected)
        _ = try evaluate("""
            plot_confusion(["ANG", "ANG", "HAP", "SAD", "SAD", "SAD"], ["ANG", "HAP", "HAP", "SAD", "SAD", "ANG"], to: "\(folder)/b.png")
            """)
        #expect(try png("\(folder)/b.png").bytes == expected)
        // Probability rows (model.predict's output) count as their argmax.
        _ = try evaluate("""
            p = matrix([[0.9, 0.05, 0.05], [0.2, 0.7, 0.1], [0.1, 0.8, 0.1], [0, 0.1, 0.9], [0.3, 0.3, 0.4], [0.6, 0.2, 0.2]])
            plot_confusion([0, 0, 1, 2, 2, 2], p, labels: ["ANG", "HAP", "SAD"], to: "\(folder)/c.png")
            """)
        #expect(try png("\(folder)/c.png").bytes == expected)

        // Normalised, titled, and indices without labels (classes 0…max).
        _ = try evaluate("plot_confusion([0, 2], [0, 2], to: \"\(folder)/d.png\", normalize: true, title: \"Fold 1\")")
        let d = try png("\(folder)/d.png")
        #expect(d.text["Title"] == "Fold 1")
        #expect(d.image.width == 800 && d.image.height == 600)
        var plain = try ConfusionMatrixChart(counts: [[1, 0, 0], [0, 0, 0], [0, 0, 1]], labels: ["0", "1", "2"], normalize: true)
        plain.title = "Fold 1"
        #expect(d.bytes == (try plain.pngData()))
    }

    @Test func confusionErrors() {
        #expect(errorMessage("plot_confusion([0, 3], [0, 1], labels: [\"a\", \"b\"], to: \"x.png\")")
            == "plot_confusion: y_true holds the class index 3, outside 0…1")
        #expect(errorMessage("plot_confusion([0, 1], [0], to: \"x.png\")")
            == "plot_confusion: The confusion matrix cannot be drawn: there are 2 true labels but 1 predictions.")
        #expect(errorMessage("plot_confusion([0, 1], [0, 1], to: \"x.jpg\")")
            == "plot_confusion: to: must name a .png file, got \"x.jpg\"")
    }

    @Test func barFromListsOrADictionary() throws {
        let folder = scratch("bar")
        _ = try evaluate("plot_bar([\"ANG\", \"HAP\"], [12, 7], to: \"\(folder)/a.png\")")
        _ = try evaluate("plot_bar([\"ANG\": 12, \"HAP\": 7], to: \"\(folder)/b.png\")")
        // Labels alone are counted per category, in sorted order: 12 ANG and 7 HAP again.
        _ = try evaluate("labels = []\nfor i in range(19) { labels = labels + [i < 7 and \"HAP\" or \"ANG\"] }\nplot_bar(labels, to: \"\(folder)/counted.png\")")
        let a = try png("\(folder)/a.png"), b = try png("\(folder)/b.png")
        #expect(a.bytes == b.bytes)
        #expect(a.bytes == (try png("\(folder)/counted.png")).bytes)
        #expect(a.text["Title"] == "Emotion Distribution in Dataset")
        #expect(a.bytes == (try BarChart(categories: ["ANG", "HAP"], values: [12, 7]).pngData()))
        _ = try evaluate("plot_bar([1, 2, 3], [3, 2, 1], to: \"\(folder)/c.png\", title: \"Folds\", xlabel: \"Fold\", ylabel: \"Clips\")")
        let c = try BarChart(categories: ["1", "2", "3"], values: [3, 2, 1], title: "Folds", xLabel: "Fold", yLabel: "Clips")
        #expect(try png("\(folder)/c.png").bytes == (try c.pngData()))
        #expect(errorMessage("plot_bar([\"a\"], [1, 2], to: \"x.png\")").contains("there are 1 categories for 2 values"))
    }

    @Test func heatmapAndScatter() throws {
        let folder = scratch("heatmap")
        _ = try evaluate("""
            plot_heatmap(matrix([[1, -0.5], [-0.5, 1]]), to: "\(folder)/h.png", labels: ["mfcc1", "mfcc2"])
            """)
        let heat = try HeatmapChart(matrix: [[1, -0.5], [-0.5, 1]], labels: ["mfcc1", "mfcc2"])
        #expect(try png("\(folder)/h.png").bytes == (try heat.pngData()))

        _ = try evaluate("""
            plot_scatter([[0, 1], [1, 0.5], [2, -1]], ["ANG", "HAP", "ANG"], to: "\(folder)/s.png", title: "PCA")
            """)
        let scatter = try ScatterChart(points: [SIMD2(0, 1), SIMD2(1, 0.5), SIMD2(2, -1)], classes: ["ANG", "HAP", "ANG"], title: "PCA")
        #expect(try png("\(folder)/s.png").bytes == (try scatter.pngData()))
        #expect(errorMessage("plot_scatter([[0, 1, 2]], [\"a\"], to: \"x.png\")")
            == "plot_scatter: points must have 2 columns (x, y), got a 1×3 matrix")
        #expect(errorMessage("plot_scatter([[0, 1]], [\"a\", \"b\"], to: \"x.png\")")
            == "plot_scatter: there are 1 points but 2 classes")
    }

    @Test func spectrogramOfAudioIsItsLogMelSpectrogram() throws {
        let folder = scratch("spectrogram")
        let interpreter = Interpreter { _ in }
        let samples = (0..<8000).map { Float(0.5 * sin(2 * Double.pi * 440 * Double($0) / 8000)) }
        interpreter.setVariable("tone", .audio(AudioBuffer(samples: samples, sampleRate: 8000)))
        let path = try #require(try interpreter.run("plot_spectrogram(tone, to: \"\(folder)/tone.png\")"))
        #expect(path == .string("\(folder)/tone.png"))
        let file = try png("\(folder)/tone.png")
        #expect(file.image.width == 1000 && file.image.height == 400)
        #expect(file.text["Title"] == "Log-Mel Spectrogram")

        // The same picture from the log-mel matrix computed here and passed in with its rate.
        let mel = powerToDB(melspectrogram(samples, sr: 8000), ref: .max)
        let rows = (0..<mel.bins).map { Array(mel.row($0)).map { Value.number(Double($0)) } }
        interpreter.setVariable("S", .list(rows.map { .list($0) }))
        _ = try interpreter.run("plot_spectrogram(S, to: \"\(folder)/matrix.png\", sr: 8000)")
        #expect(try png("\(folder)/matrix.png").bytes == file.bytes)
        #expect(interpreter.filesWritten == ["\(folder)/tone.png", "\(folder)/matrix.png"])
        // A matrix with n_fft/2 + 1 rows reads as an STFT (linear Hz axis), other row counts as mel bands.
        let stft: [[Double]] = (0..<5).map { b in (0..<8).map { f in Double(-10 * b - f) } }
        let mels = Array(stft.prefix(4))
        interpreter.setVariable("stft", .list(stft.map { .list($0.map { .number($0) }) }))
        interpreter.setVariable("mels", .list(mels.map { .list($0.map { .number($0) }) }))
        _ = try interpreter.run("plot_spectrogram(stft, to: \"\(folder)/stft.png\", title: \"S\")")
        _ = try interpreter.run("plot_spectrogram(mels, to: \"\(folder)/mels.png\", title: \"S\", hop_length: 256)")
        var linear = try SpectrogramChart(values: stft, frequencyAxis: .linear(maxHz: 11025), sampleRate: 22050, hopLength: 512)
        var melChart = try SpectrogramChart(values: mels, frequencyAxis: .mel(minHz: 0, maxHz: 11025), sampleRate: 22050, hopLength: 256)
        linear.title = "S"
        melChart.title = "S"
        #expect(try png("\(folder)/stft.png").bytes == (try linear.pngData()))
        #expect(try png("\(folder)/mels.png").bytes == (try melChart.pngData()))
        #expect(errorMessage("plot_spectrogram([[1, 2], [3, 4]], to: \"x.png\", y_axis: \"log\")")
            == "plot_spectrogram: y_axis must be \"mel\" or \"linear\", got \"log\"")
    }

    @Test func aCellRecordsThePlotsItWrote() throws {
        let folder = scratch("cell")
        let notebook = Notebook(text: """
            %% Bars
            p = plot_bar(["a", "b"], [1, 2], to: "\(folder)/bars.png")
            %% Nothing
            1 + 1
            """, file: "plots.moodify")
        let run = Interpreter { _ in }.run(notebook)
        #expect(run.cells.map(\.files) == [["\(folder)/bars.png"], []])
    }
}
