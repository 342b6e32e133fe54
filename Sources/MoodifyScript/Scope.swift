import Synchronization

/// A table of variables: the session's globals or one function call's locals, with the scope it is nested in.
///
/// Functions keep the scope they were defined in (closures), so scopes are shared by reference;
/// the variables sit behind a mutex so that scopes, and the values holding them, are `Sendable`.
public final class Scope: Sendable {
    /// The enclosing scope (nil for the globals).
    let parent: Scope?
    private let variables = Mutex<[String: Value]>([:])

    /// A scope nested in `parent`.
    init(parent: Scope?) {
        self.parent = parent
    }

    /// The value of `name` here or in an enclosing scope.
    func lookup(_ name: String) -> Value? {
        var scope: Scope? = self
        while let s = scope {
            if let value = s.variables.withLock({ $0[name] }) { return value }
            scope = s.parent
        }
        return nil
    }

    /// Binds `name` in this scope (assignment always binds locally, as in Python).
    func set(_ name: String, _ value: Value) {
        variables.withLock { $0[name] = value }
    }

    /// Removes `name` from this scope and returns its value, so that the caller holds the only reference
    /// (an update in place then copies nothing); put it back with `set`.
    func take(_ name: String) -> Value? {
        variables.withLock { $0.removeValue(forKey: name) }
    }

    /// The names bound in this scope, sorted.
    var names: [String] {
        variables.withLock { $0.keys.sorted() }
    }

    /// Whether `name` is bound in this scope itself.
    func contains(_ name: String) -> Bool {
        variables.withLock { $0[name] != nil }
    }
}
