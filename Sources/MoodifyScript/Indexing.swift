import MoodifyLearn

/// Indexing (`x[i]`, `X[i, j]`, `d["k"]`), indexed assignment and iteration.
///
/// Lists, strings and matrix rows take integer indices, negative ones counting from the end.
/// `X[i]` is row i of a matrix as a list of numbers (as NumPy's `X[i]`), `X[i, j]` one element.
enum Indexing {
    /// `container[indices…]`.
    static func get(_ container: Value, _ indices: [Value]) throws -> Value {
        let kind = container.kindDescription
        switch container {
        case .list(let items):
            let i = try position(try single(indices, kind), count: items.count, kind, describe: { "a list of \($0)" })
            return items[i]
        case .string(let s):
            let characters = Array(s)
            let i = try position(try single(indices, kind), count: characters.count, kind, describe: { "a string of length \($0)" })
            return .string(String(characters[i]))
        case .dictionary(let d):
            return try lookup(d, try single(indices, kind))
        case .matrix(let m):
            let shape = "a \(m.rows)×\(m.cols) matrix"
            if indices.count == 2 {
                let r = try position(indices[0], count: m.rows, kind, axis: "row index", describe: { _ in shape })
                let c = try position(indices[1], count: m.cols, kind, axis: "column index", describe: { _ in shape })
                return .float(m[r, c])
            }
            let r = try position(try single(indices, kind), count: m.rows, kind, axis: "row index", describe: { _ in shape })
            return .floats(Array(m.row(r)))
        case .object(let o):
            guard let items = o.elements else { break }
            let i = try position(try single(indices, kind), count: items.count, kind, describe: { "\(kind) of \($0) elements" })
            return items[i]
        default:
            break
        }
        throw ValueError.invalid("cannot index \(kind)")
    }

    /// Replaces `container[indices…]` with `value` in place. Everything is checked before anything
    /// changes, so on an error `container` is as it was; a uniquely held container is not copied.
    static func set(_ container: inout Value, _ indices: [Value], to value: Value) throws {
        let kind = container.kindDescription
        switch container {
        case .list(var items):
            let i = try position(try single(indices, kind), count: items.count, kind, describe: { "a list of \($0)" })
            container = .null
            items[i] = value
            container = .list(items)
        case .dictionary(var d):
            let key = try single(indices, kind)
            guard case .string(let k) = key else { throw ValueError.invalid("dictionary keys must be strings, got \(key.kindDescription)") }
            container = .null
            d[k] = value
            container = .dictionary(d)
        case .matrix(var m):
            let shape = "a \(m.rows)×\(m.cols) matrix"
            if indices.count == 2 {
                let r = try position(indices[0], count: m.rows, kind, axis: "row index", describe: { _ in shape })
                let c = try position(indices[1], count: m.cols, kind, axis: "column index", describe: { _ in shape })
                guard case .number(let x) = value else { throw ValueError.invalid("a matrix element must be a number, got \(value.kindDescription)") }
                container = .null
                m[r, c] = Float(x)
                container = .matrix(m)
                return
            }
            let r = try position(try single(indices, kind), count: m.rows, kind, axis: "row index", describe: { _ in shape })
            let row = try value.asFloats()
            guard row.count == m.cols else { throw ValueError.invalid("a row of this matrix needs \(m.cols) numbers, got \(row.count)") }
            container = .null
            for (c, x) in row.enumerated() { m[r, c] = x }
            container = .matrix(m)
        default:
            throw ValueError.invalid("cannot assign into \(kind) by index")
        }
    }

    /// What `for x in value` visits: list items, dictionary keys, characters, matrix rows, a host object's elements.
    static func elements(of value: Value) throws -> [Value] {
        switch value {
        case .list(let items): return items
        case .dictionary(let d): return d.keys.map { .string($0) }
        case .string(let s): return s.map { .string(String($0)) }
        case .matrix(let m): return (0..<m.rows).map { .floats(Array(m.row($0))) }
        case .object(let o):
            if let items = o.elements { return items }
        default: break
        }
        throw ValueError.invalid("cannot iterate over \(value.kindDescription)")
    }

    private static func single(_ indices: [Value], _ kind: String) throws -> Value {
        guard indices.count == 1 else {
            throw ValueError.invalid("\(kind) takes one index, got \(indices.count)")
        }
        return indices[0]
    }

    /// The position `index` names among `count` items (negative counts from the end); `kind` and `describe`
    /// (given the count) word the errors.
    private static func position(_ index: Value, count: Int, _ kind: String, axis: String = "index",
                                 describe: (Int) -> String) throws -> Int {
        guard case .number(let x) = index, let i = Int(exactly: x) else {
            let got = index.kindDescription == "a number" ? Display.repr(index) : index.kindDescription
            throw ValueError.invalid("\(kind) needs an integer \(axis), got \(got)")
        }
        let resolved = i < 0 ? i + count : i
        guard resolved >= 0, resolved < count else {
            throw ValueError.invalid("\(axis) \(i) is out of range for \(describe(count))")
        }
        return resolved
    }

    private static func lookup(_ d: ValueDictionary, _ key: Value) throws -> Value {
        guard case .string(let k) = key else { throw ValueError.invalid("dictionary keys are strings, got \(key.kindDescription)") }
        guard let value = d[k] else {
            let known = d.keys.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
            throw ValueError.invalid("no key \"\(k)\" in the dictionary" + (d.count == 0 ? " (it is empty)" : " (keys: \(known)\(d.count > 8 ? ", …" : ""))"))
        }
        return value
    }
}
