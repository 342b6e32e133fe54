import Foundation
import MoodifyDSP
import MoodifyLearn
import MoodifyPlot

extension Builtins {
    /// Charts written as PNG files: training history, confusion matrix, bars, heatmap, scatter, spectrogram.
    static let plots: [Builtin] = [
        Builtin("plot_history", [.required("history_or_cv"), .requiredNamed("to"), .named("per_fold", false)],
                doc: "Accuracy and loss per epoch (train vs val) per fold as a PNG; returns its path (a list with per_fold or a folder).") { args in
            let folds = try PlotInput.trainingCurves(args["history_or_cv"], function: args.function)
            let chart = HistoryChart(folds: folds.curves, numbered: folds.isCrossValidation || folds.curves.count > 1)
            let paths = try chart.write(to: try args.string("to"), perFold: try args.bool("per_fold"))
            if paths.count == 1 { return .string(paths[0]) }
            for path in paths { args.interpreter.recordFile(path) }
            return .strings(paths)
        },
        Builtin("plot_confusion", [.required("y_true"), .required("y_pred"), .named("labels", nil), .requiredNamed("to"),
                                   .named("normalize", false), .named("title", "Confusion Matrix")],
                doc: "Confusion matrix heatmap (Blues, counts or row fractions) of class indices, names or probability rows; returns the PNG's path.") { args in
            let labels = try args.optional("labels").map { _ in try args.strings("labels") }
            let truth = try PlotInput.classes(args, "y_true", labels: labels)
            let guess = try PlotInput.classes(args, "y_pred", labels: labels)
            let classes = labels ?? ((truth.indices && guess.indices)
                ? (0...max(truth.maximum, guess.maximum, 0)).map(String.init) : nil)
            var chart = try ConfusionMatrixChart(trueLabels: truth.names, predictedLabels: guess.names, classes: classes,
                                                 normalize: try args.bool("normalize"))
            chart.title = try args.string("title")
            return .string(try chart.write(to: try PlotInput.png(args)))
        },
        Builtin("plot_bar", [.required("categories"), .optional("values", nil), .requiredNamed("to"),
                             .named("title", "Emotion Distribution in Dataset"), .named("xlabel", "Emotion"),
                             .named("ylabel", "Count")],
                doc: "Bar chart of values per category in pastel colours (a dictionary gives both; labels alone are counted, as seaborn's countplot); returns the PNG's path.") { args in
            let categories: [String], values: [Double]
            if case .dictionary(let counts) = args["categories"], args.optional("values") == nil {
                categories = counts.keys
                values = try Value.list(counts.values).asDoubles()
            } else if args.optional("values") == nil {
                let labels = try PlotInput.names(args["categories"], parameter: "categories", function: args.function)
                let counts = Dictionary(labels.map { ($0, 1.0) }, uniquingKeysWith: +)
                categories = counts.keys.sorted()
                values = categories.map { counts[$0]! }
            } else {
                categories = try PlotInput.names(args["categories"], parameter: "categories", function: args.function)
                values = try args.doubles("values")
            }
            let chart = try BarChart(categories: categories, values: values, title: try args.string("title"),
                                     xLabel: try args.string("xlabel"), yLabel: try args.string("ylabel"))
            return .string(try chart.write(to: try PlotInput.png(args)))
        },
        Builtin("plot_heatmap", [.required("matrix"), .requiredNamed("to"),
                                 .named("title", "Feature Correlation Heatmap (Sampled)"), .named("labels", nil)],
                doc: "Heatmap of a matrix on the coolwarm scale centred on 0 with a colour bar; returns the PNG's path.") { args in
            let labels = try args.optional("labels").map { _ in try args.strings("labels") }
            let chart = try HeatmapChart(matrix: PlotInput.rows(try args.matrix("matrix")), labels: labels,
                                         title: try args.string("title"))
            return .string(try chart.write(to: try PlotInput.png(args)))
        },
        Builtin("plot_scatter", [.required("points"), .required("classes"), .requiredNamed("to"),
                                 .named("title", "PCA Projection of Audio Features")],
                doc: "Scatter of n×2 points, one colour per class, legend titled Emotion; returns the PNG's path.") { args in
            let points = try args.matrix("points")
            guard points.cols == 2 else {
                throw ValueError.invalid("plot_scatter: points must have 2 columns (x, y), got a \(points.rows)×\(points.cols) matrix")
            }
            let classes = try PlotInput.names(args["classes"], parameter: "classes", function: args.function)
            guard classes.count == points.rows else {
                throw ValueError.invalid("plot_scatter: there are \(points.rows) points but \(classes.count) classes")
            }
            let xy = (0..<points.rows).map { SIMD2(Double(points[$0, 0]), Double(points[$0, 1])) }
            let chart = try ScatterChart(points: xy, classes: classes, title: try args.string("title"))
            return .string(try chart.write(to: try PlotInput.png(args)))
        },
        Builtin("plot_spectrogram", [.required("audio_or_matrix"), .requiredNamed("to"), .named("title", "Log-Mel Spectrogram"),
                                     .named("sr", 22050), .named("hop_length", 512), .named("y_axis", nil)],
                doc: "An AudioBuffer's log-mel spectrogram (128 mels, dB re max), or a bins×frames matrix, on a magma scale; returns the PNG's path.") { args in
            var chart: SpectrogramChart
            if case .object(let object) = args["audio_or_matrix"], let audio = object as? AudioBufferObject {
                let rate = Double(audio.buffer.sampleRate)
                let mel = powerToDB(melspectrogram(audio.buffer.samples, sr: rate), ref: .max)
                guard mel.frames > 0 else { throw ValueError.invalid("plot_spectrogram: the audio is empty") }
                let rows = (0..<mel.bins).map { mel.row($0).map(Double.init) }
                chart = try SpectrogramChart(values: rows, frequencyAxis: .mel(minHz: 0, maxHz: rate / 2),
                                             sampleRate: rate, hopLength: 512)
            } else {
                let matrix = try args.matrix("audio_or_matrix")
                let rate = try args.number("sr"), hop = try args.int("hop_length")
                chart = try SpectrogramChart(values: PlotInput.rows(matrix),
                                             frequencyAxis: try PlotInput.frequencyAxis(args, bins: matrix.rows, sampleRate: rate),
                                             sampleRate: rate, hopLength: hop)
            }
            chart.title = try args.string("title")
            return .string(try chart.write(to: try PlotInput.png(args)))
        },
    ]
}

/// Conversions from script values to the plain Swift arrays MoodifyPlot's charts take.
enum PlotInput {
    /// The folds' curves found in a history-like value, and whether it came from several runs (a list or cross-validation).
    struct Folds {
        /// One entry per fold (or the single run).
        var curves: [TrainingCurves]
        /// Whether the value was a list of histories or a cross-validation result, so panels name their fold.
        var isCrossValidation: Bool
    }

    private static let historyKeys = ["loss", "accuracy", "val_loss", "val_accuracy"]

    /// The training curves in `value`: a history object or dictionary with `loss`, `accuracy`, `val_loss`,
    /// `val_accuracy` lists; a list of those; or anything whose `histories` is such a list (cross-validation).
    static func trainingCurves(_ value: Value, function: String) throws -> Folds {
        let expected = "a history (loss, accuracy, val_loss, val_accuracy), a list of histories or a cross-validation result"
        switch value {
        case .list(let items):
            guard !items.isEmpty else { throw ValueError.invalid("\(function): the list of histories is empty") }
            let curves = try items.map { item in
                guard let curves = try singleRun(item, function: function) else {
                    throw ValueError.invalid("\(function): expected \(expected), got a list holding \(item.kindDescription)")
                }
                return curves
            }
            return Folds(curves: curves, isCrossValidation: true)
        default:
            if let histories = try member("histories", of: value) {
                return Folds(curves: try trainingCurves(histories, function: function).curves, isCrossValidation: true)
            }
            guard let curves = try singleRun(value, function: function) else {
                throw ValueError.invalid("\(function): expected \(expected), got \(value.kindDescription)")
            }
            return Folds(curves: [curves], isCrossValidation: false)
        }
    }

    /// The curves of one training run, or nil when `value` has none of the history keys.
    private static func singleRun(_ value: Value, function: String) throws -> TrainingCurves? {
        var lists: [String: [Double]] = [:]
        for key in historyKeys {
            guard let item = try member(key, of: value) else { continue }
            do {
                lists[key] = try item.asDoubles()
            } catch {
                throw ValueError.invalid("\(function): the history's \(key) must be a list of numbers, got \(item.kindDescription)")
            }
        }
        guard !lists.isEmpty else { return nil }
        guard !(lists["loss", default: []].isEmpty && lists["accuracy", default: []].isEmpty) else {
            throw ValueError.invalid("\(function): the history has neither loss nor accuracy values")
        }
        return TrainingCurves(accuracy: lists["accuracy", default: []], validationAccuracy: lists["val_accuracy", default: []],
                              loss: lists["loss", default: []], validationLoss: lists["val_loss", default: []])
    }

    /// Entry `name` of a dictionary or property `name` of a host object; nil when absent (or nil).
    private static func member(_ name: String, of value: Value) throws -> Value? {
        let found: Value?
        switch value {
        case .dictionary(let d): found = d[name]
        case .object(let o): found = try o.property(name)
        default: found = nil
        }
        if case .null? = found { return nil }
        return found
    }

    /// Class labels given as names, as class indices, or as rows of scores (argmax per row).
    struct Classes {
        /// The label of each sample.
        var names: [String]
        /// Whether the labels were indices.
        var indices: Bool
        /// The largest index (-1 for names).
        var maximum: Int
    }

    /// The classes of argument `name`: strings, integers (named through `labels` when given) or a matrix of scores.
    static func classes(_ args: Arguments, _ name: String, labels: [String]?) throws -> Classes {
        let value = args[name]
        if case .list(let items) = value, case .string? = items.first {
            return Classes(names: try args.strings(name), indices: false, maximum: -1)
        }
        let indices: [Int]
        if case .matrix(let m) = value, m.cols > 1 {
            indices = (0..<m.rows).map { r in
                let row = m.row(r)
                return row.indices.max { row[$0] < row[$1] }.map { $0 - row.startIndex } ?? 0
            }
        } else {
            indices = try args.ints(name)
        }
        if let bad = indices.first(where: { $0 < 0 || (labels != nil && $0 >= labels!.count) }) {
            let range = labels.map { "0…\($0.count - 1)" } ?? "0 or more"
            throw ValueError.invalid("\(args.function): \(name) holds the class index \(bad), outside \(range)")
        }
        return Classes(names: indices.map { labels?[$0] ?? String($0) }, indices: true, maximum: indices.max() ?? -1)
    }

    /// Category names from a list of strings or numbers (numbers are shown as the script shows them).
    static func names(_ value: Value, parameter: String, function: String) throws -> [String] {
        guard case .list(let items) = value else {
            throw ValueError.argumentType(function: function, parameter: parameter, expected: "a list of strings or numbers",
                                          got: value.kindDescription)
        }
        return try items.map { item in
            switch item {
            case .string(let s): return s
            case .number: return Display.repr(item)
            default:
                throw ValueError.argumentType(function: function, parameter: parameter, expected: "a list of strings or numbers",
                                              got: "a list holding \(item.kindDescription)")
            }
        }
    }

    /// The rows of `matrix` as doubles.
    static func rows(_ matrix: Matrix) -> [[Double]] {
        (0..<matrix.rows).map { matrix.row($0).map(Double.init) }
    }

    /// The `to:` path, which must name a .png file.
    static func png(_ args: Arguments) throws -> String {
        let path = try args.string("to")
        guard path.lowercased().hasSuffix(".png") else {
            throw ValueError.invalid("\(args.function): to: must name a .png file, got \(Display.quoted(path))")
        }
        return path
    }

    /// The frequency layout of a spectrogram matrix: `y_axis: "mel"` or `"linear"`, else linear when the row count
    /// is an STFT's (n_fft/2 + 1 for a power-of-two n_fft), mel otherwise.
    static func frequencyAxis(_ args: Arguments, bins: Int, sampleRate: Double) throws -> FrequencyAxis {
        let choice = try args.optionalString("y_axis") ?? (bins > 2 && (bins - 1) & (bins - 2) == 0 ? "linear" : "mel")
        switch choice {
        case "mel": return .mel(minHz: 0, maxHz: sampleRate / 2)
        case "linear": return .linear(maxHz: sampleRate / 2)
        default:
            throw ValueError.invalid("\(args.function): y_axis must be \"mel\" or \"linear\", got \(Display.quoted(choice))")
        }
    }
}
