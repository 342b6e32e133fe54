import MoodifyLearn

/// Indexing (`x[i]`, `X[i, j]`, `d["k"]`), indexed assignment and iteration.
///
/// Lists, strings and matrix rows take integer indices, negative ones counting from the end.
/// `X[i]` is row i of a matrix as a list of numbers (as NumPy's `X[i]`), `X[i, j]` one element.
enum Indexing {
    /// `container[indices…]`.
    static func get(_ container: Value, _ indices: [Value]) throws -> Value {
        switch container {
        case .list(let items):
            let i = try position(try single(indices, container), count: items.count, container)
            return items[i]
        case .string(let s):
            let characters = Array(s)
            let i = try position(try single(indices, container), count: characters.count, container)
            return .string(String(characters[i]))
        case .dictionary(let d):
            return try lookup(d, try single(indices, container))
        case .matrix(let m):
            if indices.count == 2 {
                let r = try position(indices[0], count: m.rows, container, axis: "row index")
                let c = try position(indices[1], count: m.cols, container, axis: "column index")
                return .float(m[r, c])
            }
            let r = try position(try single(indices, container), count: m.rows, container, axis: "row index")
            return .floats(Array(m.row(r)))
        case .object(let o):
            guard let items = o.elements else { break }
            let i = try position(try single(indices, container), count: items.count, container)
            return items[i]
        default:
            break
        }
        throw ValueError.invalid("cannot index \(container.kindDescription)")
    }

    /// `container` with `container[indices…]` replaced by `value`.
    static func setting(_ container: Value, _ indices: [Value], to value: Value) throws -> Value {
        switch container {
        case .list(var items):
            let i = try position(try single(indices, container), count: items.count, container)
            items[i] = value
            return .list(items)
        case .dictionary(var d):
            let key = try single(indices, container)
            guard case .string(let k) = key else { throw ValueError.invalid("dictionary keys must be strings, got \(key.kindDescription)") }
            d[k] = value
            return .dictionary(d)
        case .matrix(var m):
            if indices.count == 2 {
                let r = try position(indices[0], count: m.rows, container, axis: "row index")
                let c = try position(indices[1], count: m.cols, container, axis: "column index")
                guard case .number(let x) = value else { throw ValueError.invalid("a matrix element must be a number, got \(value.kindDescription)") }
                m[r, c] = Float(x)
                return .matrix(m)
            }
            let r = try position(try single(indices, container), count: m.rows, container, axis: "row index")
            let row = try value.asFloats()
            guard row.count == m.cols else { throw ValueError.invalid("a row of this matrix needs \(m.cols) numbers, got \(row.count)") }
            for (c, x) in row.enumerated() { m[r, c] = x }
            return .matrix(m)
        default:
            throw ValueError.invalid("cannot assign into \(container.kindDescription) by index")
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

    private static func single(_ indices: [Value], _ container: Value) throws -> Value {
        guard indices.count == 1 else {
            throw ValueError.invalid("\(container.kindDescription) takes one index, got \(indices.count)")
        }
        return indices[0]
    }

    private static func position(_ index: Value, count: Int, _ container: Value, axis: String = "index") throws -> Int {
        guard case .number(let x) = index, let i = Int(exactly: x) else {
            let got = index.kindDescription == "a number" ? Display.repr(index) : index.kindDescription
            throw ValueError.invalid("\(container.kindDescription) needs an integer \(axis), got \(got)")
        }
        let resolved = i < 0 ? i + count : i
        guard resolved >= 0, resolved < count else {
            let what: String
            switch container {
            case .matrix(let m): what = "a \(m.rows)×\(m.cols) matrix"
            case .string: what = "a string of length \(count)"
            case .object(let o): what = "\(withArticle(o.typeName)) of \(count) elements"
            default: what = "a list of \(count)"
            }
            throw ValueError.invalid("\(axis) \(i) is out of range for \(what)")
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
