/// The learning curves of one training run (one fold): per-epoch accuracy and loss, on the training and
/// validation data (Keras's history keys accuracy, val_accuracy, loss, val_loss).
public struct TrainingCurves: Sendable, Hashable {
    /// Training accuracy per epoch.
    public var accuracy: [Double]
    /// Validation accuracy per epoch (empty when there was no validation data).
    public var validationAccuracy: [Double]
    /// Training loss per epoch.
    public var loss: [Double]
    /// Validation loss per epoch (empty when there was no validation data).
    public var validationLoss: [Double]

    /// Curves from the four per-epoch lists.
    public init(accuracy: [Double], validationAccuracy: [Double], loss: [Double], validationLoss: [Double]) {
        self.accuracy = accuracy
        self.validationAccuracy = validationAccuracy
        self.loss = loss
        self.validationLoss = validationLoss
    }
}

/// Learning curves per fold, as the notebooks' `plot_folds`: for each fold an accuracy panel ("Train Acc" vs
/// "Val Acc") and a loss panel ("Train Loss" vs "Val Loss") side by side, x axis "Epochs".
public struct HistoryChart: Sendable {
    /// The folds' curves, fold 1 first.
    public var folds: [TrainingCurves]
    /// Whether panel titles name the fold ("Fold 2 Accuracy"); a single training run reads "Accuracy".
    public var numbered: Bool
    /// The size of one fold's row (two panels): 1200×400, the notebooks' 12×4 in figure at 100 dpi.
    public var rowSize = PixelSize(width: 1200, height: 400)
    /// Text sizes, colours and widths.
    public var style = ChartStyle()

    /// A history chart of `folds`, titled by fold number when `numbered`.
    public init(folds: [TrainingCurves], numbered: Bool = true) {
        self.folds = folds
        self.numbered = numbered
    }

    /// The two panels of fold `index` (0-based).
    public func panels(fold index: Int) -> [LineChart] {
        let curves = folds[index]
        let prefix = numbered ? "Fold \(index + 1) " : ""
        let accuracy = LineChart(title: prefix + "Accuracy", xLabel: "Epochs", yLabel: "Accuracy", series: [
            LineSeries(label: "Train Acc", values: curves.accuracy),
            LineSeries(label: "Val Acc", values: curves.validationAccuracy),
        ].filter { !$0.values.isEmpty })
        let loss = LineChart(title: prefix + "Loss", xLabel: "Epochs", yLabel: "Loss", series: [
            LineSeries(label: "Train Loss", values: curves.loss),
            LineSeries(label: "Val Loss", values: curves.validationLoss),
        ].filter { !$0.values.isEmpty })
        return [accuracy, loss].map { panel in
            var chart = panel
            chart.minimumXStep = 1
            chart.style = style
            chart.size = PixelSize(width: rowSize.width / 2, height: rowSize.height)
            return chart
        }
    }

    /// One fold's figure: accuracy and loss side by side in `rowSize`.
    public func figure(fold index: Int) -> Figure {
        Figure(panels: panels(fold: index), columns: 2, size: rowSize,
               title: numbered ? "Fold \(index + 1) Accuracy and Loss" : "Accuracy and Loss", style: style)
    }

    /// All folds in one figure, one row per fold.
    public func grid() -> Figure {
        Figure(panels: folds.indices.flatMap { panels(fold: $0) as [any Chart] }, columns: 2,
               size: PixelSize(width: rowSize.width, height: rowSize.height * max(1, folds.count)),
               title: "Training History (\(folds.count) folds)", style: style)
    }

    /// Writes the curves as PNGs and returns their paths.
    ///
    /// `path` names a file (`Plots/history.png`): one fold is written there; several folds are written there as
    /// one grid when `perFold` is false, or else as `history_fold1.png`, `history_fold2.png`, … beside it.
    /// A path without the .png extension is a folder that gets `fold1.png`, `fold2.png`, ….
    public func write(to path: String, perFold: Bool = false, font: Font? = nil) throws -> [String] {
        guard !folds.isEmpty else {
            throw PlotError.invalidData(chart: "history chart", reason: "there are no training curves to draw")
        }
        let face = try font ?? Font.dejaVuSans()
        let isFile = path.lowercased().hasSuffix(".png")
        if isFile && (folds.count == 1 || !perFold) {
            let figure = folds.count == 1 ? self.figure(fold: 0) : grid()
            return [try figure.write(to: path, font: face)]
        }
        let stem = isFile ? String(path.dropLast(4)) + "_fold" : (path.hasSuffix("/") ? path : path + "/") + "fold"
        return try folds.indices.map { index in
            try figure(fold: index).write(to: "\(stem)\(index + 1).png", font: face)
        }
    }
}
