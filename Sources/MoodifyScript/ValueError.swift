/// A wrong value or wrong arguments given to a builtin, a method or an operator.
public enum ValueError: Error, CustomStringConvertible, Equatable {
    /// An argument of the wrong kind: `load: expected a string for path, got a list`.
    case argumentType(function: String, parameter: String, expected: String, got: String)
    /// A named argument the function does not take.
    case unknownArgument(function: String, name: String, parameters: [String])
    /// A required argument that was not given.
    case missingArgument(function: String, parameter: String)
    /// More positional arguments than the function takes.
    case tooManyArguments(function: String, maximum: Int, given: Int)
    /// The same parameter given twice (by position and by name).
    case duplicateArgument(function: String, parameter: String)
    /// A value that cannot be converted: `expected a list of numbers, got a string (item 3 is a string)`.
    case conversion(expected: String, got: String, detail: String?)
    /// Any other invalid use, one sentence.
    case invalid(String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .argumentType(let f, let p, let expected, let got):
            return "\(f): expected \(expected) for \(p), got \(got)"
        case .unknownArgument(let f, let name, let parameters):
            let known = parameters.isEmpty ? "it takes none" : "it takes " + parameters.joined(separator: ", ")
            return "\(f): unknown named argument \(name) (\(known))"
        case .missingArgument(let f, let p):
            return "\(f): missing argument \(p)"
        case .tooManyArguments(let f, let maximum, let given):
            return "\(f): too many arguments (takes \(maximum == 0 ? "none" : "at most \(maximum)"), got \(given))"
        case .duplicateArgument(let f, let p):
            return "\(f): argument \(p) given twice"
        case .conversion(let expected, let got, let detail):
            return "expected \(expected), got \(got)" + (detail.map { " (\($0))" } ?? "")
        case .invalid(let message):
            return message
        }
    }
}
