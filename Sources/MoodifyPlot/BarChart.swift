/// Vertical bars, one per category, in seaborn's pastel colours (the notebooks' emotion-distribution count plot).
public struct BarChart: Chart {
    /// The category names, left to right.
    public var categories: [String]
    /// One value (bar height) per category.
    public var values: [Double]
    /// The chart title.
    public var title: String
    /// The x axis label.
    public var xLabel: String
    /// The y axis label.
    public var yLabel: String
    /// The image size.
    public var size = PixelSize(width: 800, height: 500)
    /// Text sizes, colours and widths.
    public var style = ChartStyle()

    /// A bar chart of `values` by `categories`.
    public init(categories: [String], values: [Double], title: String = "Emotion Distribution in Dataset",
                xLabel: String = "Emotion", yLabel: String = "Count") throws {
        guard !categories.isEmpty, categories.count == values.count else {
            throw PlotError.invalidData(chart: "bar chart",
                                        reason: "there are \(categories.count) categories for \(values.count) values")
        }
        self.categories = categories
        self.values = values
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Draws the chart in `frame`.
    public func draw(on canvas: inout Canvas, in frame: Rect, font: Font) {
        let finite = values.filter(\.isFinite)
        let low = min(0, finite.min() ?? 0), high = max(0, finite.max() ?? 1)
        let span = high - low > 0 ? high - low : 1
        let yLow = low < 0 ? low - 0.05 * span : 0, yHigh = high > 0 ? high + 0.05 * span : 0
        let layout = AxesLayout(
            frame: frame, title: title,
            x: AxisSpec(label: xLabel, low: 0, high: Double(categories.count), ticks: .categories(categories)),
            y: AxisSpec(label: yLabel, low: yLow, high: yHigh == yLow ? 1 : yHigh,
                        ticks: .numeric(.plain, minimumStep: 0), grid: true),
            style: style, font: font)
        layout.drawGrid(on: &canvas)
        let zero = layout.yPixel(0)
        for (index, value) in values.enumerated() where value.isFinite {
            let left = layout.xPixel(Double(index) + 0.1), right = layout.xPixel(Double(index) + 0.9)
            let top = layout.yPixel(value)
            canvas.fill(Rect(x: left, y: min(top, zero), width: right - left, height: abs(zero - top)),
                        color: Palette.color(index, in: Palette.pastel))
        }
        layout.drawAxes(on: &canvas, font: font)
    }
}
