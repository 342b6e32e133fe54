import Foundation
import MoodifyLearn

/// Members (`x.name`) of values: the few built into lists, strings, dictionaries and matrices,
/// and the properties and methods of host objects. A dictionary also exposes its keys as members (`h.loss`).
enum Members {
    /// The member `name` of `value`: a property's value or a method bound to `value`.
    static func member(_ name: String, of value: Value) throws -> Value {
        switch value {
        case .object(let o):
            if let v = try o.property(name) { return v }
            if let m = o.methods.first(where: { $0.name == name }) { return .function(.builtin(m)) }
        case .dictionary(let d):
            if let v = try intrinsic(name, of: value) { return v }
            if let v = d[name] { return v }
        default:
            if let v = try intrinsic(name, of: value) { return v }
        }
        let known = names(of: value)
        let list = known.isEmpty ? "" : " (members: \(known.joined(separator: ", ")))"
        throw ValueError.invalid("\(value.kindDescription) has no member '\(name)'\(list)")
    }

    /// The member names completion offers after `x.`, sorted.
    static func names(of value: Value) -> [String] {
        switch value {
        case .object(let o): return o.memberNames
        case .dictionary(let d): return (intrinsicNames(of: value) + d.keys.filter { isIdentifier($0) }).sorted()
        default: return intrinsicNames(of: value)
        }
    }

    private static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.first, first.isLetter || first == "_" else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && Keyword(rawValue: s) == nil
    }

    private static func intrinsicNames(of value: Value) -> [String] {
        switch value {
        case .list: return ["count"]
        case .string: return ["count", "ends_with", "join", "lower", "replace", "split", "starts_with", "strip", "upper"]
        case .dictionary: return ["count", "get", "items", "keys", "values"]
        case .matrix: return ["T", "cols", "rows", "shape"]
        default: return []
        }
    }

    private static func method(_ name: String, _ parameters: [Parameter] = [], doc: String,
                               _ body: @escaping @Sendable (Arguments) throws -> Value) -> Value {
        .function(.builtin(Builtin(name, parameters, doc: doc, body)))
    }

    private static func intrinsic(_ name: String, of value: Value) throws -> Value? {
        switch (value, name) {
        case (.list(let items), "count"): return .number(Double(items.count))
        case (.dictionary(let d), "count"): return .number(Double(d.count))
        case (.dictionary(let d), "keys"): return .strings(d.keys)
        case (.dictionary(let d), "values"): return .list(d.values)
        case (.dictionary(let d), "items"): return .list(d.pairs.map { .list([.string($0.key), $0.value]) })
        case (.dictionary(let d), "get"):
            return method("get", [.required("key"), .optional("default", nil)], doc: "The value for key, or default when absent.") { args in
                d[try args.string("key")] ?? args["default"]
            }
        case (.matrix(let m), "shape"): return .ints(m.shape)
        case (.matrix(let m), "rows"): return .number(Double(m.rows))
        case (.matrix(let m), "cols"): return .number(Double(m.cols))
        case (.matrix(let m), "T"): return .matrix(m.transposed)
        case (.string(let s), _): return stringMember(name, s)
        default: return nil
        }
    }

    private static func stringMember(_ name: String, _ s: String) -> Value? {
        switch name {
        case "count": return .number(Double(s.count))
        case "upper": return method("upper", doc: "The string in upper case.") { _ in .string(s.uppercased()) }
        case "lower": return method("lower", doc: "The string in lower case.") { _ in .string(s.lowercased()) }
        case "strip":
            return method("strip", doc: "The string without leading and trailing white space.") { _ in
                .string(s.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        case "split":
            return method("split", [.optional("sep", nil)], doc: "The parts between sep (runs of white space when nil).") { args in
                if let sep = try args.optionalString("sep") {
                    guard !sep.isEmpty else { throw ValueError.invalid("split: sep must not be empty") }
                    return .strings(s.components(separatedBy: sep))
                }
                return .strings(s.split(whereSeparator: { $0.isWhitespace }).map(String.init))
            }
        case "join":
            return method("join", [.required("items")], doc: "The items joined with this string between them.") { args in
                let items = try args.list("items")
                return .string(items.map { Display.str($0) }.joined(separator: s))
            }
        case "replace":
            return method("replace", [.required("old"), .required("new")], doc: "The string with every old replaced by new.") { args in
                .string(s.replacingOccurrences(of: try args.string("old"), with: try args.string("new")))
            }
        case "starts_with":
            return method("starts_with", [.required("prefix")], doc: "Whether the string starts with prefix.") { args in
                .bool(s.hasPrefix(try args.string("prefix")))
            }
        case "ends_with":
            return method("ends_with", [.required("suffix")], doc: "Whether the string ends with suffix.") { args in
                .bool(s.hasSuffix(try args.string("suffix")))
            }
        default: return nil
        }
    }
}
