/// A point in canvas pixels: x to the right, y downwards, (0, 0) at the top-left corner.
public struct Point: Sendable, Hashable {
    /// Horizontal position in pixels.
    public var x: Double
    /// Vertical position in pixels (downwards).
    public var y: Double

    /// A point at (x, y).
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle in canvas pixels.
public struct Rect: Sendable, Hashable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width (non-negative).
    public var width: Double
    /// Height (non-negative).
    public var height: Double

    /// A rectangle with its top-left corner at (x, y).
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The left edge.
    public var minX: Double { x }
    /// The right edge.
    public var maxX: Double { x + width }
    /// The top edge.
    public var minY: Double { y }
    /// The bottom edge.
    public var maxY: Double { y + height }
    /// The horizontal centre.
    public var midX: Double { x + width / 2 }
    /// The vertical centre.
    public var midY: Double { y + height / 2 }

    /// The rectangle shrunk by the given margins on each side.
    public func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// Whether the point lies inside the rectangle (edges included).
    public func contains(_ p: Point) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }
}

/// The size of an image in whole pixels.
public struct PixelSize: Sendable, Hashable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// A size of width × height pixels.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// A rectangle of whole pixels, half-open: columns `x0..<x1`, rows `y0..<y1`.
struct PixelBounds: Sendable, Hashable {
    var x0: Int
    var y0: Int
    var x1: Int
    var y1: Int

    /// Whether no pixel lies inside.
    var isEmpty: Bool { x1 <= x0 || y1 <= y0 }

    /// The pixels both bounds cover.
    func intersection(_ other: PixelBounds) -> PixelBounds {
        PixelBounds(x0: max(x0, other.x0), y0: max(y0, other.y0), x1: min(x1, other.x1), y1: min(y1, other.y1))
    }

    /// The smallest whole-pixel bounds covering `rect`.
    init(covering rect: Rect) {
        x0 = Int((rect.minX).rounded(.down))
        y0 = Int((rect.minY).rounded(.down))
        x1 = Int((rect.maxX).rounded(.up))
        y1 = Int((rect.maxY).rounded(.up))
    }

    init(x0: Int, y0: Int, x1: Int, y1: Int) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }
}
