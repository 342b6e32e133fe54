/// A vertical colour scale key drawn to the right of a chart's plot area.
struct ColorBar {
    /// The colour scale.
    let map: ColorMap
    /// The value at the bottom of the bar.
    let low: Double
    /// The value at the top of the bar.
    let high: Double
    /// The ticks (fractions of the bar from the bottom) and their labels.
    private let ticks: [(offset: Double, label: String)]
    /// The widest tick label in pixels.
    private let widestLabel: Double

    /// Gap between the plot and the bar.
    static let gap = 20.0
    /// The bar's width.
    static let barWidth = 18.0

    /// A bar for `low…high` on `map` whose ticks are chosen for a bar about `length` pixels tall; the same
    /// ticks serve layout and drawing, so the space reserved always fits the labels drawn.
    init(map: ColorMap, low: Double, high: Double, format: TickFormat = .plain, length: Double, style: ChartStyle,
         font: Font) {
        self.map = map
        self.low = low
        self.high = high
        let axis = AxisSpec(label: "", low: low, high: high, ticks: .numeric(format, minimumStep: 0))
        ticks = AxesLayout.resolve(axis, length: length, horizontal: false, maxLabel: 200, style: style, font: font)
            .map { ($0.offset, $0.label) }
        widestLabel = ticks.map { font.measure($0.label, size: style.tickSize).width }.max() ?? 0
    }

    /// Pixels to keep free on the right of the plot for the bar and its ticks.
    func reserve(style: ChartStyle) -> Double {
        Self.gap + Self.barWidth + style.tickLength + 4 + widestLabel
    }

    /// Draws the bar beside `plot` (same height) with its ticks.
    func draw(beside plot: Rect, on canvas: inout Canvas, style: ChartStyle, font: Font) {
        let bar = Rect(x: plot.maxX + Self.gap, y: plot.minY, width: Self.barWidth, height: plot.height)
        let rows = max(1, Int(bar.height))
        var cells: [Color] = []
        cells.reserveCapacity(rows)
        for row in 0..<rows {
            cells.append(map.color(at: 1 - (Double(row) + 0.5) / Double(rows)))
        }
        canvas.drawCells(cells, columns: 1, rows: rows, into: PixelBounds(covering: bar))
        canvas.strokeRect(Rect(x: bar.minX - 1, y: bar.minY - 1, width: bar.width + 2, height: bar.height + 2),
                          color: style.spineColor)
        for (offset, text) in ticks {
            let row = (bar.maxY - offset * bar.height).rounded(.down)
            canvas.crispLine(from: Point(x: bar.maxX + 1, y: row), to: Point(x: bar.maxX + 1 + style.tickLength, y: row),
                             color: style.spineColor)
            canvas.drawText(text, at: Point(x: bar.maxX + style.tickLength + 4, y: row + 0.5), font: font,
                            size: style.tickSize, color: style.textColor, anchor: TextAnchor(.left, .middle))
        }
    }
}
