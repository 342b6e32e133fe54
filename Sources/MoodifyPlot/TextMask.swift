/// The layout box of a line of text inside its mask: advance width × (ascent + descent), in mask pixels.
struct MaskBox: Hashable {
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double
}

/// A line of text rendered to 8-bit coverage, with the box used to align it.
struct TextMask {
    /// Mask width in pixels.
    var width: Int
    /// Mask height in pixels.
    var height: Int
    /// One coverage byte per pixel, row-major from the top.
    var coverage: [UInt8]
    /// The text's layout box (pen advance across, ascent to descent down) in mask coordinates.
    var box: MaskBox
    /// The baseline's row in mask coordinates (for upright text).
    var baseline: Double

    /// The mask turned a quarter turn anticlockwise, so that the text reads from bottom to top.
    func rotatedAnticlockwise() -> TextMask {
        var turned = [UInt8](repeating: 0, count: coverage.count)
        // Source column x becomes target row (width - 1 - x); source row y becomes target column y.
        for y in 0..<height {
            for x in 0..<width {
                turned[(width - 1 - x) * height + y] = coverage[y * width + x]
            }
        }
        let w = Double(width)
        return TextMask(width: height, height: width, coverage: turned,
                        box: MaskBox(x0: box.y0, y0: w - box.x1, x1: box.y1, y1: w - box.x0), baseline: w - box.x0)
    }
}
