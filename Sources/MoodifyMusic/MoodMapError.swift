/// Why a mood map could not be loaded; `key` is the JSON path of the offending value.
public enum MoodMapError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not JSON at all.
    case notJSON(source: String, detail: String)
    /// A value has the wrong type or content; `key` is its JSON path (`strategies.match.HAP.genres[1]`).
    case invalidValue(source: String, key: String, problem: String)
    /// A key that maps do not know (a misspelt emotion or strategy).
    case unknownKey(source: String, key: String, allowed: [String])
    /// A required key is absent.
    case missingKey(source: String, key: String)
    /// The map file could not be read.
    case unreadable(path: String, detail: String)
    /// No built-in map has this name.
    case unknownMap(name: String, available: [String])
    /// The map does not define the requested strategy.
    case missingStrategy(map: String, strategy: MoodStrategy, available: [MoodStrategy])

    /// One sentence for a user.
    public var description: String {
        switch self {
        case let .notJSON(source, detail):
            return "The mood map \(source) is not valid JSON (\(detail))."
        case let .invalidValue(source, key, problem):
            return "The mood map \(source) has a bad value at \"\(key)\": \(problem)."
        case let .unknownKey(source, key, allowed):
            return "The mood map \(source) has an unknown key \"\(key)\" (expected one of \(allowed.joined(separator: ", ")))."
        case let .missingKey(source, key):
            return "The mood map \(source) lacks the required key \"\(key)\"."
        case let .unreadable(path, detail):
            return "The mood map file \(path) could not be read (\(detail))."
        case let .unknownMap(name, available):
            return "There is no built-in mood map named \"\(name)\" (available: \(available.joined(separator: ", ")); or give a path to a JSON file)."
        case let .missingStrategy(map, strategy, available):
            let names = available.map(\.rawValue).joined(separator: ", ")
            return "The mood map \"\(map)\" has no \"\(strategy.rawValue)\" strategy (it has: \(names))."
        }
    }
}
