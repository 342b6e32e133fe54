/// Where the ticks of an axis come from.
enum TickSource: Sendable {
    /// Nice 1-2-5 ticks over the axis range, no finer than `minimumStep` (0: no limit).
    case numeric(TickFormat, minimumStep: Double)
    /// One tick per category, centred on cell `i` (the range `i…i+1`); thinned when crowded.
    case categories([String])
    /// Ticks at chosen values with chosen labels, in priority order; thinned when crowded.
    case fixed([Double], [String])
}

/// One axis of a chart: its label, data range and tick source.
struct AxisSpec: Sendable {
    /// The axis title ("Epochs", "Count"); empty for none.
    var label: String
    /// The data value at the left (x) or bottom (y) end; at the top for an inverted y axis.
    var low: Double
    /// The data value at the other end.
    var high: Double
    /// Where the ticks come from.
    var ticks: TickSource
    /// Draw grid lines across the plot at this axis's ticks.
    var grid = false
    /// For y axes: `low` at the top (matrix rows read downwards).
    var inverted = false
}

/// A tick mark resolved to a pixel position.
struct Tick {
    /// Pixel column (x axis) or row (y axis) of the tick.
    var position: Double
    /// The tick's label.
    var label: String
}

/// A chart's plotting rectangle with its axes laid out around it inside a frame, so that no label overlaps
/// another or leaves the frame.
struct AxesLayout {
    /// The whole area given to the chart.
    var frame: Rect
    /// The data area, on whole pixels.
    var plot: Rect
    /// The horizontal axis.
    var x: AxisSpec
    /// The vertical axis.
    var y: AxisSpec
    /// Resolved x ticks.
    var xTicks: [Tick] = []
    /// Resolved y ticks.
    var yTicks: [Tick] = []
    /// Whether x tick labels are turned upward (crowded categories).
    var xLabelsUpward = false
    /// The title, shortened to fit.
    var title: String
    /// Draw a frame around the plot area.
    var spines = true
    private let style: ChartStyle

    /// Lays out a chart with `title` and axes `x`, `y` in `frame`, keeping `rightReserve` pixels free on the
    /// right (colour bar) and making the plot square when asked.
    init(frame: Rect, title: String, x: AxisSpec, y: AxisSpec, rightReserve: Double = 0, square: Bool = false,
         style: ChartStyle, font: Font) {
        self.frame = frame
        self.x = x
        self.y = y
        self.style = style
        let pad = style.padding
        self.title = font.truncated(title, size: style.titleSize, maxWidth: frame.width - 2 * pad)
        let tickLine = font.measure("0", size: style.tickSize).height
        let labelLine = font.measure("0", size: style.labelSize).height
        let titleHeight = title.isEmpty ? 0 : font.measure(title, size: style.titleSize).height + 8
        let xLabelHeight = x.label.isEmpty ? 0 : labelLine + 6
        let yLabelWidth = y.label.isEmpty ? 0 : labelLine + 8
        let marks = style.tickLength + 3
        let top = (frame.minY + pad + titleHeight).rounded()
        var xTickHeight = tickLine
        var rightOverhang = 0.0
        plot = frame
        for _ in 0..<3 {
            let bottom = (frame.maxY - pad - xLabelHeight - marks - xTickHeight).rounded()
            var height = max(1, bottom - top)
            let yResolved = Self.resolve(y, length: height, horizontal: false, maxLabel: 0.3 * frame.width,
                                         style: style, font: font)
            let yTickWidth = yResolved.map { font.measure($0.label, size: style.tickSize).width }.max() ?? 0
            let left = (frame.minX + pad + yLabelWidth + yTickWidth + marks).rounded()
            let right = (frame.maxX - pad - max(rightReserve, rightOverhang)).rounded()
            var width = max(1, right - left)
            var originX = left, originY = top
            if square {
                let side = min(width, height)
                originX = left + ((width - side) / 2).rounded(.down)
                originY = top + ((height - side) / 2).rounded(.down)
                width = side
                height = side
            }
            plot = Rect(x: originX, y: originY, width: width, height: height)
            let xResolved = Self.resolve(x, length: width, horizontal: true, maxLabel: 0.3 * frame.height,
                                         style: style, font: font)
            xLabelsUpward = xResolved.first?.upward ?? false
            let widths = xResolved.map { font.measure($0.label, size: style.tickSize).width }
            xTickHeight = xLabelsUpward ? (widths.max() ?? tickLine) : tickLine
            if !xLabelsUpward, let last = xResolved.last, let lastWidth = widths.last {
                let reach = originX + last.offset * width + lastWidth / 2 - (frame.maxX - pad)
                if reach > 0 { rightOverhang = max(rightReserve, rightOverhang) + reach + 1 }
            }
            xTicks = xResolved.map { Tick(position: originX + $0.offset * width, label: $0.label) }
            yTicks = yResolved.map { resolved in
                Tick(position: y.inverted ? originY + resolved.offset * height : originY + height - resolved.offset * height,
                     label: resolved.label)
            }
        }
    }

    /// The pixel column of x value `v`.
    func xPixel(_ v: Double) -> Double {
        plot.minX + (v - x.low) / (x.high - x.low) * plot.width
    }

    /// The pixel row of y value `v`.
    func yPixel(_ v: Double) -> Double {
        let t = (v - y.low) / (y.high - y.low)
        return y.inverted ? plot.minY + t * plot.height : plot.maxY - t * plot.height
    }

    /// Grid lines, drawn before the data.
    func drawGrid(on canvas: inout Canvas) {
        if x.grid {
            for tick in xTicks {
                let column = tick.position.rounded(.down)
                canvas.crispLine(from: Point(x: column, y: plot.minY), to: Point(x: column, y: plot.maxY),
                                 color: style.gridColor)
            }
        }
        if y.grid {
            for tick in yTicks {
                let row = tick.position.rounded(.down)
                canvas.crispLine(from: Point(x: plot.minX, y: row), to: Point(x: plot.maxX, y: row),
                                 color: style.gridColor)
            }
        }
    }

    /// Frame, ticks, tick labels, axis labels and title, drawn after the data.
    func drawAxes(on canvas: inout Canvas, font: Font) {
        let ink = style.textColor
        if spines {
            canvas.strokeRect(Rect(x: plot.minX - 1, y: plot.minY - 1, width: plot.width + 2, height: plot.height + 2),
                              color: style.spineColor)
        }
        let below = plot.maxY + 1
        for tick in xTicks {
            let column = tick.position.rounded(.down)
            canvas.crispLine(from: Point(x: column, y: below), to: Point(x: column, y: below + style.tickLength),
                             color: style.spineColor)
            let at = Point(x: column + 0.5, y: below + style.tickLength + 3)
            if xLabelsUpward {
                canvas.drawText(tick.label, at: at, font: font, size: style.tickSize, color: ink,
                                anchor: TextAnchor(.center, .top), direction: .upward)
            } else {
                canvas.drawText(tick.label, at: at, font: font, size: style.tickSize, color: ink,
                                anchor: TextAnchor(.center, .top))
            }
        }
        let leftEdge = plot.minX - 1
        for tick in yTicks {
            let row = tick.position.rounded(.down)
            canvas.crispLine(from: Point(x: leftEdge - style.tickLength, y: row), to: Point(x: leftEdge, y: row),
                             color: style.spineColor)
            canvas.drawText(tick.label, at: Point(x: leftEdge - style.tickLength - 3, y: row + 0.5), font: font,
                            size: style.tickSize, color: ink, anchor: TextAnchor(.right, .middle))
        }
        let pad = style.padding
        if !x.label.isEmpty {
            let text = font.truncated(x.label, size: style.labelSize, maxWidth: frame.width - 2 * pad)
            canvas.drawText(text, at: Point(x: centred(plot.midX, text, size: style.labelSize, font: font),
                                            y: frame.maxY - pad),
                            font: font, size: style.labelSize, color: ink, anchor: TextAnchor(.center, .bottom))
        }
        if !y.label.isEmpty {
            let text = font.truncated(y.label, size: style.labelSize, maxWidth: frame.height - 2 * pad)
            canvas.drawText(text, at: Point(x: frame.minX + pad, y: plot.midY), font: font, size: style.labelSize,
                            color: ink, anchor: TextAnchor(.left, .middle), direction: .upward)
        }
        if !title.isEmpty {
            canvas.drawText(title, at: Point(x: centred(plot.midX, title, size: style.titleSize, font: font),
                                             y: frame.minY + pad),
                            font: font, size: style.titleSize, color: ink, anchor: TextAnchor(.center, .top))
        }
    }

    /// The centre nearest to `wanted` at which `text` stays inside the frame's padding.
    private func centred(_ wanted: Double, _ text: String, size: Double, font: Font) -> Double {
        let half = font.measure(text, size: size).width / 2
        let low = frame.minX + style.padding + half, high = frame.maxX - style.padding - half
        return low > high ? frame.midX : min(max(wanted, low), high)
    }

    /// The ticks of `axis` as fractions (0…1 from the low end) with labels, thinned so that labels
    /// `length` pixels apart do not overlap; `upward` tells whether x labels must be turned.
    static func resolve(_ axis: AxisSpec, length: Double, horizontal: Bool, maxLabel: Double,
                        style: ChartStyle, font: Font) -> [(offset: Double, label: String, upward: Bool)] {
        let range = axis.high - axis.low
        guard range > 0, length > 0 else { return [] }
        let lineHeight = font.measure("0", size: style.tickSize).height
        func width(_ s: String) -> Double { font.measure(s, size: style.tickSize).width }
        switch axis.ticks {
        case .numeric(let format, let minimumStep):
            // Start from ticks about 60 px (x) or three text heights (y, as matplotlib) apart and widen the
            // step until labels have room.
            let target = horizontal ? 60.0 : 3 * style.tickSize
            var step = NiceTicks.step(atLeast: max(abs(range) * target / length, minimumStep))
            var values: [Double] = []
            var labels: [String] = []
            for _ in 0..<20 {
                values = NiceTicks.values(from: min(axis.low, axis.high), to: max(axis.low, axis.high), step: step)
                labels = values.map { format.label($0, step: step) }
                let need = horizontal ? (labels.map(width).max() ?? 0) + 20 : lineHeight + 12
                if step / abs(range) * length >= need || values.count <= 2 { break }
                step = NiceTicks.step(after: step)
            }
            return zip(values, labels).map { ((($0 - axis.low) / range), $1, false) }
        case .categories(let names):
            guard !names.isEmpty else { return [] }
            let spacing = length / Double(names.count)
            let widest = names.map(width).max() ?? 0
            // Short labels (numbers, codes) stay upright and are thinned; long ones turn when crowded.
            let upward = horizontal && widest + 8 > spacing && widest > 2.5 * lineHeight
            let shown = names.map { font.truncated($0, size: style.tickSize, maxWidth: max(maxLabel, 20)) }
            let need = horizontal && !upward ? widest + 8 : lineHeight + 2
            // Label every 1st, 2nd, 5th, 10th, … category so that the labelled indices are round numbers.
            let every = need > spacing ? Int(NiceTicks.step(atLeast: need / spacing)) : 1
            return shown.indices.filter { $0 % every == 0 }.map {
                ((Double($0) + 0.5 - axis.low) / range, shown[$0], upward)
            }
        case .fixed(let values, let labels):
            let need = horizontal ? (labels.map(width).max() ?? 0) + 8 : lineHeight + 2
            var kept: [(offset: Double, label: String, upward: Bool)] = []
            // Earlier ticks have priority: a tick is kept unless it would crowd one already kept.
            for (value, label) in zip(values, labels) {
                let offset = (value - axis.low) / range
                guard offset >= -1e-9, offset <= 1 + 1e-9 else { continue }
                if kept.contains(where: { abs($0.offset - offset) * length < need }) { continue }
                kept.append((offset, label, false))
            }
            return kept.sorted { $0.offset < $1.offset }
        }
    }
}
