import Foundation

/// Something that draws itself into a rectangle of a canvas: a chart, or a figure of several charts.
public protocol Chart: Sendable {
    /// The title, also written into the PNG's Title text chunk.
    var title: String { get }
    /// The image size used when the chart is rendered on its own.
    var size: PixelSize { get }
    /// Text sizes, colours and widths.
    var style: ChartStyle { get }
    /// Draws the chart inside `frame`.
    func draw(on canvas: inout Canvas, in frame: Rect, font: Font)
}

extension Chart {
    /// The chart drawn on a canvas of its own size, with DejaVu Sans unless another font is given.
    public func render(font: Font? = nil) throws -> Canvas {
        let face = try font ?? Font.dejaVuSans()
        var canvas = Canvas(width: size.width, height: size.height, background: style.background)
        draw(on: &canvas, in: canvas.bounds, font: face)
        return canvas
    }

    /// The rendered chart as PNG bytes (Software and Title text chunks, no time stamp).
    public func pngData(font: Font? = nil) throws -> [UInt8] {
        try render(font: font).pngData(title: title)
    }

    /// Renders the chart into a PNG file at `path`, creating missing folders; returns the path.
    @discardableResult
    public func write(to path: String, font: Font? = nil) throws -> String {
        try PNGFile.write(pngData(font: font), to: path)
        return path
    }
}

/// Writes PNG bytes to disk.
enum PNGFile {
    /// Writes `bytes` to `path`, creating the folders on the way.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw PlotError.writeFailed(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}

/// Several charts in a grid of equal cells, drawn into one image.
public struct Figure: Chart {
    /// The panels, filled row by row.
    public var panels: [any Chart]
    /// The number of panels per row.
    public var columns: Int
    /// The image size.
    public var size: PixelSize
    /// The figure's name (the PNG Title chunk); panels carry their own titles.
    public var title: String
    /// The style of the figure background.
    public var style: ChartStyle

    /// A grid of `panels`, `columns` per row, in an image of `size`.
    public init(panels: [any Chart], columns: Int, size: PixelSize, title: String, style: ChartStyle = ChartStyle()) {
        self.panels = panels
        self.columns = max(1, columns)
        self.size = size
        self.title = title
        self.style = style
    }

    /// Draws each panel into its cell of `frame`.
    public func draw(on canvas: inout Canvas, in frame: Rect, font: Font) {
        let rows = max(1, (panels.count + columns - 1) / columns)
        let cellWidth = frame.width / Double(columns), cellHeight = frame.height / Double(rows)
        for (index, panel) in panels.enumerated() {
            let cell = Rect(x: (frame.minX + Double(index % columns) * cellWidth).rounded(),
                            y: (frame.minY + Double(index / columns) * cellHeight).rounded(),
                            width: cellWidth.rounded(), height: cellHeight.rounded())
            panel.draw(on: &canvas, in: cell, font: font)
        }
    }
}
