/// A matrix (typically feature correlations) as a heatmap on the diverging coolwarm scale centred on 0,
/// with a colour bar; NaN cells are left blank.
public struct HeatmapChart: Chart {
    /// The values, row by row (row 0 at the top).
    public var matrix: [[Double]]
    /// Row labels (also the column labels of a square matrix); default: 0, 1, 2, ….
    public var rowLabels: [String]
    /// Column labels; default: 0, 1, 2, ….
    public var columnLabels: [String]
    /// The chart title.
    public var title: String
    /// The image size.
    public var size = PixelSize(width: 1000, height: 800)
    /// Text sizes, colours and widths.
    public var style = ChartStyle()

    /// A heatmap of a rectangular `matrix`; `labels` name the rows and columns of a square matrix, or just the rows.
    public init(matrix: [[Double]], labels: [String]? = nil,
                title: String = "Feature Correlation Heatmap (Sampled)") throws {
        let columns = matrix.first?.count ?? 0
        guard !matrix.isEmpty, columns > 0, matrix.allSatisfy({ $0.count == columns }) else {
            throw PlotError.invalidData(chart: "heatmap", reason: "the matrix must be rectangular and non-empty")
        }
        if let labels, labels.count != matrix.count {
            throw PlotError.invalidData(chart: "heatmap", reason: "there are \(labels.count) labels for \(matrix.count) rows")
        }
        self.matrix = matrix
        self.title = title
        rowLabels = labels ?? matrix.indices.map(String.init)
        if let labels, columns == matrix.count {
            columnLabels = labels
        } else {
            columnLabels = (0..<columns).map(String.init)
        }
    }

    /// Draws the chart in `frame`.
    public func draw(on canvas: inout Canvas, in frame: Rect, font: Font) {
        let largest = matrix.joined().filter(\.isFinite).map(abs).max() ?? 1
        let bound = largest > 0 ? largest : 1
        MatrixPlot(values: matrix, rowLabels: rowLabels, columnLabels: columnLabels, map: .coolwarm, low: -bound,
                   high: bound, xLabel: "", yLabel: "", square: matrix.count == matrix[0].count)
            .draw(title: title, on: &canvas, in: frame, style: style, font: font)
    }
}
