import Foundation
import Testing
@testable import MoodifyPlot

/// Renders each chart on fixed data and compares the decoded PNG with the committed reference in `Reference/`.
///
/// Tolerance: a pixel matches when every channel is within 2 of the reference, and at most 1.5 % of the
/// pixels may differ by more. Shapes, fills and colour scales are computed here in deterministic float
/// arithmetic and reproduce exactly; the budget is for glyph edges, which another FreeType release may
/// hint or anti-alias slightly differently (text covers roughly 3–6 % of these images, and a changed
/// rasteriser moves only part of its edge pixels). Set MOODIFY_PLOT_UPDATE_REFERENCE=1 to rewrite the
/// references after a deliberate change, then look at them.
struct ChartReferenceTests {
    static let tolerance = 2
    static let budget = 0.015

    /// Renders `chart`, checks its PNG framing, compares it with reference `name` and returns the decoded image.
    @discardableResult
    private func check(_ chart: any Chart, _ name: String) throws -> DecodedImage {
        let font = try Support.font()
        let png = try chart.pngData(font: font)
        let image = try PNGCodec.decode(png)
        #expect(image.width == chart.size.width && image.height == chart.size.height)
        #expect(PNGChunks.textEntries(png).map(\.text) == ["Moodify", chart.title])
        #expect(png == (try chart.pngData(font: font)), "the same chart must encode to the same bytes")
        if Support.updating {
            try FileManager.default.createDirectory(at: Support.sourceReferences, withIntermediateDirectories: true)
            try Data(png).write(to: Support.sourceReferences.appendingPathComponent(name))
            return image
        }
        let reference = try PNGCodec.decode(try Support.reference(name))
        try #require(reference.width == image.width && reference.height == image.height, "size of \(name)")
        let difference = Support.difference(image, reference, tolerance: Self.tolerance)
        #expect(difference.share <= Self.budget,
                "\(name): \(difference.share * 100)% of pixels differ by more than \(Self.tolerance) (largest \(difference.largest))")
        return image
    }

    /// The upper middle strip where a chart's title is drawn.
    private func titleStrip(_ image: DecodedImage) -> Rect {
        Rect(x: Double(image.width) * 0.3, y: 8, width: Double(image.width) * 0.4, height: 22)
    }

    @Test func history() throws {
        var chart = HistoryChart(folds: [Samples.curves(epochs: 100, seed: 0)]).figure(fold: 0)
        chart.size = PixelSize(width: 800, height: 300)
        let image = try check(chart, "history.png")
        // Both panel titles, the shared "Epochs" labels and the left y label carry ink.
        #expect(Support.darkPixels(image, in: Rect(x: 100, y: 8, width: 200, height: 22)) > 40)
        #expect(Support.darkPixels(image, in: Rect(x: 500, y: 8, width: 200, height: 22)) > 40)
        #expect(Support.darkPixels(image, in: Rect(x: 150, y: 270, width: 150, height: 25)) > 30)
        #expect(Support.darkPixels(image, in: Rect(x: 8, y: 100, width: 20, height: 100)) > 30)
        // The training curve is matplotlib's C0 blue and the validation curve C1 orange.
        #expect(Support.countPixels(image, in: Rect(x: 0, y: 0, width: 400, height: 300)) { $0 == Palette.tab10[0] } > 100)
        #expect(Support.countPixels(image, in: Rect(x: 0, y: 0, width: 400, height: 300)) { $0 == Palette.tab10[1] } > 100)
    }

    @Test func confusion() throws {
        var chart = try ConfusionMatrixChart(counts: Samples.confusion, labels: Samples.emotions)
        chart.size = PixelSize(width: 480, height: 360)
        let image = try check(chart, "confusion.png")
        #expect(Support.darkPixels(image, in: titleStrip(image)) > 40)
        // The top-left cell (201, the darkest blue) carries white digits; a pale cell carries dark ones.
        let font = try Support.font()
        var layoutCanvas = Canvas(width: 480, height: 360)
        chart.draw(on: &layoutCanvas, in: layoutCanvas.bounds, font: font)
        let x = AxisSpec(label: "Predicted", low: 0, high: 6, ticks: .categories(Samples.emotions))
        let y = AxisSpec(label: "True", low: 0, high: 6, ticks: .categories(Samples.emotions), inverted: true)
        let bar = ColorBar(map: .blues, low: 0, high: 201, length: 360 * 0.7, style: chart.style, font: font)
        let layout = AxesLayout(frame: layoutCanvas.bounds, title: chart.title, x: x, y: y,
                                rightReserve: bar.reserve(style: chart.style),
                                style: chart.style, font: font)
        let cellWidth = layout.plot.width / 6, cellHeight = layout.plot.height / 6
        let darkCell = Rect(x: layout.plot.minX, y: layout.plot.minY, width: cellWidth, height: cellHeight)
        let paleCell = Rect(x: layout.plot.minX + 5 * cellWidth, y: layout.plot.minY, width: cellWidth, height: cellHeight)
        #expect(Support.countPixels(image, in: darkCell) { $0.relativeLuminance > 0.8 } > 15)
        #expect(Support.darkPixels(image, in: paleCell) > 8)
        // No dark grey (text-coloured) ink on the dark cell: its digits are white.
        let greyInk = Support.countPixels(image, in: darkCell) { c in
            let channels = [Int(c.red), Int(c.green), Int(c.blue)]
            return channels.max()! - channels.min()! < 12 && c.red < 100
        }
        #expect(greyInk == 0)
    }

    @Test func theBudgetCatchesAChangedChart() throws {
        guard !Support.updating else { return }
        var counts = Samples.confusion
        counts[0][0] = 90
        var chart = try ConfusionMatrixChart(counts: counts, labels: Samples.emotions)
        chart.size = PixelSize(width: 480, height: 360)
        let image = try PNGCodec.decode(try chart.pngData(font: Support.font()))
        let reference = try PNGCodec.decode(try Support.reference("confusion.png"))
        // One changed count recolours the cell, the colour bar's scale and every cell's shade: far beyond the budget.
        #expect(Support.difference(image, reference, tolerance: Self.tolerance).share > Self.budget)
    }

    @Test func normalisedConfusion() throws {
        var chart = try ConfusionMatrixChart(counts: Samples.confusion, labels: Samples.longNames, normalize: true)
        chart.size = PixelSize(width: 480, height: 360)
        try check(chart, "confusion_normalized.png")
    }

    @Test func bar() throws {
        var chart = try BarChart(categories: Samples.emotions, values: [1271, 1271, 1271, 1271, 1087, 1271])
        chart.size = PixelSize(width: 480, height: 320)
        let image = try check(chart, "bar.png")
        #expect(Support.darkPixels(image, in: titleStrip(image)) > 40)
        // Each bar is drawn in its pastel colour.
        for colour in Palette.pastel.prefix(6) {
            #expect(Support.countPixels(image, in: Rect(x: 0, y: 0, width: 480, height: 320)) { $0 == colour } > 500)
        }
    }

    @Test func heatmap() throws {
        var chart = try HeatmapChart(matrix: Samples.correlation(12))
        chart.size = PixelSize(width: 480, height: 400)
        let image = try check(chart, "heatmap.png")
        #expect(Support.darkPixels(image, in: titleStrip(image)) > 40)
        // The diagonal is +1: the warm end of the scale.
        let warm = ColorMap.coolwarm.stops.last!
        #expect(Support.countPixels(image, in: Rect(x: 0, y: 0, width: 480, height: 400)) { $0 == warm } > 300)
    }

    @Test func scatter() throws {
        let (points, classes) = Samples.clusters(perClass: 10)
        var chart = try ScatterChart(points: points, classes: classes)
        chart.size = PixelSize(width: 480, height: 360)
        let image = try check(chart, "scatter.png")
        #expect(Support.darkPixels(image, in: titleStrip(image)) > 40)
    }

    @Test func spectrogram() throws {
        var chart = try SpectrogramChart(values: Samples.melDB(bins: 64, frames: 80),
                                         frequencyAxis: .mel(minHz: 0, maxHz: 8000), sampleRate: 16000,
                                         hopLength: 256)
        chart.size = PixelSize(width: 560, height: 260)
        let image = try check(chart, "spectrogram.png")
        #expect(Support.darkPixels(image, in: titleStrip(image)) > 40)
        // The loudest cells reach the top of the magma scale.
        let top = ColorMap.magma.stops.last!
        #expect(Support.countPixels(image, in: Rect(x: 0, y: 0, width: 560, height: 260)) { $0 == top } > 0)
    }
}
