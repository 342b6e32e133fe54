import Foundation
import Testing
@testable import MoodifyPlot

struct ChartDataTests {
    @Test func mismatchedInputIsRejected() {
        #expect(throws: PlotError.self) { try ConfusionMatrixChart(counts: [[1, 2]], labels: ["A"]) }
        #expect(throws: PlotError.self) { try ConfusionMatrixChart(counts: [[1]], labels: ["A", "B"]) }
        #expect(throws: PlotError.self) { try BarChart(categories: ["A"], values: [1, 2]) }
        #expect(throws: PlotError.self) { try HeatmapChart(matrix: [[1, 2], [3]]) }
        #expect(throws: PlotError.self) { try ScatterChart(points: [SIMD2(0, 0)], classes: []) }
        #expect(throws: PlotError.self) {
            try SpectrogramChart(values: [[]], frequencyAxis: .linear(maxHz: 8000), sampleRate: 16000, hopLength: 512)
        }
        #expect(throws: PlotError.self) {
            try ConfusionMatrixChart(trueLabels: ["A"], predictedLabels: ["B"], classes: ["A"])
        }
    }

    @Test func tinyImagesAndDegenerateDataStillRender() throws {
        let font = try Support.font()
        let tiny = PixelSize(width: 60, height: 40)
        var charts: [any Chart] = []
        var line = LineChart(title: "NaN\nand one point", xLabel: "Epochs", yLabel: "Loss",
                             series: [LineSeries(label: "Loss", values: [.nan, 2, .infinity])])
        line.size = tiny
        charts.append(line)
        var confusion = try ConfusionMatrixChart(counts: [[0]], labels: ["ANG"])
        confusion.size = tiny
        charts.append(confusion)
        var bar = try BarChart(categories: ["A", "B"], values: [-3, .nan])
        bar.size = tiny
        charts.append(bar)
        var heatmap = try HeatmapChart(matrix: [[.nan, 0], [0, .nan]])
        heatmap.size = tiny
        charts.append(heatmap)
        var scatter = try ScatterChart(points: [SIMD2(1, 1)], classes: ["A"])
        scatter.size = tiny
        charts.append(scatter)
        var spectrogram = try SpectrogramChart(values: [[-5]], frequencyAxis: .mel(minHz: 0, maxHz: 8000),
                                               sampleRate: 16000, hopLength: 256)
        spectrogram.size = tiny
        charts.append(spectrogram)
        for chart in charts {
            let image = try PNGCodec.decode(try chart.pngData(font: font))
            #expect(image.width == 60 && image.height == 40)
        }
    }

    @Test func confusionCountsPairsInClassOrder() throws {
        let chart = try ConfusionMatrixChart(trueLabels: ["SAD", "ANG", "ANG", "HAP"],
                                             predictedLabels: ["SAD", "ANG", "HAP", "HAP"])
        #expect(chart.labels == ["ANG", "HAP", "SAD"])
        #expect(chart.counts == [[1, 1, 0], [0, 1, 0], [0, 0, 1]])
    }

    @Test func historyWritesOneFilePerFoldOrAGrid() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("moodify-plot-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let font = try Support.font()
        var chart = HistoryChart(folds: (0..<3).map { Samples.curves(epochs: 8, seed: Double($0)) })
        chart.rowSize = PixelSize(width: 400, height: 150)
        let grid = try chart.write(to: folder.path + "/nested/history.png", font: font)
        #expect(grid == [folder.path + "/nested/history.png"])
        let image = try PNGCodec.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: grid[0]))))
        #expect(image.width == 400 && image.height == 450)
        let perFold = try chart.write(to: folder.path + "/history.png", perFold: true, font: font)
        #expect(perFold.map { URL(fileURLWithPath: $0).lastPathComponent }
            == ["history_fold1.png", "history_fold2.png", "history_fold3.png"])
        let inFolder = try chart.write(to: folder.path + "/curves", font: font)
        #expect(inFolder.last == folder.path + "/curves/fold3.png")
        #expect(FileManager.default.fileExists(atPath: inFolder[0]))
        #expect(throws: PlotError.self) { try HistoryChart(folds: []).write(to: folder.path + "/x.png", font: font) }
    }

    @Test func panelsAreNamedAsTheNotebooks() {
        let panels = HistoryChart(folds: [Samples.curves(epochs: 3, seed: 0), Samples.curves(epochs: 3, seed: 1)])
            .panels(fold: 1)
        #expect(panels.map(\.title) == ["Fold 2 Accuracy", "Fold 2 Loss"])
        #expect(panels[0].series.map(\.label) == ["Train Acc", "Val Acc"])
        #expect(panels[1].series.map(\.label) == ["Train Loss", "Val Loss"])
        #expect(panels.allSatisfy { $0.xLabel == "Epochs" })
    }

    @Test func melScaleMatchesSlaney() {
        // Slaney's scale is linear below 1 kHz: 1000 Hz is mel 15 exactly, and 6.4 kHz lies 27 mels above it.
        #expect(abs(MelScale.mel(fromHz: 1000) - 15) < 1e-12)
        #expect(abs(MelScale.mel(fromHz: 6400) - 42) < 1e-9)
        #expect(abs(MelScale.hz(fromMel: MelScale.mel(fromHz: 3000)) - 3000) < 1e-9)
    }
}
