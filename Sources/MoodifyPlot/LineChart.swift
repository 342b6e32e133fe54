/// One line of a line chart.
public struct LineSeries: Sendable, Hashable {
    /// The legend label.
    public var label: String
    /// The y values, one per point.
    public var values: [Double]
    /// The x values; when empty, points are numbered from `firstX`.
    public var xValues: [Double]
    /// The line colour; nil picks the next matplotlib default colour.
    public var color: Color?

    /// A series of `values` at x = `xValues` (or 1, 2, 3, … when empty).
    public init(label: String, values: [Double], xValues: [Double] = [], color: Color? = nil) {
        self.label = label
        self.values = values
        self.xValues = xValues
        self.color = color
    }
}

/// Lines over a shared x axis with grid, legend, axis labels and title (matplotlib's `plt.plot` figure).
public struct LineChart: Chart {
    /// The chart title.
    public var title: String
    /// The x axis label.
    public var xLabel: String
    /// The y axis label.
    public var yLabel: String
    /// The lines, drawn in order.
    public var series: [LineSeries]
    /// The x of the first point of series without explicit x values.
    public var firstX: Double = 1
    /// Ticks on the x axis no closer than this (1 for epochs: no fractional epochs).
    public var minimumXStep: Double = 0
    /// The image size when rendered alone.
    public var size = PixelSize(width: 600, height: 400)
    /// Text sizes, colours and widths.
    public var style = ChartStyle()

    /// A line chart of `series`.
    public init(title: String, xLabel: String, yLabel: String, series: [LineSeries]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    /// The points of series `index` in data coordinates.
    private func points(_ index: Int) -> [(Double, Double)] {
        let line = series[index]
        return line.values.indices.map { i in
            (i < line.xValues.count ? line.xValues[i] : firstX + Double(i), line.values[i])
        }
    }

    /// Draws the chart in `frame`.
    public func draw(on canvas: inout Canvas, in frame: Rect, font: Font) {
        let data = series.indices.map(points)
        let finite = data.joined().filter { $0.0.isFinite && $0.1.isFinite }
        let (xLow, xHigh) = Self.padded(finite.map(\.0), margin: 0.05)
        let (yLow, yHigh) = Self.padded(finite.map(\.1), margin: 0.05)
        let layout = AxesLayout(
            frame: frame, title: title,
            x: AxisSpec(label: xLabel, low: xLow, high: xHigh, ticks: .numeric(.plain, minimumStep: minimumXStep), grid: true),
            y: AxisSpec(label: yLabel, low: yLow, high: yHigh, ticks: .numeric(.plain, minimumStep: 0), grid: true),
            style: style, font: font)
        layout.drawGrid(on: &canvas)
        canvas.setClip(layout.plot)
        var pixels: [Point] = []
        var entries: [(label: String, color: Color)] = []
        for (index, line) in data.enumerated() {
            let color = series[index].color ?? Palette.color(index, in: Palette.tab10)
            let path = line.map { Point(x: layout.xPixel($0.0), y: layout.yPixel($0.1)) }
            canvas.strokePolyline(path, width: style.lineWidth, color: color)
            if path.count == 1 {
                // A lone point has no line to show it: mark it.
                canvas.drawMarker(.circle, at: path[0], size: 3 * style.lineWidth, color: color)
            }
            pixels += path
            if !series[index].label.isEmpty { entries.append((series[index].label, color)) }
        }
        canvas.setClip(nil)
        layout.drawAxes(on: &canvas, font: font)
        Legend(entries: entries, symbol: .line).draw(in: layout.plot, avoiding: pixels, on: &canvas, style: style, font: font)
    }

    /// The range of `values` widened by `margin` of its span on each side (matplotlib's default margins);
    /// a single value or an empty list gets a unit-wide range.
    static func padded(_ values: [Double], margin: Double) -> (Double, Double) {
        guard let low = values.min(), let high = values.max() else { return (0, 1) }
        if high - low <= abs(high) * 1e-12 {
            let half = low == 0 ? 0.5 : abs(low) * 0.05
            return (low - half, high + half)
        }
        let extra = (high - low) * margin
        return (low - extra, high + extra)
    }
}
