extension Interpreter {
    /// The signature and doc of builtin or function variable `name`, or nil when neither exists.
    public func helpText(for name: String) -> String? {
        if case .function(let f)? = variable(name) { return Interpreter.helpText(for: f) }
        if let builtin = builtins[name] { return Interpreter.helpText(for: .builtin(builtin)) }
        return nil
    }

    /// A function's signature, then its doc indented on the next line.
    public static func helpText(for function: Function) -> String {
        switch function {
        case .builtin(let b): return "\(b.signature)\n    \(b.doc)"
        case .script(let f): return "\(f.signature)\n    (a function defined in \(f.declaration.source.file) at line \(f.declaration.position.line))"
        }
    }

    /// Every builtin, one line each: name and doc.
    public func helpIndex() -> String {
        let names = builtins.names
        let width = (names.map(\.count).max() ?? 0) + 2
        return names.map { name in
            name + String(repeating: " ", count: width - name.count) + (builtins[name]?.doc ?? "")
        }.joined(separator: "\n")
    }
}
