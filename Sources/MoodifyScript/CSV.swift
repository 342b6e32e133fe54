import Foundation
import MoodifyLearn

/// Comma-separated values as spreadsheets and pandas read them (RFC 4180 quoting).
enum CSV {
    /// The CSV text of `value`: a matrix, a list of rows (lists), a list of dictionaries (header from
    /// the first one's keys), or a list of single values (one column); `header` names the columns.
    static func text(_ value: Value, header: [String]?) throws -> String {
        var rows = [[String]]()
        var header = header
        switch value {
        case .matrix(let m):
            rows = (0..<m.rows).map { r in m.row(r).map { Display.float($0) } }
        case .list(let items):
            if case .dictionary(let first)? = items.first {
                let keys = first.keys
                if header == nil { header = keys }
                rows = try items.enumerated().map { i, item in
                    guard case .dictionary(let d) = item else {
                        throw ValueError.invalid("save_csv: row \(i) is \(item.kindDescription), but row 0 is a dictionary")
                    }
                    return keys.map { d[$0].map(cell) ?? "" }
                }
            } else {
                rows = items.map { item in
                    if case .list(let cells) = item { return cells.map(cell) }
                    return [cell(item)]
                }
            }
        case .object(let o) where o.matrixValue != nil || o.floatValues != nil:
            return try text(o.matrixValue.map(Value.matrix) ?? .floats(o.floatValues!), header: header)
        default:
            throw ValueError.conversion(expected: "a matrix or a list of rows", got: value.kindDescription, detail: nil)
        }
        if let header, let width = rows.first?.count, header.count != width {
            throw ValueError.invalid("save_csv: the header names \(header.count) columns but the rows have \(width)")
        }
        let lines = (header.map { [$0.map(quote)] } ?? []) + rows.map { $0.map(quote) }
        return lines.map { $0.joined(separator: ",") + "\n" }.joined()
    }

    private static func cell(_ value: Value) -> String {
        switch value {
        case .null: return ""
        case .string(let s): return s
        default: return Display.str(value)
        }
    }

    private static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
