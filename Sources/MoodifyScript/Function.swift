/// A callable value: a script `fn` (with the scope it closes over) or a builtin.
public enum Function: Sendable {
    /// A function defined in a script.
    case script(ScriptFunction)
    /// A function implemented in Swift.
    case builtin(Builtin)

    /// The function's name ("<fn>" for an anonymous one).
    public var name: String {
        switch self {
        case .script(let f): return f.name
        case .builtin(let b): return b.name
        }
    }

    /// The signature as `help` prints it, e.g. `load(path, sr: 22050)`.
    public var signature: String {
        switch self {
        case .script(let f): return f.signature
        case .builtin(let b): return b.signature
        }
    }

    /// Whether both values denote the same function (same declaration and scope, or same builtin name).
    func isSame(as other: Function) -> Bool {
        switch (self, other) {
        case (.script(let a), .script(let b)): return a.declaration.id == b.declaration.id && a.scope === b.scope
        case (.builtin(let a), .builtin(let b)): return a.name == b.name
        default: return false
        }
    }
}

/// A script function: its declaration, the defaults evaluated when it was defined, and the scope it closes over.
public struct ScriptFunction: Sendable {
    /// The declaration from the parser.
    let declaration: FunctionDeclaration
    /// Default values, one per parameter (nil where the parameter has none).
    let defaults: [Value?]
    /// The scope the function was defined in (its closure).
    let scope: Scope

    /// The function's name ("<fn>" for an anonymous one).
    public var name: String { declaration.name ?? "<fn>" }

    /// The signature, e.g. `f(x, n: 3)`.
    public var signature: String {
        let parameters = zip(declaration.parameters, defaults).map { p, d in
            d.map { "\(p.name): \(Display.repr($0))" } ?? p.name
        }
        return "\(declaration.name ?? "fn")(\(parameters.joined(separator: ", ")))"
    }

    /// The parameters as the argument binder sees them.
    var parameters: [Parameter] {
        zip(declaration.parameters, defaults).map { p, d in
            Parameter(name: p.name, kind: .positionalOrNamed, defaultValue: d)
        }
    }
}
