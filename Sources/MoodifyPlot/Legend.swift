/// How a legend entry shows its series.
enum LegendSymbol {
    /// A short line (line charts).
    case line
    /// A marker (scatter charts).
    case marker
}

/// A boxed key naming each series by its colour: inside the plot corner that hides the fewest data points, or at a
/// given place.
struct Legend {
    /// The entries: label and colour.
    var entries: [(label: String, color: Color)]
    /// How each entry's colour is shown.
    var symbol: LegendSymbol
    /// A heading above the entries; empty for none.
    var title: String = ""

    private static let symbolWidth = 24.0
    private static let inset = 8.0

    /// The legend's size with its labels shortened to at most `maxLabel` pixels, and its row height.
    func size(maxLabel: Double, style: ChartStyle, font: Font) -> (width: Double, height: Double, row: Double) {
        let row = font.measure("0", size: style.legendSize).height + 3
        let widest = entries.map { min(maxLabel, font.measure($0.label, size: style.legendSize).width) }.max() ?? 0
        let titleWidth = title.isEmpty ? 0 : min(maxLabel + Self.symbolWidth, font.measure(title, size: style.legendSize).width)
        let width = max(Self.symbolWidth + 6 + widest, titleWidth) + 2 * Self.inset
        let height = Double(entries.count + (title.isEmpty ? 0 : 1)) * row + 2 * Self.inset - 3
        return (width.rounded(.up), height.rounded(.up), row)
    }

    /// Draws the legend with its top-left corner at `origin`, labels at most `maxLabel` pixels wide.
    func draw(at origin: Point, maxLabel: Double, on canvas: inout Canvas, style: ChartStyle, font: Font) {
        let (width, height, _) = size(maxLabel: maxLabel, style: style, font: font)
        drawBox(Rect(x: origin.x.rounded(), y: origin.y.rounded(), width: width, height: height), maxLabel: maxLabel,
                on: &canvas, style: style, font: font)
    }

    /// Draws the legend inside `plot`, in the corner where it covers the fewest of `points`.
    func draw(in plot: Rect, avoiding points: [Point], on canvas: inout Canvas, style: ChartStyle, font: Font) {
        guard !entries.isEmpty else { return }
        let maxLabel = max(40, plot.width * 0.45 - Self.symbolWidth - 6 - 2 * Self.inset)
        let (width, height, _) = size(maxLabel: maxLabel, style: style, font: font)
        let margin = 8.0
        let corners = [
            Rect(x: plot.maxX - margin - width, y: plot.minY + margin, width: width, height: height),  // upper right
            Rect(x: plot.minX + margin, y: plot.minY + margin, width: width, height: height),          // upper left
            Rect(x: plot.minX + margin, y: plot.maxY - margin - height, width: width, height: height), // lower left
            Rect(x: plot.maxX - margin - width, y: plot.maxY - margin - height, width: width, height: height),
        ].map { Rect(x: $0.x.rounded(), y: $0.y.rounded(), width: $0.width.rounded(), height: $0.height.rounded()) }
        var best = corners[0]
        var fewest = Int.max
        for corner in corners {
            let covered = points.reduce(0) { $0 + (corner.contains($1) ? 1 : 0) }
            if covered < fewest {
                fewest = covered
                best = corner
            }
        }
        drawBox(best, maxLabel: maxLabel, on: &canvas, style: style, font: font)
    }

    /// Draws the box, title and entries in `box`.
    private func drawBox(_ box: Rect, maxLabel: Double, on canvas: inout Canvas, style: ChartStyle, font: Font) {
        let row = size(maxLabel: maxLabel, style: style, font: font).row
        canvas.fill(box, color: Color.white.withAlpha(0.85))
        canvas.strokeRect(box, color: Color(hex: 0xcccccc))
        var top = box.minY + Self.inset
        let textX = box.minX + Self.inset + Self.symbolWidth + 6
        if !title.isEmpty {
            let text = font.truncated(title, size: style.legendSize, maxWidth: box.width - 2 * Self.inset)
            canvas.drawText(text, at: Point(x: box.midX, y: top), font: font, size: style.legendSize,
                            color: style.textColor, anchor: TextAnchor(.center, .top))
            top += row
        }
        for entry in entries {
            let middle = (top + (row - 3) / 2).rounded(.down) + 0.5
            let symbolLeft = box.minX + Self.inset
            switch symbol {
            case .line:
                canvas.strokePolyline([Point(x: symbolLeft, y: middle), Point(x: symbolLeft + Self.symbolWidth, y: middle)],
                                      width: style.lineWidth, color: entry.color)
            case .marker:
                canvas.drawMarker(.circle, at: Point(x: symbolLeft + Self.symbolWidth / 2, y: middle), size: 9,
                                  color: entry.color, edge: .white, edgeWidth: 0.75)
            }
            let text = font.truncated(entry.label, size: style.legendSize, maxWidth: maxLabel)
            canvas.drawText(text, at: Point(x: textX, y: top), font: font, size: style.legendSize,
                            color: style.textColor, anchor: TextAnchor(.left, .top))
            top += row
        }
    }
}
