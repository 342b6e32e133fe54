import MoodifyLearn

/// A value of the cell-script language.
///
/// 1-D numeric data is a `list` of numbers (as a NumPy 1-D array); 2-D numeric data is a `matrix`
/// (Float32, row-major). `asMatrix`/`asFloats` convert between the two where that is unambiguous.
public enum Value: Sendable {
    /// `nil`: no value.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number (integers are numbers with no fractional part).
    case number(Double)
    /// A string of text.
    case string(String)
    /// An ordered list of values.
    case list([Value])
    /// An ordered dictionary with string keys.
    case dictionary(ValueDictionary)
    /// A 2-D Float32 matrix.
    case matrix(Matrix)
    /// A callable: a script `fn` or a builtin.
    case function(Function)
    /// A host object (audio buffer, corpus, model, …) with properties and methods.
    case object(any HostObject)
}

extension Value {
    /// The kind of this value with an article, as error messages name it: "a string", "nil", "an AudioBuffer".
    public var kindDescription: String {
        switch self {
        case .null: return "nil"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .list: return "a list"
        case .dictionary: return "a dictionary"
        case .matrix: return "a matrix"
        case .function: return "a function"
        case .object(let object): return withArticle(object.typeName)
        }
    }

    /// The bare name of this value's type, as `type(x)` returns it.
    public var typeName: String {
        switch self {
        case .null: return "nil"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .list: return "list"
        case .dictionary: return "dictionary"
        case .matrix: return "matrix"
        case .function: return "function"
        case .object(let object): return object.typeName
        }
    }

    /// Whether this value counts as true in `if`, `while`, `and`, `or`, `not` (nil, false, 0 and empty containers are false).
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .number(let x): return x != 0
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.isEmpty
        case .dictionary(let d): return d.count > 0
        case .matrix(let m): return m.rows * m.cols > 0
        case .function, .object: return true
        }
    }

    /// A number value from a Float32, keeping the short decimal form (0.1 stays 0.1, not 0.10000000149).
    public static func float(_ x: Float) -> Value {
        .number(Double(x.description) ?? Double(x))
    }

    /// A list of numbers from integers.
    public static func ints(_ xs: [Int]) -> Value {
        .list(xs.map { .number(Double($0)) })
    }

    /// A list of numbers from Float32 values.
    public static func floats(_ xs: [Float]) -> Value {
        .list(xs.map { float($0) })
    }

    /// A list of numbers from doubles.
    public static func doubles(_ xs: [Double]) -> Value {
        .list(xs.map { .number($0) })
    }

    /// A list of strings.
    public static func strings(_ xs: [String]) -> Value {
        .list(xs.map { .string($0) })
    }
}

/// `word` preceded by "a" or "an".
func withArticle(_ word: String) -> String {
    guard let first = word.lowercased().first else { return word }
    return ("aeiou".contains(first) ? "an " : "a ") + word
}

extension Value: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral
{
    /// `nil` is `.null`.
    public init(nilLiteral: ()) { self = .null }
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer literal is a number.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    /// A float literal is a number.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An array literal is a list.
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
}

extension Value: Equatable {
    /// Structural equality; numbers compare by value, host objects only when they are the same instance.
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.dictionary(let a), .dictionary(let b)): return a == b
        case (.matrix(let a), .matrix(let b)): return a == b
        case (.function(let a), .function(let b)): return a.isSame(as: b)
        case (.object(let a), .object(let b)):
            return type(of: a) is AnyClass && type(of: b) is AnyClass && (a as AnyObject) === (b as AnyObject)
        default: return false
        }
    }
}
