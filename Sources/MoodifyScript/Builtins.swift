/// The table of builtins an interpreter knows, by name.
///
/// Each area declares its list in `Builtins/<Area>Builtins.swift` as
/// `extension Builtins { static let plots: [Builtin] = [...] }` and adds one line to `Builtins.areas`.
public struct Builtins: Sendable {
    private var table: [String: Builtin] = [:]

    /// The builtins of `groups` (every area's list by default); a later duplicate name replaces an earlier one.
    public init(_ groups: [[Builtin]] = Builtins.areas) {
        for group in groups { for builtin in group { table[builtin.name] = builtin } }
    }

    /// The builtin called `name`, if any.
    public subscript(name: String) -> Builtin? { table[name] }

    /// All names, sorted.
    public var names: [String] { table.keys.sorted() }

    /// Adds or replaces `builtin`.
    public mutating func register(_ builtin: Builtin) { table[builtin.name] = builtin }
}
