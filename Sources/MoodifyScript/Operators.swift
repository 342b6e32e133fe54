import Foundation
import MoodifyLearn

/// Arithmetic, comparison and membership on values. Matrices combine elementwise with numbers
/// and with matrices of the same shape.
enum Operators {
    /// `-x`, `+x`, `not x`.
    static func unary(_ op: UnaryOperator, _ value: Value) throws -> Value {
        switch (op, value) {
        case (.not, _): return .bool(!value.isTruthy)
        case (.negate, .number(let x)): return .number(-x)
        case (.plus, .number): return value
        case (.negate, .matrix(let m)): return .matrix(map(m) { -$0 })
        case (.plus, .matrix): return value
        default: throw ValueError.invalid("cannot apply unary '\(op.rawValue)' to \(value.kindDescription)")
        }
    }

    /// `a op b` for every binary operator except `and`/`or`.
    static func binary(_ op: BinaryOperator, _ l: Value, _ r: Value) throws -> Value {
        switch op {
        case .equal: return .bool(l == r)
        case .notEqual: return .bool(l != r)
        case .less, .lessEqual, .greater, .greaterEqual: return .bool(try compare(op, l, r))
        case .contains: return .bool(try contains(r, l))
        case .add, .subtract, .multiply, .divide, .remainder: return try arithmetic(op, l, r)
        }
    }

    /// `lhs += rhs`: lists and strings are appended to in place; anything else as `lhs + rhs`.
    static func add(_ lhs: inout Value, _ rhs: Value) throws {
        if case .list(let more) = rhs, case .list(var items) = lhs {
            lhs = .null
            items.append(contentsOf: more)
            lhs = .list(items)
        } else if case .string(let more) = rhs, case .string(var text) = lhs {
            lhs = .null
            text += more
            lhs = .string(text)
        } else {
            lhs = try binary(.add, lhs, rhs)
        }
    }

    private static func compare(_ op: BinaryOperator, _ l: Value, _ r: Value) throws -> Bool {
        func result<T: Comparable>(_ a: T, _ b: T) -> Bool {
            switch op {
            case .less: return a < b
            case .lessEqual: return a <= b
            case .greater: return a > b
            default: return a >= b
            }
        }
        switch (l, r) {
        case (.number(let a), .number(let b)): return result(a, b)
        case (.string(let a), .string(let b)): return result(a, b)
        default: throw ValueError.invalid("cannot compare \(l.kindDescription) with \(r.kindDescription) using '\(op.rawValue)'")
        }
    }

    private static func contains(_ container: Value, _ element: Value) throws -> Bool {
        switch container {
        case .list(let items): return items.contains(element)
        case .dictionary(let d):
            guard case .string(let key) = element else { return false }
            return d[key] != nil
        case .string(let s):
            guard case .string(let part) = element else {
                throw ValueError.invalid("'in' on a string needs a string on the left, got \(element.kindDescription)")
            }
            return s.contains(part)
        default:
            throw ValueError.invalid("cannot use 'in' with \(container.kindDescription) (it needs a list, dictionary or string)")
        }
    }

    private static func arithmetic(_ op: BinaryOperator, _ l: Value, _ r: Value) throws -> Value {
        switch (l, r) {
        case (.number(let a), .number(let b)):
            return .number(try numbers(op, a, b))
        case (.string(let a), .string(let b)) where op == .add:
            return .string(a + b)
        case (.list(let a), .list(let b)) where op == .add:
            return .list(a + b)
        case (.dictionary(let a), .dictionary(let b)) where op == .add:
            var merged = a
            for (k, v) in b.pairs { merged[k] = v }
            return .dictionary(merged)
        case (.string(let s), .number(let n)) where op == .multiply:
            return .string(String(repeating: s, count: try repeatCount(n)))
        case (.list(let items), .number(let n)) where op == .multiply:
            return .list(Array([[Value]](repeating: items, count: try repeatCount(n)).joined()))
        case (.matrix(let m), .number(let x)) where op != .remainder:
            return .matrix(elementwise(op, m, Float(x), scalarFirst: false))
        case (.number(let x), .matrix(let m)) where op != .remainder:
            return .matrix(elementwise(op, m, Float(x), scalarFirst: true))
        case (.matrix(let a), .matrix(let b)) where op != .remainder:
            guard a.rows == b.rows, a.cols == b.cols else {
                throw ValueError.invalid("cannot combine a \(a.rows)×\(a.cols) matrix with a \(b.rows)×\(b.cols) matrix elementwise")
            }
            return .matrix(elementwise(op, a, b))
        default:
            break
        }
        var hint = ""
        if op == .add, case .string = l { hint = " (write \"...\\(x)\" or str(x) to join text and values)" }
        if op == .add, case .string = r { hint = " (write \"...\\(x)\" or str(x) to join text and values)" }
        throw ValueError.invalid("cannot apply '\(op.rawValue)' to \(l.kindDescription) and \(r.kindDescription)\(hint)")
    }

    private static func repeatCount(_ n: Double) throws -> Int {
        guard let count = Int(exactly: n), count >= 0 else {
            throw ValueError.invalid("cannot repeat by \(Display.repr(.number(n))) (it needs a whole number ≥ 0)")
        }
        return count
    }

    private static func numbers(_ op: BinaryOperator, _ a: Double, _ b: Double) throws -> Double {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide:
            guard b != 0 else { throw ValueError.invalid("division by zero") }
            return a / b
        default:
            guard b != 0 else { throw ValueError.invalid("remainder of a division by zero") }
            return a - (a / b).rounded(.down) * b
        }
    }

    /// `m` with `f` applied to every element (for rare one-off maps such as `abs`).
    static func map(_ m: Matrix, _ f: (Float) -> Float) -> Matrix {
        Matrix(rows: m.rows, cols: m.cols, values: m.values.map(f))
    }

    /// `m op x` (or `x op m` when `scalarFirst`) for every element; one loop per operator.
    private static func elementwise(_ op: BinaryOperator, _ m: Matrix, _ x: Float, scalarFirst: Bool) -> Matrix {
        var out = m.values
        out.withUnsafeMutableBufferPointer { v in
            switch (op, scalarFirst) {
            case (.add, _): for i in v.indices { v[i] += x }
            case (.multiply, _): for i in v.indices { v[i] *= x }
            case (.subtract, false): for i in v.indices { v[i] -= x }
            case (.subtract, true): for i in v.indices { v[i] = x - v[i] }
            case (.divide, false): for i in v.indices { v[i] /= x }
            default: for i in v.indices { v[i] = x / v[i] }
            }
        }
        return Matrix(rows: m.rows, cols: m.cols, values: out)
    }

    /// `a op b` element by element for two matrices of the same shape; one loop per operator.
    private static func elementwise(_ op: BinaryOperator, _ a: Matrix, _ b: Matrix) -> Matrix {
        var out = a.values
        out.withUnsafeMutableBufferPointer { v in
            b.values.withUnsafeBufferPointer { w in
                switch op {
                case .add: for i in v.indices { v[i] += w[i] }
                case .subtract: for i in v.indices { v[i] -= w[i] }
                case .multiply: for i in v.indices { v[i] *= w[i] }
                default: for i in v.indices { v[i] /= w[i] }
                }
            }
        }
        return Matrix(rows: a.rows, cols: a.cols, values: out)
    }
}
