import Foundation
import MoodifyLearn

/// What `m.fit` returns, as Keras's `History`: per-epoch lists under Keras's keys, and a table as its display.
struct HistoryObject: HostObject {
    /// The per-epoch values.
    let history: History

    /// Epochs shown in full before the table elides the middle.
    private static let fullTable = 20

    var typeName: String { "History" }

    var summary: String {
        var text = "History of \(history.epochs) epoch\(history.epochs == 1 ? "" : "s")"
        if let last = history.loss.last { text += String(format: " · loss %.4f", last) }
        if let last = history.accuracy.last { text += String(format: " · accuracy %.4f", last) }
        if let best = history.valAccuracy.indices.max(by: { history.valAccuracy[$0] < history.valAccuracy[$1] }) {
            text += String(format: " · best val_accuracy %.4f (epoch %d)", history.valAccuracy[best], best + 1)
        }
        return text
    }

    /// The summary, then one row per epoch (the first and last ten when there are many).
    var display: String {
        let columns: [(String, [Double])] = ["loss", "accuracy", "val_loss", "val_accuracy", "lr"].compactMap { key in
            guard let values = history.series(key), values.count == history.epochs else { return nil }
            return (key, values)
        }
        var lines = [summary, (["epoch"] + columns.map(\.0)).map { $0.padding(toLength: 13, withPad: " ", startingAt: 0) }.joined()]
        let epochs = Array(0..<history.epochs)
        let shown = epochs.count <= Self.fullTable ? [epochs] : [Array(epochs.prefix(10)), Array(epochs.suffix(10))]
        for (part, rows) in shown.enumerated() {
            if part > 0 { lines.append("…") }
            for e in rows {
                let cells = [String(e + 1)] + columns.map { $0.0 == "lr" ? String(format: "%.3g", $0.1[e]) : String(format: "%.4f", $0.1[e]) }
                lines.append(cells.map { $0.padding(toLength: 13, withPad: " ", startingAt: 0) }.joined())
            }
        }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }

    var propertyNames: [String] { ["accuracy", "epochs", "loss", "lr", "seconds_per_epoch", "val_accuracy", "val_loss"] }

    func property(_ name: String) throws -> Value? {
        if name == "epochs" { return .number(Double(history.epochs)) }
        guard propertyNames.contains(name), let values = history.series(name) else { return nil }
        return name == "seconds_per_epoch" ? .doubles(values) : .list(values.map { .float(Float($0)) })
    }

    var length: Int? { history.epochs }
}
