import MoodifyLearn

/// Targets as scripts give them: class indices or one-hot (or soft) rows.
enum ScriptTargets: TargetConvertible {
    /// Class indices.
    case indices([Int])
    /// One row per sample, as wide as the model's output.
    case rows(Matrix)

    func targetRows(classCount: Int) throws -> Matrix {
        switch self {
        case .indices(let i): try i.targetRows(classCount: classCount)
        case .rows(let m): try m.targetRows(classCount: classCount)
        }
    }
}

/// The training arguments `m.fit` and `cross_validate` share, as Keras's `fit` names them.
let fitParameters: [Parameter] = [
    .named("optimizer", nil), .named("epochs", 1), .named("batch_size", 32), .named("shuffle", true),
    .named("class_weight", nil), .named("callbacks", []), .named("seed", nil), .named("verbose", nil),
]

extension Arguments {
    /// The targets argument `name`: class indices, or a matrix of one-hot rows.
    func targets(_ name: String) throws -> ScriptTargets {
        if case .matrix(let m) = self[name], m.cols > 1 { return .rows(m) }
        if case .list(let items) = self[name], case .string? = items.first {
            throw ValueError.invalid("\(function): \(name) must be class indices or one-hot rows, not names (encode them with label_encoder)")
        }
        return .indices(try ints(name))
    }

    /// The validation argument `name`: nil, or `[X_val, Y_val]`.
    func validation(_ name: String) throws -> ValidationData? {
        guard let value = optional(name) else { return nil }
        guard case .list(let pair) = value, pair.count == 2 else {
            throw ValueError.argumentType(function: function, parameter: name, expected: "a list [X_val, Y_val]", got: value.kindDescription)
        }
        let nested = try Arguments(function: function, parameters: [.required("X_val"), .required("Y_val")],
                                   positional: pair, named: [], interpreter: interpreter)
        return ValidationData(try nested.matrix("X_val"), try nested.targets("Y_val"))
    }

    /// The optimizer argument: an `adam(…)`, a function returning one (called now, so each call gets a new one), or nil.
    func optimizer(_ name: String) throws -> Adam? {
        var value = self[name]
        if case .function = value { value = try interpreter.call(value, []) }
        switch value {
        case .null: return nil
        case .object(let o as OptimizerObject): return o.make()
        default:
            throw ValueError.argumentType(function: function, parameter: name, expected: "an optimizer (adam(…)) or a function returning one",
                                          got: value.kindDescription)
        }
    }

    /// The class_weight argument: nil, "balanced", a dictionary from class index to weight, or a list of weights.
    func classWeight(_ name: String) throws -> ClassWeight? {
        switch self[name] {
        case .null: return nil
        case .string("balanced"): return .balanced
        case .dictionary(let d):
            var table: [Int: Float] = [:]
            for (key, value) in d.pairs {
                guard let index = Int(key), case .number(let w) = value else {
                    throw ValueError.invalid("\(function): class_weight keys must be class indices and values numbers, got \(Display.quoted(key)): \(Display.repr(value))")
                }
                table[index] = Float(w)
            }
            return .weights(table)
        case .list:
            return .weights(Dictionary(uniqueKeysWithValues: try floats(name).enumerated().map { ($0, $1) }))
        default:
            throw ValueError.argumentType(function: function, parameter: name, expected: "nil, \"balanced\", a dictionary or a list of weights",
                                          got: self[name].kindDescription)
        }
    }

    /// The verbose argument: nil (progress on a terminal only), a boolean, or Keras's 0/1/2.
    func verbosity(_ name: String) throws -> Bool? {
        switch self[name] {
        case .null: return nil
        case .bool(let b): return b
        case .number(let n): return n != 0
        default: throw ValueError.argumentType(function: function, parameter: name, expected: "nil, a boolean or a number", got: self[name].kindDescription)
        }
    }

    /// New callbacks made from the callbacks argument; `fold` (1-based) fills checkpoint paths' `{fold}`.
    func callbacks(_ name: String, fold: Int?) throws -> [any Callback] {
        try list(name).map { item in
            guard case .object(let o as CallbackObject) = item else {
                throw ValueError.invalid("\(function): callbacks must hold early_stopping, reduce_lr_on_plateau, model_checkpoint or cosine_annealing objects, got \(item.kindDescription)")
            }
            return try o.make(fold: fold)
        }
    }

    /// The fit options from `fitParameters`, with new optimizer and callbacks (and a check for Ctrl-C).
    func fitOptions(fold: Int?) throws -> FitOptions {
        var callbacks = try callbacks("callbacks", fold: fold)
        if let interruption = interpreter.interruption { callbacks.append(InterruptionCheck(interruption)) }
        return FitOptions(optimizer: try optimizer("optimizer"), epochs: try int("epochs"), batchSize: try int("batch_size"),
                          shuffle: try bool("shuffle"), classWeight: try classWeight("class_weight"),
                          callbacks: callbacks, seed: try seed("seed"), verbose: try verbosity("verbose"))
    }

    /// The activation argument `name`: nil for linear, or "relu", "softmax", "linear".
    func activation(_ name: String) throws -> Activation {
        guard let text = try optionalString(name) else { return .linear }
        guard let activation = Activation(rawValue: text) else {
            throw ValueError.invalid("\(function): activation must be one of \(Activation.allCases.map { Display.quoted($0.rawValue) }.joined(separator: ", ")), got \(Display.quoted(text))")
        }
        return activation
    }

    /// The monitor mode argument `name`: "auto", "min" or "max".
    func monitorMode(_ name: String) throws -> MonitorMode {
        let text = try string(name)
        guard let mode = MonitorMode(rawValue: text) else {
            throw ValueError.invalid("\(function): mode must be \"auto\", \"min\" or \"max\", got \(Display.quoted(text))")
        }
        return mode
    }
}

/// Stops training between epochs when the interpreter is interrupted (Ctrl-C), as it stops scripts between statements.
final class InterruptionCheck: Callback {
    private let interrupted: () -> Bool

    /// A check asking `interrupted` before every epoch.
    init(_ interrupted: @escaping () -> Bool) {
        self.interrupted = interrupted
    }

    /// Throws when interrupted.
    func epochBegin(_ epoch: Int, _ training: TrainingContext) throws {
        if interrupted() { throw ValueError.invalid("training interrupted before epoch \(epoch + 1)") }
    }
}
