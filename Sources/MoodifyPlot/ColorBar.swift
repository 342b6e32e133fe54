/// A vertical colour scale key drawn to the right of a chart's plot area.
struct ColorBar {
    /// The colour scale.
    var map: ColorMap
    /// The value at the bottom of the bar.
    var low: Double
    /// The value at the top of the bar.
    var high: Double
    /// The label beside the bar (turned upward); empty for none.
    var label: String = ""
    /// How tick labels are written.
    var format: TickFormat = .plain

    /// Gap between the plot and the bar.
    static let gap = 20.0
    /// The bar's width.
    static let barWidth = 18.0

    /// The widest tick label this bar would draw, measured for layout.
    private func tickLabels(length: Double, style: ChartStyle, font: Font) -> [(offset: Double, label: String)] {
        let axis = AxisSpec(label: "", low: low, high: high, ticks: .numeric(format, minimumStep: 0))
        return AxesLayout.resolve(axis, length: length, horizontal: false, maxLabel: 200, style: style, font: font)
            .map { ($0.offset, $0.label) }
    }

    /// Pixels to keep free on the right of the plot for the bar, its ticks and its label.
    func reserve(height: Double, style: ChartStyle, font: Font) -> Double {
        let labels = tickLabels(length: height, style: style, font: font)
        let widest = labels.map { font.measure($0.label, size: style.tickSize).width }.max() ?? 0
        let title = label.isEmpty ? 0 : font.measure("0", size: style.labelSize).height + 8
        return Self.gap + Self.barWidth + style.tickLength + 3 + widest + title
    }

    /// Draws the bar beside `plot` (same height) with ticks and label.
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
        var widest = 0.0
        for (offset, text) in tickLabels(length: bar.height, style: style, font: font) {
            let row = (bar.maxY - offset * bar.height).rounded(.down)
            canvas.crispLine(from: Point(x: bar.maxX + 1, y: row), to: Point(x: bar.maxX + 1 + style.tickLength, y: row),
                             color: style.spineColor)
            let box = canvas.drawText(text, at: Point(x: bar.maxX + style.tickLength + 4, y: row + 0.5), font: font,
                                      size: style.tickSize, color: style.textColor, anchor: TextAnchor(.left, .middle))
            widest = max(widest, box.width)
        }
        if !label.isEmpty {
            let text = font.truncated(label, size: style.labelSize, maxWidth: bar.height)
            canvas.drawText(text, at: Point(x: bar.maxX + style.tickLength + 4 + widest + 8, y: bar.midY), font: font,
                            size: style.labelSize, color: style.textColor, anchor: TextAnchor(.left, .middle),
                            direction: .upward)
        }
    }
}
