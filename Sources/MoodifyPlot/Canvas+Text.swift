/// How a line of text is aligned to the point it is drawn at.
public struct TextAnchor: Sendable, Hashable {
    /// Horizontal alignment of the text's box to the point.
    public enum Horizontal: Sendable, Hashable {
        /// The box starts at the point.
        case left
        /// The box is centred on the point.
        case center
        /// The box ends at the point.
        case right
    }

    /// Vertical alignment of the text's box to the point.
    public enum Vertical: Sendable, Hashable {
        /// The box's top is at the point.
        case top
        /// The box is centred on the point.
        case middle
        /// The baseline is at the point (horizontal text; rotated text aligns its bottom).
        case baseline
        /// The box's bottom is at the point.
        case bottom
    }

    /// Horizontal alignment.
    public var horizontal: Horizontal
    /// Vertical alignment.
    public var vertical: Vertical

    /// An anchor from its two alignments.
    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// Left edge, baseline: ordinary text.
    public static let leftBaseline = TextAnchor(.left, .baseline)
    /// Centred on the point both ways.
    public static let center = TextAnchor(.center, .middle)
}

/// The direction a line of text runs.
public enum TextDirection: Sendable, Hashable {
    /// Left to right, upright.
    case horizontal
    /// Bottom to top (turned a quarter turn anticlockwise), as y-axis labels.
    case upward
}

extension Canvas {
    /// Draws one line of text in DejaVu (or the given font) at `size` pixels per em and returns the box it occupies.
    ///
    /// The box is the text's advance width by the font's ascent plus descent (turned for upward text); it is
    /// placed on whole pixels so glyphs stay sharp.
    @discardableResult
    public mutating func drawText(_ text: String, at point: Point, font: Font, size: Double, color: Color = .text,
                                  anchor: TextAnchor = .leftBaseline, direction: TextDirection = .horizontal) -> Rect {
        var mask = font.mask(text, size: size)
        if direction == .upward { mask = mask.rotatedAnticlockwise() }
        let box = mask.box
        let ax: Double
        switch anchor.horizontal {
        case .left: ax = box.x0
        case .center: ax = (box.x0 + box.x1) / 2
        case .right: ax = box.x1
        }
        let ay: Double
        switch anchor.vertical {
        case .top: ay = box.y0
        case .middle: ay = (box.y0 + box.y1) / 2
        case .baseline: ay = mask.baseline
        case .bottom: ay = box.y1
        }
        let originX = Int((point.x - ax).rounded()), originY = Int((point.y - ay).rounded())
        if mask.width > 0, mask.height > 0 {
            var coverage = CoverageMask(bounds: PixelBounds(x0: originX, y0: originY,
                                                            x1: originX + mask.width, y1: originY + mask.height))
            for i in mask.coverage.indices { coverage.values[i] = Float(mask.coverage[i]) / 255 }
            composite(coverage, color: color)
        }
        return Rect(x: Double(originX) + box.x0, y: Double(originY) + box.y0,
                    width: box.x1 - box.x0, height: box.y1 - box.y0)
    }
}
