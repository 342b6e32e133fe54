import Foundation

extension Sequential {
    /// The model as Keras 3's `model.summary()` prints it without a terminal: one row per layer with
    /// its output shape and parameter count, then the totals (and the optimizer's, once it has stepped).
    public func summary() -> String {
        let widths = [31, 22, 13]
        let shapes = layerOutputShapes
        var lines = ["Model: \"\(name)\""]
        func border(_ left: String, _ fill: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: middle) + right
        }
        func row(_ cells: [String], _ bar: String, rightAligned: Set<Int>) -> [String] {
            let wrapped = cells.enumerated().map { Self.wrap($1, width: widths[$0]) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in
                bar + wrapped.enumerated().map { column, pieces in
                    let text = line < pieces.count ? pieces[line] : ""
                    let pad = String(repeating: " ", count: widths[column] - text.count)
                    return " " + (rightAligned.contains(column) ? pad + text : text + pad) + " "
                }.joined(separator: bar) + bar
            }
        }
        lines.append(border("┏", "━", "┳", "┓"))
        lines += row(["Layer (type)", "Output Shape", "Param #"], "┃", rightAligned: [2])
        lines.append(border("┡", "━", "╇", "┩"))
        for (index, layer) in layers.enumerated() {
            if index > 0 { lines.append(border("├", "─", "┼", "┤")) }
            let shape = index < shapes.count ? "(None, " + shapes[index].map(String.init).joined(separator: ", ") + ")" : "?"
            let params = isBuilt ? Self.grouped(layer.parameterCount) : "0 (unbuilt)"
            lines += row(["\(layer.name) (\(layer.typeName))", shape, params], "│", rightAligned: [2])
        }
        lines.append(border("└", "─", "┴", "┘"))
        let trainable = trainableParameterCount, total = parameterCount
        let optimizerCount = optimizer.map { $0.iterations > 0 ? 2 * trainable + 2 : 0 } ?? 0
        // Adam's moments and learning rate are float32; its step counter is an int64.
        let optimizerBytes = optimizerCount > 0 ? 4 * (optimizerCount - 1) + 8 : 0
        func count(_ label: String, _ n: Int, bytes: Int) -> String {
            " \(label): \(Self.grouped(n)) (\(Self.readableSize(bytes: Double(bytes))))"
        }
        lines.append(count("Total params", total + optimizerCount, bytes: 4 * total + optimizerBytes))
        lines.append(count("Trainable params", trainable, bytes: 4 * trainable))
        lines.append(count("Non-trainable params", total - trainable, bytes: 4 * (total - trainable)))
        if optimizerCount > 0 { lines.append(count("Optimizer params", optimizerCount, bytes: optimizerBytes)) }
        return lines.joined(separator: "\n")
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    /// Keras's memory size: "298.02 KB" (powers of 1024).
    static func readableSize(bytes: Double) -> String {
        var size = bytes
        for unit in ["B", "KB", "MB", "GB", "TB"] {
            if size / 1024 < 1 { return String(format: "%.2f", size) + " " + unit }
            size /= 1024
        }
        return String(format: "%.2f PB", size)
    }

    /// Splits text into lines of at most `width` characters at spaces, cutting words that are too long.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            if !current.isEmpty && current.count + 1 + word.count <= width {
                current += " " + word
                continue
            }
            if !current.isEmpty { lines.append(current) }
            while word.count > width {
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            current = String(word)
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
