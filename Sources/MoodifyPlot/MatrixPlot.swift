/// Draws a matrix of values as coloured cells, with optional numbers in the cells and a colour bar: the shared
/// core of the confusion matrix and the correlation heatmap (seaborn's `heatmap`).
struct MatrixPlot {
    /// The values, row by row (row 0 drawn at the top).
    var values: [[Double]]
    /// Labels of the rows (y axis).
    var rowLabels: [String]
    /// Labels of the columns (x axis).
    var columnLabels: [String]
    /// The colour scale.
    var map: ColorMap
    /// The value at the bottom of the colour scale.
    var low: Double
    /// The value at the top of the colour scale.
    var high: Double
    /// The text written in each cell, row by row; empty for none.
    var annotations: [[String]] = []
    /// The x axis label.
    var xLabel: String
    /// The y axis label.
    var yLabel: String
    /// Square cells.
    var square: Bool

    /// Draws the matrix chart with `title` in `frame`.
    func draw(title: String, on canvas: inout Canvas, in frame: Rect, style: ChartStyle, font: Font) {
        let rows = values.count, columns = values.first?.count ?? 0
        let bar = ColorBar(map: map, low: low, high: high, length: frame.height * 0.7, style: style, font: font)
        let x = AxisSpec(label: xLabel, low: 0, high: Double(max(columns, 1)), ticks: .categories(columnLabels))
        let y = AxisSpec(label: yLabel, low: 0, high: Double(max(rows, 1)), ticks: .categories(rowLabels), inverted: true)
        var layout = AxesLayout(frame: frame, title: title, x: x, y: y,
                                rightReserve: bar.reserve(style: style),
                                square: square, style: style, font: font)
        layout.spines = false
        guard rows > 0, columns > 0 else {
            layout.drawAxes(on: &canvas, font: font)
            return
        }
        var cells: [Color] = []
        cells.reserveCapacity(rows * columns)
        for row in values {
            for value in row {
                cells.append(value.isFinite ? map.color(of: value, low: low, high: high) : style.background)
            }
        }
        let area = PixelBounds(covering: layout.plot)
        canvas.drawCells(cells, columns: columns, rows: rows, into: area)
        if !annotations.isEmpty {
            drawAnnotations(cells: cells, layout: layout, on: &canvas, style: style, font: font)
        }
        layout.drawAxes(on: &canvas, font: font)
        bar.draw(beside: layout.plot, on: &canvas, style: style, font: font)
    }

    /// Writes each cell's annotation centred in it, dark on light cells and white on dark ones, at a size
    /// that fits the smallest cell.
    private func drawAnnotations(cells: [Color], layout: AxesLayout, on canvas: inout Canvas, style: ChartStyle,
                                 font: Font) {
        let rows = values.count, columns = values[0].count
        let cellWidth = layout.plot.width / Double(columns), cellHeight = layout.plot.height / Double(rows)
        let widest = annotations.joined().map { font.measure($0, size: 10).width }.max() ?? 0
        // Text scales linearly with size: fit the widest annotation in 80 % of a cell, capped at the label size.
        var size = min(style.labelSize, cellHeight * 0.45)
        if widest > 0 { size = min(size, 10 * cellWidth * 0.8 / widest) }
        guard size >= 6 else { return }
        for row in 0..<min(rows, annotations.count) {
            for column in 0..<min(columns, annotations[row].count) {
                let center = Point(x: layout.plot.minX + (Double(column) + 0.5) * cellWidth,
                                   y: layout.plot.minY + (Double(row) + 0.5) * cellHeight)
                canvas.drawText(annotations[row][column], at: center, font: font, size: size,
                                color: cells[row * columns + column].readableTextColor, anchor: .center)
            }
        }
    }
}
