import Foundation
import Testing
@testable import MoodifyPlot

/// Writes every chart with stress-case data (6 classes, 100 epochs, 5 folds, long names, 256 features) into
/// the folder `MOODIFY_PLOT_GALLERY` for a person to look at; skipped otherwise.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MOODIFY_PLOT_GALLERY"] != nil,
                "set MOODIFY_PLOT_GALLERY=<folder> to write the stress-case gallery"))
struct GalleryTests {
    let folder = ProcessInfo.processInfo.environment["MOODIFY_PLOT_GALLERY"] ?? ""

    @Test func history() throws {
        let folds = (0..<5).map { Samples.curves(epochs: 100 - 12 * $0, seed: Double($0)) }
        let chart = HistoryChart(folds: folds)
        _ = try chart.write(to: folder + "/history_grid.png")
        _ = try chart.write(to: folder + "/history.png", perFold: true)
        _ = try HistoryChart(folds: [Samples.curves(epochs: 1, seed: 0)]).write(to: folder + "/history_one_epoch.png")
    }

    @Test func confusion() throws {
        try ConfusionMatrixChart(counts: Samples.confusion, labels: Samples.emotions)
            .write(to: folder + "/confusion.png")
        try ConfusionMatrixChart(counts: Samples.confusion, labels: Samples.emotions, normalize: true)
            .write(to: folder + "/confusion_normalized.png")
        try ConfusionMatrixChart(counts: Samples.confusion, labels: Samples.longNames)
            .write(to: folder + "/confusion_long.png")
    }

    @Test func bars() throws {
        try BarChart(categories: Samples.emotions, values: [1271, 1271, 1271, 1271, 1087, 1271]).write(to: folder + "/bar.png")
        try BarChart(categories: Samples.longNames, values: [5, 3, 8, 1, 9, 2], title: "Long names").write(to: folder + "/bar_long.png")
    }

    @Test func heatmaps() throws {
        try HeatmapChart(matrix: Samples.correlation(12)).write(to: folder + "/heatmap12.png")
        try HeatmapChart(matrix: Samples.correlation(256)).write(to: folder + "/heatmap256.png")
    }

    @Test func scatter() throws {
        let (points, classes) = Samples.clusters(perClass: 300)
        try ScatterChart(points: points, classes: classes).write(to: folder + "/scatter.png")
    }

    @Test func spectrograms() throws {
        try SpectrogramChart(values: Samples.melDB(bins: 128, frames: 216), frequencyAxis: .mel(minHz: 0, maxHz: 11025),
                             sampleRate: 22050, hopLength: 512).write(to: folder + "/spectrogram_mel.png")
        try SpectrogramChart(values: Samples.melDB(bins: 1025, frames: 87), frequencyAxis: .linear(maxHz: 11025),
                             sampleRate: 22050, hopLength: 512, title: "STFT (dB)").write(to: folder + "/spectrogram_stft.png")
    }
}
