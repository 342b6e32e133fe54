import Foundation

/// Keras-style progress on standard output: "Epoch 3/100", then one line per epoch with a bar, the time,
/// and the metrics, redrawn in place while the epoch runs. With a label (a fold trained beside others), only
/// the finished epoch's line is written, as "label · Epoch 3/100 · …", so that concurrent runs do not garble it.
struct Progress {
    let enabled: Bool
    let epochs: Int
    let steps: Int
    let label: String?
    private var start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var epoch = 0

    /// Progress for `epochs` epochs of `steps` batches; `verbose` nil means "when standard output is a terminal".
    init(verbose: Bool?, epochs: Int, steps: Int, label: String? = nil) {
        enabled = verbose ?? (isatty(STDOUT_FILENO) != 0)
        self.epochs = epochs
        self.steps = steps
        self.label = label
    }

    /// Prints the epoch header (unlabelled progress only).
    mutating func beginEpoch(_ epoch: Int) {
        guard enabled else { return }
        start = DispatchTime.now().uptimeNanoseconds
        lastDraw = 0
        self.epoch = epoch
        if label == nil { write("Epoch \(epoch + 1)/\(epochs)\n") }
    }

    /// Redraws the line after a batch, at most ten times a second (unlabelled progress only).
    mutating func batchDone(_ step: Int, loss: Double, accuracy: Double) {
        guard enabled, label == nil else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw > 100_000_000 || step == steps else { return }
        lastDraw = now
        write("\r\u{1B}[K" + line(step: step, metrics: [("accuracy", accuracy), ("loss", loss)]))
    }

    /// Ends the epoch's line with every logged value.
    func endEpoch(_ logs: EpochLogs) {
        guard enabled else { return }
        var metrics: [(String, Double)] = [("accuracy", Double(logs.accuracy)), ("loss", Double(logs.loss))]
        if let v = logs.valAccuracy { metrics.append(("val_accuracy", Double(v))) }
        if let v = logs.valLoss { metrics.append(("val_loss", Double(v))) }
        metrics.append(("learning_rate", Double(logs.learningRate)))
        let text = line(step: steps, metrics: metrics)
        write(label.map { "\($0) · Epoch \(epoch + 1)/\(epochs) · \(text)\n" } ?? "\r\u{1B}[K\(text)\n")
    }

    /// Writes straight to standard output (unbuffered, so a redrawn line shows at once).
    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    private func line(step: Int, metrics: [(String, Double)]) -> String {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let filled = steps > 0 ? 20 * step / steps : 20
        let bar = String(repeating: "━", count: filled) + String(repeating: "─", count: 20 - filled)
        let perStep = elapsed / Double(max(step, 1))
        let pace = perStep >= 1 ? String(format: "%.0fs/step", perStep)
            : perStep >= 1e-3 ? String(format: "%.0fms/step", perStep * 1e3) : String(format: "%.0fus/step", perStep * 1e6)
        let values = metrics.map { name, value in
            " - \(name): " + (abs(value) > 1e-3 ? String(format: "%.4f", value) : String(format: "%.4e", value))
        }.joined()
        return "\(step)/\(steps) \(bar) \(String(format: "%.0f", elapsed))s \(pace)\(values)"
    }
}
