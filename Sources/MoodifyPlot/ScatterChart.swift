/// Points coloured by class with a legend (the notebooks' PCA projection, seaborn's `scatterplot` with `hue`).
public struct ScatterChart: Chart {
    /// The points' coordinates.
    public var points: [SIMD2<Double>]
    /// The class of each point.
    public var classes: [String]
    /// The chart title.
    public var title: String
    /// The x axis label.
    public var xLabel = "PC1"
    /// The y axis label.
    public var yLabel = "PC2"
    /// The legend's heading.
    public var legendTitle = "Emotion"
    /// Marker diameter in pixels.
    public var markerSize = 7.0
    /// The image size.
    public var size = PixelSize(width: 800, height: 600)
    /// Text sizes, colours and widths.
    public var style = ChartStyle()

    /// A scatter of `points`, the i-th of class `classes[i]`; classes are coloured and listed in sorted order.
    public init(points: [SIMD2<Double>], classes: [String], title: String = "PCA Projection of Audio Features") throws {
        guard points.count == classes.count else {
            throw PlotError.invalidData(chart: "scatter plot",
                                        reason: "there are \(points.count) points but \(classes.count) class labels")
        }
        self.points = points
        self.classes = classes
        self.title = title
    }

    /// Draws the chart in `frame`.
    public func draw(on canvas: inout Canvas, in frame: Rect, font: Font) {
        let names = Array(Set(classes)).sorted()
        var colorOf: [String: Color] = [:]
        for (index, name) in names.enumerated() { colorOf[name] = Palette.color(index, in: Palette.deep) }
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        let (xLow, xHigh) = LineChart.padded(finite.map(\.x), margin: 0.05)
        let (yLow, yHigh) = LineChart.padded(finite.map(\.y), margin: 0.05)
        // The legend sits outside the plot, on the right, so that it never hides points.
        let legend = Legend(entries: names.map { ($0, colorOf[$0] ?? .black) }, symbol: .marker, title: legendTitle)
        let maxLabel = max(40, frame.width * 0.2)
        let legendWidth = legend.size(maxLabel: maxLabel, style: style, font: font).width
        let layout = AxesLayout(
            frame: frame, title: title,
            x: AxisSpec(label: xLabel, low: xLow, high: xHigh, ticks: .numeric(.plain, minimumStep: 0), grid: true),
            y: AxisSpec(label: yLabel, low: yLow, high: yHigh, ticks: .numeric(.plain, minimumStep: 0), grid: true),
            rightReserve: legendWidth + 16, style: style, font: font)
        layout.drawGrid(on: &canvas)
        canvas.setClip(layout.plot)
        for (point, name) in zip(points, classes) {
            let pixel = Point(x: layout.xPixel(point.x), y: layout.yPixel(point.y))
            canvas.drawMarker(.circle, at: pixel, size: markerSize, color: colorOf[name] ?? .black, edge: .white,
                              edgeWidth: 0.75)
        }
        canvas.setClip(nil)
        layout.drawAxes(on: &canvas, font: font)
        legend.draw(at: Point(x: layout.plot.maxX + 16, y: layout.plot.minY), maxLabel: maxLabel, on: &canvas,
                    style: style, font: font)
    }
}
