/// An RGBA raster: 8 bits per channel, straight (non-premultiplied) alpha, rows top to bottom.
///
/// Drawing composites "source over" in sRGB space with anti-aliasing coverage in 0…1, and is limited to
/// the clip rectangle (the whole canvas by default).
public struct Canvas: Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// The pixels, `width × height × 4` bytes in R, G, B, A order, row by row from the top.
    public internal(set) var rgba: [UInt8]
    /// Pixels outside these bounds are never changed.
    private(set) var clip: PixelBounds

    /// A canvas filled with `background` (opaque white by default).
    public init(width: Int, height: Int, background: Color = .white) {
        precondition(width > 0 && height > 0, "a canvas needs a positive size")
        self.width = width
        self.height = height
        var bytes = [UInt8](repeating: 0, count: width * height * 4)
        for i in stride(from: 0, to: bytes.count, by: 4) {
            bytes[i] = background.red
            bytes[i + 1] = background.green
            bytes[i + 2] = background.blue
            bytes[i + 3] = background.alpha
        }
        rgba = bytes
        clip = PixelBounds(x0: 0, y0: 0, x1: width, y1: height)
    }

    /// The canvas size.
    public var size: PixelSize { PixelSize(width: width, height: height) }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: Double(width), height: Double(height)) }

    /// The colour of one pixel.
    public func pixel(x: Int, y: Int) -> Color {
        let i = (y * width + x) * 4
        return Color(red: rgba[i], green: rgba[i + 1], blue: rgba[i + 2], alpha: rgba[i + 3])
    }

    /// Limits drawing to the whole pixels inside `rect` (rounded outwards); `nil` lifts the limit.
    public mutating func setClip(_ rect: Rect?) {
        let all = PixelBounds(x0: 0, y0: 0, x1: width, y1: height)
        clip = rect.map { PixelBounds(covering: $0).intersection(all) } ?? all
    }

    /// Fills `rect` with `color`; fractional edges get partial coverage.
    public mutating func fill(_ rect: Rect, color: Color) {
        let area = PixelBounds(covering: rect).intersection(clip)
        guard !area.isEmpty, color.alpha > 0 else { return }
        let ink = Ink(color)
        let w = width
        rgba.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            for y in area.y0..<area.y1 {
                let cy = min(Double(y + 1), rect.maxY) - max(Double(y), rect.minY)
                for x in area.x0..<area.x1 {
                    let cx = min(Double(x + 1), rect.maxX) - max(Double(x), rect.minX)
                    ink.blend(into: base + (y * w + x) * 4, coverage: Float(cx * cy))
                }
            }
        }
    }

    /// Fills the whole pixels `x0..<x1` × `y0..<y1` with `color` (no anti-aliasing: for abutting cells).
    mutating func fillPixels(_ area: PixelBounds, color: Color) {
        let clipped = area.intersection(clip)
        guard !clipped.isEmpty, color.alpha > 0 else { return }
        let ink = Ink(color)
        let w = width
        rgba.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            for y in clipped.y0..<clipped.y1 {
                for x in clipped.x0..<clipped.x1 {
                    ink.blend(into: base + (y * w + x) * 4, coverage: 1)
                }
            }
        }
    }

    /// Composites `color` through a coverage mask placed with its top-left pixel at `mask.bounds.x0, y0`.
    mutating func composite(_ mask: CoverageMask, color: Color) {
        let area = mask.bounds.intersection(clip)
        guard !area.isEmpty, color.alpha > 0 else { return }
        let ink = Ink(color)
        let w = width
        let mw = mask.bounds.x1 - mask.bounds.x0
        rgba.withUnsafeMutableBufferPointer { buffer in
            mask.values.withUnsafeBufferPointer { cover in
                let base = buffer.baseAddress!
                for y in area.y0..<area.y1 {
                    let row = (y - mask.bounds.y0) * mw - mask.bounds.x0
                    for x in area.x0..<area.x1 {
                        let c = cover[row + x]
                        if c > 0 { ink.blend(into: base + (y * w + x) * 4, coverage: c) }
                    }
                }
            }
        }
    }

    /// Draws a grid of opaque colour cells (row 0 at the top) scaled to fill `area` by nearest-neighbour
    /// sampling of each pixel's centre.
    mutating func drawCells(_ cells: [Color], columns: Int, rows: Int, into area: PixelBounds) {
        let clipped = area.intersection(clip)
        guard !clipped.isEmpty, columns > 0, rows > 0, cells.count == columns * rows else { return }
        let w = width
        let scaleX = Double(columns) / Double(area.x1 - area.x0)
        let scaleY = Double(rows) / Double(area.y1 - area.y0)
        var columnOf = [Int](repeating: 0, count: clipped.x1 - clipped.x0)
        for x in clipped.x0..<clipped.x1 {
            columnOf[x - clipped.x0] = min(columns - 1, Int((Double(x - area.x0) + 0.5) * scaleX))
        }
        rgba.withUnsafeMutableBufferPointer { buffer in
            cells.withUnsafeBufferPointer { colors in
                let base = buffer.baseAddress!
                for y in clipped.y0..<clipped.y1 {
                    let row = min(rows - 1, Int((Double(y - area.y0) + 0.5) * scaleY))
                    for x in clipped.x0..<clipped.x1 {
                        let c = colors[row * columns + columnOf[x - clipped.x0]]
                        let p = base + (y * w + x) * 4
                        p[0] = c.red
                        p[1] = c.green
                        p[2] = c.blue
                        p[3] = c.alpha
                    }
                }
            }
        }
    }
}

/// Per-pixel coverage (0…1) over a block of canvas pixels, row-major.
struct CoverageMask {
    /// The canvas pixels the mask spans.
    var bounds: PixelBounds
    /// One coverage value per pixel of `bounds`.
    var values: [Float]

    /// An empty (all zero) mask over `bounds`.
    init(bounds: PixelBounds) {
        self.bounds = bounds
        values = [Float](repeating: 0, count: max(0, (bounds.x1 - bounds.x0) * (bounds.y1 - bounds.y0)))
    }
}

/// A colour prepared for compositing: channels as floats in 0…1.
struct Ink {
    let r: Float
    let g: Float
    let b: Float
    let a: Float

    init(_ color: Color) {
        r = Float(color.red)
        g = Float(color.green)
        b = Float(color.blue)
        a = Float(color.alpha) / 255
    }

    /// Composites this ink over the straight-alpha RGBA pixel at `p` with the given coverage.
    @inline(__always)
    func blend(into p: UnsafeMutablePointer<UInt8>, coverage: Float) {
        let sa = a * min(coverage, 1)
        guard sa > 0 else { return }
        let da = Float(p[3]) / 255
        if da >= 1 {
            let keep = 1 - sa
            p[0] = UInt8((r * sa + Float(p[0]) * keep).rounded())
            p[1] = UInt8((g * sa + Float(p[1]) * keep).rounded())
            p[2] = UInt8((b * sa + Float(p[2]) * keep).rounded())
            return
        }
        let outA = sa + da * (1 - sa)
        let dw = da * (1 - sa) / outA
        let sw = sa / outA
        p[0] = UInt8(min(255, (r * sw + Float(p[0]) * dw).rounded()))
        p[1] = UInt8(min(255, (g * sw + Float(p[1]) * dw).rounded()))
        p[2] = UInt8(min(255, (b * sw + Float(p[2]) * dw).rounded()))
        p[3] = UInt8(min(255, (outA * 255).rounded()))
    }
}
