import MoodifyLearn

/// Class labels as scripts give them: names (`["ANG", "SAD"]`) or class indices (`[0, 5]`).
enum ScriptLabels {
    /// Label strings.
    case names([String])
    /// Whole-number class indices.
    case indices([Int])

    /// How many labels there are.
    var count: Int {
        switch self {
        case .names(let n): n.count
        case .indices(let i): i.count
        }
    }

    /// The labels as one script list.
    var value: Value {
        switch self {
        case .names(let n): .strings(n)
        case .indices(let i): .ints(i)
        }
    }

    /// Class codes `0..<classes.count` and the classes, sorted as scikit-learn's `LabelEncoder` sorts them.
    var encoded: (codes: [Int], classes: ScriptLabels) {
        switch self {
        case .names(let n):
            let (encoder, codes) = LabelEncoder.fitTransform(n)
            return (codes, .names(encoder.classes))
        case .indices(let i):
            let classes = Array(Set(i)).sorted()
            let position = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
            return (i.map { position[$0]! }, .indices(classes))
        }
    }

    /// The labels at `codes`, codes being positions in these (class) labels.
    func decoded(_ codes: [Int]) -> ScriptLabels {
        switch self {
        case .names(let n): .names(codes.map { n[$0] })
        case .indices(let i): .indices(codes.map { i[$0] })
        }
    }
}

/// True and predicted labels coded over one list of classes, with the names reports print for them.
struct CodedLabels {
    /// The true class of each sample, as a position in `names`.
    var truth: [Int]
    /// The predicted class of each sample, as a position in `names`.
    var predicted: [Int]
    /// The class names, in code order.
    var names: [String]
}

extension Arguments {
    /// The argument `name` as class labels: a list of strings, a list of whole numbers, or a matrix of
    /// scores or one-hot rows (each row's argmax).
    func labels(_ name: String) throws -> ScriptLabels {
        if case .list(let items) = self[name], case .string? = items.first { return .names(try strings(name)) }
        if case .matrix(let m) = self[name], m.cols > 1 { return .indices(argmax(m)) }
        do {
            return .indices(try ints(name))
        } catch ValueError.argumentType(_, _, _, let got) {
            throw ValueError.argumentType(function: function, parameter: name,
                                          expected: "labels (a list of strings or class indices, or a matrix of scores)", got: got)
        }
    }

    /// The argument `name` as class labels, or nil when it is `nil`.
    func optionalLabels(_ name: String) throws -> ScriptLabels? {
        optional(name) == nil ? nil : try labels(name)
    }

    /// The seed argument `name` (any integer, negative ones by their bit pattern), or nil for a random one.
    func seed(_ name: String) throws -> UInt64? {
        try optionalInt(name).map { UInt64(bitPattern: Int64($0)) }
    }

    /// The seed argument `name`, or a random one when it is `nil`.
    func seedOrRandom(_ name: String) throws -> UInt64 {
        try seed(name) ?? .random(in: .min ... .max)
    }

    /// The argument `name` as group names (strings, or numbers shown as the script shows them).
    func groups(_ name: String) throws -> [String] {
        switch try labels(name) {
        case .names(let n): n
        case .indices(let i): i.map(String.init)
        }
    }

    /// `truth` and `predicted` coded over the classes in `labelsParameter` (absent or nil: every label present, sorted),
    /// named by `namesParameter` when given (with class indices and no labels, classes `0..<names.count`).
    func codedLabels(_ truth: String, _ predicted: String, labels labelsParameter: String? = nil,
                     names namesParameter: String? = nil) throws -> CodedLabels {
        let t = try labels(truth), p = try labels(predicted)
        guard t.count == p.count else { throw MetricsError.lengthMismatch(truth: t.count, predicted: p.count) }
        let targetNames = try namesParameter.flatMap { optional($0) == nil ? nil : try strings($0) }
        let chosen = try labelsParameter.flatMap { try optionalLabels($0) }
        let coded: CodedLabels
        switch (t, p) {
        case let (.names(a), .names(b)):
            guard case .names(let classes)? = chosen ?? .names(Array(Set(a + b)).sorted(by: codePointOrder)) else {
                throw ValueError.invalid("\(function): labels must be names like y_true's")
            }
            coded = try code(a, b, classes: classes, names: classes)
        case let (.indices(a), .indices(b)):
            let classes: [Int]
            switch chosen {
            case .indices(let i)?: classes = i
            case .names?: throw ValueError.invalid("\(function): labels must be class indices like y_true's")
            case nil: classes = targetNames.map { Array(0..<$0.count) } ?? Array(Set(a + b)).sorted()
            }
            coded = try code(a, b, classes: classes, names: classes.map(String.init))
        default:
            throw ValueError.invalid("\(function): \(truth) and \(predicted) must both be names or both be class indices")
        }
        guard let targetNames else { return coded }
        guard targetNames.count == coded.names.count else {
            throw ValueError.invalid("\(function): there are \(coded.names.count) classes but \(targetNames.count) target names")
        }
        return CodedLabels(truth: coded.truth, predicted: coded.predicted, names: targetNames)
    }

    private func code<T: Hashable>(_ a: [T], _ b: [T], classes: [T], names: [String]) throws -> CodedLabels {
        let position = Dictionary(classes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func codes(_ xs: [T]) throws -> [Int] {
            try xs.map { x in
                guard let code = position[x] else { throw ValueError.invalid("\(function): the label \(x) is not among the labels given") }
                return code
            }
        }
        return CodedLabels(truth: try codes(a), predicted: try codes(b), names: names)
    }
}

/// Strings in Unicode code-point order, as NumPy sorts them.
func codePointOrder(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
}

/// The rows of a matrix, or the items of a list, at `indices` (NumPy's `x[indices]`).
func take(_ value: Value, _ indices: [Int], function: String) throws -> Value {
    let count: Int
    switch value {
    case .matrix(let m): count = m.rows
    case .list(let items): count = items.count
    default: throw ValueError.invalid("\(function): expected a matrix or a list to take rows from, got \(value.kindDescription)")
    }
    if let bad = indices.first(where: { $0 < 0 || $0 >= count }) {
        throw ValueError.invalid("\(function): index \(bad) is outside 0..<\(count)")
    }
    switch value {
    case .matrix(let m): return .matrix(m.rows(indices))
    case .list(let items): return .list(indices.map { items[$0] })
    default: preconditionFailure("checked above")
    }
}

/// Folds as scripts see them: a list of `[train_indices, test_indices]`.
func foldsValue(_ folds: [Fold]) -> Value {
    .list(folds.map { .list([.ints($0.train), .ints($0.test)]) })
}

/// The number of rows of a matrix or items of a list (`len`), for checking that data pair up.
func rowCount(_ value: Value) -> Int? {
    switch value {
    case .matrix(let m): m.rows
    case .list(let items): items.count
    default: nil
    }
}
