import CFreeType

/// The horizontal extent and vertical metrics of a line of text at a given size, in pixels.
public struct TextExtent: Sendable, Hashable {
    /// Advance width: how far the pen moves over the whole line.
    public var width: Double
    /// Distance from the baseline up to the top of the font's tallest glyphs.
    public var ascent: Double
    /// Distance from the baseline down to the bottom of the font's descenders (positive).
    public var descent: Double

    /// The line's height, ascent plus descent.
    public var height: Double { ascent + descent }
}

/// A TrueType face opened through FreeType, with a cache of rendered glyphs.
///
/// A class because it owns FreeType handles that are released when it goes away; it is not thread-safe,
/// so each rendering (or each thread) uses its own `Font`.
public final class Font {
    /// The font file this face was loaded from.
    public let path: String
    private let library: FT_Library
    private let face: FT_Face
    private var sizeInUse: FT_F26Dot6 = 0
    private var glyphs: [GlyphKey: Glyph] = [:]

    /// Opens the TrueType or OpenType file at `path`.
    public init(path: String) throws {
        var lib: FT_Library?
        let initError = FT_Init_FreeType(&lib)
        guard initError == 0, let lib else { throw PlotError.fontUnreadable(path: path, code: initError) }
        var opened: FT_Face?
        let faceError = FT_New_Face(lib, path, 0, &opened)
        guard faceError == 0, let opened else {
            FT_Done_FreeType(lib)
            throw PlotError.fontUnreadable(path: path, code: faceError)
        }
        self.path = path
        library = lib
        face = opened
    }

    deinit {
        FT_Done_Face(face)
        FT_Done_FreeType(library)
    }

    /// DejaVu Sans, found through `MOODIFY_FONT`, the distributions' font paths or fontconfig's font folders.
    public static func dejaVuSans() throws -> Font {
        try Font(path: FontLocator.dejaVuSans())
    }

    /// The advance width and vertical metrics of `text` at `size` pixels per em.
    public func measure(_ text: String, size: Double) -> TextExtent {
        let placed = layout(text, size: size)
        let (ascent, descent) = verticalMetrics(size: size)
        return TextExtent(width: placed.advance, ascent: ascent, descent: descent)
    }

    /// `text` shortened with a trailing ellipsis so that it is at most `maxWidth` pixels wide at `size`.
    public func truncated(_ text: String, size: Double, maxWidth: Double) -> String {
        if measure(text, size: size).width <= maxWidth { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters).trimmingTrailingSpaces() + "…"
            if measure(candidate, size: size).width <= maxWidth { return candidate }
        }
        return ""
    }

    /// Renders `text` at `size` pixels per em into a coverage mask.
    func mask(_ text: String, size: Double) -> TextMask {
        let placed = layout(text, size: size)
        let (ascentValue, descentValue) = verticalMetrics(size: size)
        let ascent = Int(ascentValue.rounded(.up)), descent = Int(descentValue.rounded(.up))
        var minX = 0, maxX = Int(placed.advance.rounded(.up)), top = -ascent, bottom = descent
        for (glyph, x) in placed.glyphs where glyph.width > 0 {
            minX = min(minX, x + glyph.left)
            maxX = max(maxX, x + glyph.left + glyph.width)
            top = min(top, -glyph.top)
            bottom = max(bottom, glyph.rows - glyph.top)
        }
        let width = maxX - minX, height = bottom - top
        var coverage = [UInt8](repeating: 0, count: width * height)
        for (glyph, x) in placed.glyphs where glyph.width > 0 {
            let x0 = x + glyph.left - minX, y0 = -glyph.top - top
            for row in 0..<glyph.rows {
                let target = (y0 + row) * width + x0
                let source = row * glyph.width
                for column in 0..<glyph.width {
                    let value = glyph.coverage[source + column]
                    if value > coverage[target + column] { coverage[target + column] = value }
                }
            }
        }
        return TextMask(width: width, height: height, coverage: coverage,
                        box: MaskBox(x0: Double(-minX), y0: Double(-ascent - top),
                                     x1: Double(-minX) + placed.advance, y1: Double(descent - top)),
                        baseline: Double(-top))
    }

    /// The font's ascent and descent (positive) in pixels at `size`.
    private func verticalMetrics(size: Double) -> (Double, Double) {
        select(size: size)
        let metrics = face.pointee.size.pointee.metrics
        return (Double(metrics.ascender) / 64, Double(-metrics.descender) / 64)
    }

    /// Glyphs of `text` with their pen positions (whole pixels) and the total advance.
    private func layout(_ text: String, size: Double) -> (glyphs: [(Glyph, Int)], advance: Double) {
        select(size: size)
        let kerning = face.pointee.face_flags & FT_Long(FT_FACE_FLAG_KERNING) != 0
        var pen = 0.0
        var previous: FT_UInt = 0
        var placed: [(Glyph, Int)] = []
        for scalar in text.unicodeScalars {
            // Control characters (newlines, tabs) have no glyph: they advance like a space.
            let code = scalar.value < 32 || scalar.value == 127 ? 32 : scalar.value
            let index = FT_Get_Char_Index(face, FT_ULong(code))
            if kerning, previous != 0, index != 0 {
                var delta = FT_Vector()
                if FT_Get_Kerning(face, previous, index, FT_KERNING_UNFITTED.rawValue, &delta) == 0 {
                    pen += Double(delta.x) / 64
                }
            }
            let glyph = self.glyph(index)
            placed.append((glyph, Int(pen.rounded())))
            pen += glyph.advance
            previous = index
        }
        return (placed, pen)
    }

    /// Makes `size` the face's current size (26.6 fixed point).
    private func select(size: Double) {
        let wanted = FT_F26Dot6((size * 64).rounded())
        if wanted != sizeInUse {
            FT_Set_Char_Size(face, 0, wanted, 72, 72)
            sizeInUse = wanted
        }
    }

    /// The rendered glyph `index` at the current size, from the cache or FreeType.
    private func glyph(_ index: FT_UInt) -> Glyph {
        let key = GlyphKey(index: index, size: sizeInUse)
        if let cached = glyphs[key] { return cached }
        // Light (vertical-only) hinting keeps stems sharp without distorting glyph widths.
        let loadTargetLight: Int32 = 1 << 16
        var rendered = Glyph(width: 0, rows: 0, left: 0, top: 0, advance: 0, coverage: [])
        if FT_Load_Glyph(face, index, Int32(FT_LOAD_RENDER) | loadTargetLight) == 0 {
            let slot = face.pointee.glyph.pointee
            let bitmap = slot.bitmap
            let width = Int(bitmap.width), rows = Int(bitmap.rows), pitch = Int(bitmap.pitch)
            var coverage = [UInt8](repeating: 0, count: width * rows)
            if let buffer = bitmap.buffer, width > 0, rows > 0 {
                for row in 0..<rows {
                    let start = pitch >= 0 ? row * pitch : (rows - 1 - row) * -pitch
                    for column in 0..<width { coverage[row * width + column] = buffer[start + column] }
                }
            }
            rendered = Glyph(width: width, rows: rows, left: Int(slot.bitmap_left), top: Int(slot.bitmap_top),
                             advance: Double(slot.linearHoriAdvance) / 65536, coverage: coverage)
        }
        glyphs[key] = rendered
        return rendered
    }
}

/// Identifies a rendered glyph: its index in the face and the size (26.6) it was rendered at.
private struct GlyphKey: Hashable {
    let index: FT_UInt
    let size: FT_F26Dot6
}

/// One rendered glyph: an 8-bit coverage bitmap and its placement relative to the pen.
private struct Glyph {
    let width: Int
    let rows: Int
    let left: Int
    let top: Int
    let advance: Double
    let coverage: [UInt8]
}

extension String {
    /// The string without trailing spaces.
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
