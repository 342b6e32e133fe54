import Foundation
import MoodifyLearn

extension Builtins {
    /// The language's everyday functions: printing, sizes, ranges, conversions, aggregates, sorting.
    static let core: [Builtin] = [
        Builtin("print", [.variadic("values"), .named("sep", " "), .named("end", "\n")],
                doc: "Print the values separated by sep and followed by end.") { args in
            let parts = try args.list("values").map(Display.str)
            args.interpreter.write(parts.joined(separator: try args.string("sep")) + (try args.string("end")))
            return .null
        },
        Builtin("len", [.required("x")], doc: "The number of items of a list, string, dictionary, matrix (rows) or host object.") { args in
            let x = args["x"]
            switch x {
            case .list(let items): return .number(Double(items.count))
            case .string(let s): return .number(Double(s.count))
            case .dictionary(let d): return .number(Double(d.count))
            case .matrix(let m): return .number(Double(m.rows))
            case .object(let o) where o.length != nil: return .number(Double(o.length!))
            default: throw ValueError.argumentType(function: "len", parameter: "x", expected: "a list, string, dictionary, matrix or sized object", got: x.kindDescription)
            }
        },
        Builtin("range", [.required("start"), .optional("stop", nil), .optional("step", 1)],
                doc: "The integers from start (0 when only one argument) up to but not including stop, by step.") { args in
            var start = try args.int("start")
            var stop = 0
            if args.optional("stop") == nil { swap(&start, &stop) } else { stop = try args.int("stop") }
            let step = try args.int("step")
            guard step != 0 else { throw ValueError.invalid("range: step must not be 0") }
            return .ints(Array(stride(from: start, to: stop, by: step)))
        },
        Builtin("help", [.optional("topic", nil)], doc: "Print what a builtin or function does; with no argument, list every builtin.") { args in
            let interpreter = args.interpreter
            switch args["topic"] {
            case .null:
                interpreter.write(interpreter.helpIndex() + "\n")
            case .string(let name):
                guard let text = interpreter.helpText(for: name) else { throw ValueError.invalid("help: no builtin or variable named '\(name)'") }
                interpreter.write(text + "\n")
            case .function(let f):
                interpreter.write(Interpreter.helpText(for: f) + "\n")
            case .object(let o):
                interpreter.write("\(o.typeName): \(o.summary)\nmembers: \(o.memberNames.joined(separator: ", "))\n")
            case let other:
                interpreter.write("\(other.typeName)\(Members.names(of: other).isEmpty ? "" : " with members: " + Members.names(of: other).joined(separator: ", "))\n")
            }
            return .null
        },
        Builtin("type", [.required("x")], doc: "The name of x's type: number, string, list, dictionary, matrix, function, or a host type.") { args in
            .string(args["x"].typeName)
        },
        Builtin("str", [.required("x")], doc: "x as text, as print shows it.") { args in
            .string(Display.str(args["x"]))
        },
        Builtin("int", [.required("x")], doc: "A number or numeric string truncated to an integer.") { args in
            switch args["x"] {
            case .number(let x): return .number(x.rounded(.towardZero))
            case .bool(let b): return .number(b ? 1 : 0)
            case .string(let s):
                guard let n = Double(s.trimmingCharacters(in: .whitespaces)) else { throw ValueError.invalid("int: \(Display.quoted(s)) is not a number") }
                return .number(n.rounded(.towardZero))
            case let other: throw ValueError.argumentType(function: "int", parameter: "x", expected: "a number or a string", got: other.kindDescription)
            }
        },
        Builtin("float", [.required("x")], doc: "A number parsed from a string (numbers pass through).") { args in
            switch args["x"] {
            case .number: return args["x"]
            case .string(let s):
                guard let n = Double(s.trimmingCharacters(in: .whitespaces)) else { throw ValueError.invalid("float: \(Display.quoted(s)) is not a number") }
                return .number(n)
            case let other: throw ValueError.argumentType(function: "float", parameter: "x", expected: "a number or a string", got: other.kindDescription)
            }
        },
        Builtin("abs", [.required("x")], doc: "The absolute value of a number (elementwise on a matrix).") { args in
            switch args["x"] {
            case .number(let x): return .number(abs(x))
            case .matrix(let m): return .matrix(Operators.map(m) { abs($0) })
            case let other: throw ValueError.argumentType(function: "abs", parameter: "x", expected: "a number or a matrix", got: other.kindDescription)
            }
        },
        Builtin("round", [.required("x"), .optional("digits", 0)], doc: "x rounded to digits decimals (ties to even, as Python).") { args in
            let scale = pow(10, Double(try args.int("digits")))
            func rounded(_ x: Double) -> Double { (x * scale).rounded(.toNearestOrEven) / scale }
            switch args["x"] {
            case .number(let x): return .number(rounded(x))
            case .list: return .doubles(try args.doubles("x").map(rounded))
            case let other: throw ValueError.argumentType(function: "round", parameter: "x", expected: "a number or a list of numbers", got: other.kindDescription)
            }
        },
        Builtin("format", [.required("x"), .required("spec")],
                doc: "x as text by a Python format spec: format(0.5708, \".4f\"), format(0.62, \".2%\"), format(\"ANG\", \"<6\").") { args in
            let spec = try FormatSpec(try args.string("spec"))
            switch args["x"] {
            case .number(let x): return .string(try spec.format(x))
            case .string(let s): return .string(try spec.format(s))
            case let other: throw ValueError.argumentType(function: "format", parameter: "x", expected: "a number or a string", got: other.kindDescription)
            }
        },
        Builtin("min", [.variadic("values")], doc: "The smallest of the values, or of one list or matrix.") { args in
            try extreme("min", try args.list("values"), <)
        },
        Builtin("max", [.variadic("values")], doc: "The largest of the values, or of one list or matrix.") { args in
            try extreme("max", try args.list("values"), >)
        },
        Builtin("sum", [.required("x"), .named("axis", nil)], doc: "The sum of a list or matrix; axis 0 sums each column, axis 1 each row.") { args in
            try aggregate(args, "sum") { $0.reduce(0, +) }
        },
        Builtin("mean", [.required("x"), .named("axis", nil)], doc: "The mean of a list or matrix; axis 0 averages each column, axis 1 each row.") { args in
            try aggregate(args, "mean") { $0.isEmpty ? .nan : $0.reduce(0, +) / Double($0.count) }
        },
        Builtin("std", [.required("x"), .named("axis", nil)],
                doc: "The population standard deviation of a list or matrix (numpy.std, ddof 0); axis as mean.") { args in
            try aggregate(args, "std") { values in
                guard !values.isEmpty else { return .nan }
                let mean = values.reduce(0, +) / Double(values.count)
                return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
            }
        },
        Builtin("corrcoef", [.required("x"), .named("rowvar", true)],
                doc: "Pearson correlation matrix of a matrix's rows (rowvar: false: of its columns), as numpy.corrcoef.") { args in
            let x = try args.matrix("x")
            return .matrix(correlations(try args.bool("rowvar") ? x : x.transposed))
        },
        Builtin("sorted", [.required("items"), .named("key", nil), .named("reverse", false)],
                doc: "The items in ascending order (numbers or strings); key: a function giving each item's sort value.") { args in
            let items = try args.list("items")
            let reverse = try args.bool("reverse")
            var keys = items
            if let key = args.optional("key") {
                keys = try items.map { try args.interpreter.call(key, [$0]) }
            }
            var failure: ValueError? = nil
            let order = items.indices.sorted { i, j in
                switch (keys[i], keys[j]) {
                case (.number(let a), .number(let b)): return reverse ? a > b : a < b
                case (.string(let a), .string(let b)): return reverse ? a > b : a < b
                default:
                    failure = ValueError.invalid("sorted: cannot order \(keys[i].kindDescription) and \(keys[j].kindDescription) (sort numbers or strings, or pass key:)")
                    return false
                }
            }
            if let failure { throw failure }
            return .list(order.map { items[$0] })
        },
        Builtin("matrix", [.required("x")], doc: "A Float32 matrix from a list of equal-length rows (a flat list of numbers gives one row).") { args in
            .matrix(try args.matrix("x"))
        },
        Builtin("list", [.required("x")], doc: "The items of x as a list: matrix rows, dictionary keys, characters, a sequence object's elements.") { args in
            .list(try Indexing.elements(of: args["x"]))
        },
        Builtin("unique", [.required("items")], doc: "The distinct numbers or strings of a list, sorted (as numpy.unique).") { args in
            _ = try args.list("items")
            if let strings = try? args.strings("items") { return .strings(Array(Set(strings)).sorted()) }
            if let numbers = try? args.doubles("items") { return .doubles(Array(Set(numbers)).sorted()) }
            throw ValueError.argumentType(function: "unique", parameter: "items", expected: "a list of numbers or of strings",
                                          got: "a mixed list")
        },
        Builtin("keys", [.required("d")], doc: "The keys of a dictionary, in order.") { args in
            .strings(try args.dictionary("d").keys)
        },
        Builtin("values", [.required("d")], doc: "The values of a dictionary, in key order.") { args in
            .list(try args.dictionary("d").values)
        },
        Builtin("items", [.required("d")], doc: "The [key, value] pairs of a dictionary, in order.") { args in
            .list(try args.dictionary("d").pairs.map { .list([.string($0.key), $0.value]) })
        },
        Builtin("zip", [.variadic("lists")], doc: "Lists of the i-th items of each list, as long as the shortest.") { args in
            let lists = try args.list("lists").enumerated().map { i, list in
                guard case .list(let items) = list else {
                    throw ValueError.argumentType(function: "zip", parameter: "argument \(i + 1)", expected: "a list", got: list.kindDescription)
                }
                return items
            }
            let count = lists.map(\.count).min() ?? 0
            return .list((0..<count).map { i in .list(lists.map { $0[i] }) })
        },
        Builtin("enumerate", [.required("items"), .named("start", 0)], doc: "[index, item] pairs of a list, counting from start.") { args in
            let start = try args.int("start")
            let items = try Indexing.elements(of: args["items"])
            return .list(items.enumerated().map { .list([.number(Double($0.offset + start)), $0.element]) })
        },
        Builtin("time", doc: "Seconds since 1970 (wall clock), for timing cells.") { _ in
            .number(Date().timeIntervalSince1970)
        },
    ]

    private static func extreme(_ name: String, _ values: [Value], _ better: (Double, Double) -> Bool) throws -> Value {
        var candidates = values
        if values.count == 1 {
            switch values[0] {
            case .list(let items): candidates = items
            case .matrix(let m): candidates = m.values.map { .float($0) }
            default: break
            }
        }
        guard var best = candidates.first else { throw ValueError.invalid("\(name): no values") }
        for c in candidates.dropFirst() {
            switch (c, best) {
            case (.number(let a), .number(let b)): if better(a, b) { best = c }
            case (.string(let a), .string(let b)):
                if a != b, better(a < b ? 0 : 1, a < b ? 1 : 0) { best = c }
            default: throw ValueError.invalid("\(name): cannot compare \(c.kindDescription) with \(best.kindDescription)")
            }
        }
        return best
    }

    /// The Pearson correlation of every pair of rows of `x` (a constant row correlates as NaN, as numpy).
    private static func correlations(_ x: Matrix) -> Matrix {
        let n = x.cols
        let centred: [[Double]] = (0..<x.rows).map { r in
            let row = x.row(r).map(Double.init)
            let mean = row.reduce(0, +) / Double(max(n, 1))
            return row.map { $0 - mean }
        }
        let norms = centred.map { $0.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        var result = Matrix(rows: x.rows, cols: x.rows)
        for i in 0..<x.rows {
            for j in i..<x.rows {
                let dot = zip(centred[i], centred[j]).reduce(0) { $0 + $1.0 * $1.1 }
                let raw = dot / (norms[i] * norms[j])
                let r = Float(raw.isNaN ? raw : max(-1, min(1, raw)))
                result[i, j] = r
                result[j, i] = r
            }
        }
        return result
    }

    private static func aggregate(_ args: Arguments, _ name: String, _ f: ([Double]) -> Double) throws -> Value {
        let axis = try args.optionalInt("axis")
        if case .matrix(let m) = args["x"] {
            switch axis {
            case nil: return .number(f(m.values.map(Double.init)))
            case 0: return .doubles((0..<m.cols).map { c in f((0..<m.rows).map { Double(m[$0, c]) }) })
            case 1: return .doubles((0..<m.rows).map { r in f(m.row(r).map(Double.init)) })
            default: throw ValueError.invalid("\(name): axis must be 0 (columns) or 1 (rows), got \(axis!)")
            }
        }
        guard axis == nil else { throw ValueError.invalid("\(name): axis applies to a matrix, got \(args["x"].kindDescription)") }
        return .number(f(try args.doubles("x")))
    }
}
