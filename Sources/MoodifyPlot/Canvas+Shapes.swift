/// The shape drawn at each data point of a line or scatter series.
public enum MarkerShape: Sendable, Hashable {
    /// A filled disc.
    case circle
    /// A filled square standing on its side.
    case square
}

extension Canvas {
    /// Strokes the polyline through `points` with round joins and caps, anti-aliased.
    ///
    /// Non-finite points break the line. Overlapping segments do not darken each other: the coverage of
    /// the whole line is gathered first and composited once.
    public mutating func strokePolyline(_ points: [Point], width lineWidth: Double, color: Color) {
        guard lineWidth > 0, !points.isEmpty else { return }
        let half = max(lineWidth, 1) / 2
        let strength = Float(min(lineWidth, 1))
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for p in points where p.x.isFinite && p.y.isFinite {
            minX = min(minX, p.x); maxX = max(maxX, p.x)
            minY = min(minY, p.y); maxY = max(maxY, p.y)
        }
        guard minX <= maxX else { return }
        let outer = Rect(x: minX - half - 1, y: minY - half - 1, width: maxX - minX + 2 * half + 2,
                         height: maxY - minY + 2 * half + 2)
        let bounds = PixelBounds(covering: outer).intersection(clip)
        guard !bounds.isEmpty else { return }
        var mask = CoverageMask(bounds: bounds)
        let mw = bounds.x1 - bounds.x0
        mask.values.withUnsafeMutableBufferPointer { cover in
            for i in points.indices {
                let a = points[i]
                let b = i + 1 < points.count ? points[i + 1] : a
                guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { continue }
                if i + 1 < points.count || points.count == 1 {
                    Self.coverSegment(a, b, half: half, strength: strength, bounds: bounds, width: mw, cover: cover)
                }
            }
        }
        composite(mask, color: color)
    }

    /// Raises the mask's coverage to that of the capsule around segment a–b.
    private static func coverSegment(_ a: Point, _ b: Point, half: Double, strength: Float,
                                     bounds: PixelBounds, width mw: Int, cover: UnsafeMutableBufferPointer<Float>) {
        let box = PixelBounds(covering: Rect(x: min(a.x, b.x) - half - 1, y: min(a.y, b.y) - half - 1,
                                             width: abs(b.x - a.x) + 2 * half + 2,
                                             height: abs(b.y - a.y) + 2 * half + 2)).intersection(bounds)
        guard !box.isEmpty else { return }
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        for y in box.y0..<box.y1 {
            let py = Double(y) + 0.5
            let row = (y - bounds.y0) * mw - bounds.x0
            for x in box.x0..<box.x1 {
                let px = Double(x) + 0.5
                var t = lengthSquared > 0 ? ((px - a.x) * dx + (py - a.y) * dy) / lengthSquared : 0
                t = min(max(t, 0), 1)
                let ex = px - (a.x + t * dx), ey = py - (a.y + t * dy)
                let distance = (ex * ex + ey * ey).squareRoot()
                let c = Float(min(max(half + 0.5 - distance, 0), 1)) * strength
                if c > cover[row + x] { cover[row + x] = c }
            }
        }
    }

    /// Draws a horizontal or vertical line exactly one or more whole pixels thick (crisp grid lines, spines, ticks).
    ///
    /// The line covers rows (or columns) starting at the pixel containing the given coordinate.
    public mutating func crispLine(from a: Point, to b: Point, width lineWidth: Int = 1, color: Color) {
        if a.y == b.y {
            let y = Int(a.y.rounded(.down))
            fillPixels(PixelBounds(x0: Int(min(a.x, b.x).rounded()), y0: y, x1: Int(max(a.x, b.x).rounded()),
                                   y1: y + lineWidth), color: color)
        } else if a.x == b.x {
            let x = Int(a.x.rounded(.down))
            fillPixels(PixelBounds(x0: x, y0: Int(min(a.y, b.y).rounded()), x1: x + lineWidth,
                                   y1: Int(max(a.y, b.y).rounded())), color: color)
        } else {
            strokePolyline([a, b], width: Double(lineWidth), color: color)
        }
    }

    /// Draws a filled marker of the given size (diameter or side in pixels), optionally with an outline.
    public mutating func drawMarker(_ shape: MarkerShape, at center: Point, size: Double, color: Color,
                                    edge: Color? = nil, edgeWidth: Double = 1) {
        guard center.x.isFinite, center.y.isFinite, size > 0 else { return }
        switch shape {
        case .circle:
            if let edge {
                fillDisc(center: center, radius: size / 2, color: edge)
                fillDisc(center: center, radius: max(0, size / 2 - edgeWidth), color: color)
            } else {
                fillDisc(center: center, radius: size / 2, color: color)
            }
        case .square:
            let outer = Rect(x: center.x - size / 2, y: center.y - size / 2, width: size, height: size)
            if let edge {
                fill(outer, color: edge)
                fill(outer.inset(top: edgeWidth, left: edgeWidth, bottom: edgeWidth, right: edgeWidth), color: color)
            } else {
                fill(outer, color: color)
            }
        }
    }

    /// Fills a disc, anti-aliased at its rim.
    public mutating func fillDisc(center: Point, radius: Double, color: Color) {
        guard radius > 0 else { return }
        let area = PixelBounds(covering: Rect(x: center.x - radius - 1, y: center.y - radius - 1,
                                              width: 2 * radius + 2, height: 2 * radius + 2)).intersection(clip)
        guard !area.isEmpty, color.alpha > 0 else { return }
        let ink = Ink(color)
        let w = width
        // Discs smaller than a pixel fade instead of vanishing.
        let strength = Float(min(2 * radius, 1))
        let r = max(radius, 0.5)
        rgba.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            for y in area.y0..<area.y1 {
                let dy = Double(y) + 0.5 - center.y
                for x in area.x0..<area.x1 {
                    let dx = Double(x) + 0.5 - center.x
                    let c = min(max(r + 0.5 - (dx * dx + dy * dy).squareRoot(), 0), 1)
                    if c > 0 { ink.blend(into: base + (y * w + x) * 4, coverage: Float(c) * strength) }
                }
            }
        }
    }

    /// Draws the outline of `rect` one pixel wide, on the whole pixels just inside it.
    public mutating func strokeRect(_ rect: Rect, color: Color) {
        let b = PixelBounds(covering: rect)
        fillPixels(PixelBounds(x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y0 + 1), color: color)
        fillPixels(PixelBounds(x0: b.x0, y0: b.y1 - 1, x1: b.x1, y1: b.y1), color: color)
        fillPixels(PixelBounds(x0: b.x0, y0: b.y0 + 1, x1: b.x0 + 1, y1: b.y1 - 1), color: color)
        fillPixels(PixelBounds(x0: b.x1 - 1, y0: b.y0 + 1, x1: b.x1, y1: b.y1 - 1), color: color)
    }
}
