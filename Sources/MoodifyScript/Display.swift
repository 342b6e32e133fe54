import Foundation
import MoodifyLearn

/// How values look: `repr` (one line, strings quoted), `str` (what `print` and interpolation show)
/// and `show` (what a cell displays for its last value: large matrices as a table of their corners).
public enum Display {
    /// Lists longer than this show their first items and a count.
    static let listLimit = 50

    /// One line; strings quoted, long lists and large matrices abbreviated.
    public static func repr(_ value: Value) -> String {
        switch value {
        case .null: return "nil"
        case .bool(let b): return b ? "true" : "false"
        case .number(let x): return number(x)
        case .string(let s): return quoted(s)
        case .list(let items):
            if items.count > listLimit {
                return "[" + items.prefix(10).map(repr).joined(separator: ", ") + ", … (\(items.count) items)]"
            }
            return "[" + items.map(repr).joined(separator: ", ") + "]"
        case .dictionary(let d):
            if d.count == 0 { return "[:]" }
            let shown = d.pairs.prefix(listLimit).map { "\(quoted($0.key)): \(repr($0.value))" }
            return "[" + shown.joined(separator: ", ") + (d.count > listLimit ? ", … (\(d.count) entries)" : "") + "]"
        case .matrix(let m):
            let head = "Matrix \(m.rows)×\(m.cols)"
            guard m.rows * m.cols <= 16, m.rows > 0, m.cols > 0 else { return head }
            let rows = (0..<m.rows).map { r in "[" + m.row(r).map { float($0) }.joined(separator: ", ") + "]" }
            return head + " [" + rows.joined(separator: ", ") + "]"
        case .function(.script(let f)): return "<fn \(f.signature)>"
        case .function(.builtin(let b)): return "<builtin \(b.signature)>"
        case .object(let o): return o.summary
        }
    }

    /// What `print` and `"\(x)"` show: strings as they are, host objects their `display` (as Python's
    /// `print(obj)` shows `str(obj)`), everything else as `repr`.
    public static func str(_ value: Value) -> String {
        switch value {
        case .string(let s): return s
        case .object(let o): return o.display
        default: return repr(value)
        }
    }

    /// What a cell shows for its last value: multi-line strings raw, matrices as a table, host objects their `display`.
    public static func show(_ value: Value) -> String {
        switch value {
        case .string(let s) where s.contains("\n"): return s
        case .matrix(let m) where m.rows * m.cols > 16: return table(m)
        case .object(let o): return o.display
        default: return repr(value)
        }
    }

    /// A number: integers without a fraction, others in their shortest exact form.
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// A Float32 in its shortest exact form.
    static func float(_ x: Float) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded(), abs(x) < 1e7 { return String(Int64(x)) }
        return "\(x)"
    }

    /// `s` in double quotes with `\n`, `\t`, `\"` and `\\` escaped.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    /// A matrix's shape, then its first and last rows and columns, aligned, in 4 significant digits.
    static func table(_ m: Matrix) -> String {
        let rowIndices = m.rows <= 8 ? Array(0..<m.rows) : Array(0..<5) + Array((m.rows - 2)..<m.rows)
        let colIndices = m.cols <= 8 ? Array(0..<m.cols) : Array(0..<5) + Array((m.cols - 2)..<m.cols)
        let cells = rowIndices.map { r in colIndices.map { c in String(format: "%.4g", Double(m[r, c])) } }
        let width = cells.joined().map(\.count).max() ?? 1
        var lines = ["Matrix \(m.rows)×\(m.cols)"]
        for (k, row) in cells.enumerated() {
            if m.rows > 8, k == 5 { lines.append("  ⋮") }
            var parts = row.map { String(repeating: " ", count: width - $0.count) + $0 }
            if m.cols > 8 { parts.insert("…", at: 5) }
            lines.append("  " + parts.joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }
}
