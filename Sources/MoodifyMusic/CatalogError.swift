/// Why the track catalog could not be loaded.
public enum CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The catalog file is missing or unreadable.
    case unreadable(source: String, detail: String)
    /// The catalog file is not the expected JSON shape.
    case malformed(source: String, detail: String)

    /// One sentence for a user.
    public var description: String {
        switch self {
        case let .unreadable(source, detail):
            return "The track catalog \(source) could not be read (\(detail))."
        case let .malformed(source, detail):
            return "The track catalog \(source) is malformed (\(detail))."
        }
    }
}
