import Foundation

/// A confusion matrix as a Blues heatmap: true classes down, predicted classes across, the count (or the
/// row-normalised fraction) in every cell, as the notebooks' seaborn figure.
public struct ConfusionMatrixChart: Chart {
    /// counts[i][j]: samples of true class i predicted as class j.
    public var counts: [[Int]]
    /// Class names, in matrix order.
    public var labels: [String]
    /// Show each row divided by its total (recall per class) instead of counts.
    public var normalize: Bool
    /// The chart title.
    public var title = "Confusion Matrix"
    /// The image size: 800×600, the notebooks' 8×6 in at 100 dpi.
    public var size = PixelSize(width: 800, height: 600)
    /// Text sizes, colours and widths.
    public var style = ChartStyle()

    /// A chart of a square matrix of counts with one label per row.
    public init(counts: [[Int]], labels: [String], normalize: Bool = false) throws {
        guard !counts.isEmpty, counts.allSatisfy({ $0.count == counts.count }) else {
            throw PlotError.invalidData(chart: "confusion matrix", reason: "the counts must form a non-empty square matrix")
        }
        guard labels.count == counts.count else {
            throw PlotError.invalidData(chart: "confusion matrix",
                                        reason: "there are \(labels.count) labels for \(counts.count) classes")
        }
        self.counts = counts
        self.labels = labels
        self.normalize = normalize
    }

    /// A chart counting the pairs of true and predicted labels; `classes` fixes the order (default: sorted).
    public init(trueLabels: [String], predictedLabels: [String], classes: [String]? = nil, normalize: Bool = false) throws {
        guard trueLabels.count == predictedLabels.count else {
            throw PlotError.invalidData(chart: "confusion matrix",
                                        reason: "there are \(trueLabels.count) true labels but \(predictedLabels.count) predictions")
        }
        let names = classes ?? Array(Set(trueLabels + predictedLabels)).sorted()
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() { index[name] = i }
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: names.count), count: names.count)
        for (truth, guess) in zip(trueLabels, predictedLabels) {
            guard let i = index[truth], let j = index[guess] else {
                throw PlotError.invalidData(chart: "confusion matrix",
                                            reason: "the label \"\(index[truth] == nil ? truth : guess)\" is not among the classes")
            }
            matrix[i][j] += 1
        }
        try self.init(counts: matrix, labels: names, normalize: normalize)
    }

    /// Draws the chart in `frame`.
    public func draw(on canvas: inout Canvas, in frame: Rect, font: Font) {
        let values: [[Double]] = counts.map { row in
            let total = Double(row.reduce(0, +))
            return row.map { normalize ? (total > 0 ? Double($0) / total : 0) : Double($0) }
        }
        let annotations: [[String]] = values.indices.map { i in
            values[i].indices.map { j in normalize ? String(format: "%.2f", values[i][j]) : String(counts[i][j]) }
        }
        let high = values.joined().max() ?? 1
        MatrixPlot(values: values, rowLabels: labels, columnLabels: labels, map: .blues, low: 0,
                   high: high > 0 ? high : 1, annotations: annotations, xLabel: "Predicted", yLabel: "True",
                   square: false)
            .draw(title: title, on: &canvas, in: frame, style: style, font: font)
    }
}
