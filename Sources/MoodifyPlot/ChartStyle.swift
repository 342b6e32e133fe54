/// Text sizes (pixels per em), colours and line widths shared by the charts; the defaults follow matplotlib at 100 dpi.
public struct ChartStyle: Sendable, Hashable {
    /// Chart titles (matplotlib's 12 pt).
    public var titleSize: Double = 16
    /// Axis labels and colour-bar labels (10 pt).
    public var labelSize: Double = 14
    /// Tick labels (a little under 10 pt so crowded axes stay legible).
    public var tickSize: Double = 12
    /// Legend entries and legend titles.
    public var legendSize: Double = 12
    /// Text and axis colour.
    public var textColor: Color = .text
    /// Grid line colour.
    public var gridColor: Color = .grid
    /// Frame (spine) colour.
    public var spineColor: Color = .text
    /// Width of data lines in pixels.
    public var lineWidth: Double = 2
    /// Length of tick marks in pixels.
    public var tickLength: Double = 5
    /// Empty space kept around the chart inside its frame, in pixels.
    public var padding: Double = 10
    /// The background colour of the image.
    public var background: Color = .white

    /// The default style.
    public init() {}
}
