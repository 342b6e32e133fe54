/// A function implemented in Swift and callable from scripts: name, parameters, one-line doc and body.
///
/// ```swift
/// Builtin("load", [.required("path"), .optional("sr", 22050)], doc: "Load an audio file as mono at sr Hz.") { args in
///     let path = try args.string("path")
///     …
/// }
/// ```
public struct Builtin: Sendable {
    /// The name scripts call it by.
    public let name: String
    /// The parameters, in positional order.
    public let parameters: [Parameter]
    /// One line saying what it does (shown by `help` and `:help`).
    public let doc: String
    /// The implementation; it receives arguments already bound and checked against `parameters`.
    public let body: @Sendable (Arguments) throws -> Value

    /// A builtin called `name` taking `parameters`, documented by `doc`.
    public init(_ name: String, _ parameters: [Parameter] = [], doc: String,
                _ body: @escaping @Sendable (Arguments) throws -> Value) {
        precondition(Set(parameters.map(\.name)).count == parameters.count, "Builtin \(name): duplicate parameter names")
        precondition(parameters.filter { $0.kind == .variadic }.count <= 1, "Builtin \(name): more than one variadic parameter")
        self.name = name
        self.parameters = parameters
        self.doc = doc
        self.body = body
    }

    /// The signature as `help` prints it, e.g. `load(path, sr: 22050)`.
    public var signature: String {
        "\(name)(\(parameters.map(\.signature).joined(separator: ", ")))"
    }
}

/// One parameter of a builtin.
public struct Parameter: Sendable {
    /// How an argument may be passed.
    public enum Kind: Sendable, Equatable {
        /// By position or as `name: value`.
        case positionalOrNamed
        /// Only as `name: value`.
        case namedOnly
        /// Takes all remaining positional arguments, as a list.
        case variadic
    }

    /// The parameter's name (also its label for named arguments).
    public let name: String
    /// How an argument may be passed.
    public let kind: Kind
    /// The default when the argument is omitted; nil makes it required.
    public let defaultValue: Value?

    /// A parameter; prefer the static constructors.
    public init(name: String, kind: Kind, defaultValue: Value?) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
    }

    /// A required parameter, passed by position or by name.
    public static func required(_ name: String) -> Parameter {
        Parameter(name: name, kind: .positionalOrNamed, defaultValue: nil)
    }

    /// An optional parameter with a default, passed by position or by name (`.optional("sr", 22050)`).
    public static func optional(_ name: String, _ defaultValue: Value) -> Parameter {
        Parameter(name: name, kind: .positionalOrNamed, defaultValue: defaultValue)
    }

    /// A parameter passed only by name, with a default (`.named("seed", nil)` defaults to `nil`).
    public static func named(_ name: String, _ defaultValue: Value) -> Parameter {
        Parameter(name: name, kind: .namedOnly, defaultValue: defaultValue)
    }

    /// A required parameter passed only by name (`to: "plot.png"`).
    public static func requiredNamed(_ name: String) -> Parameter {
        Parameter(name: name, kind: .namedOnly, defaultValue: nil)
    }

    /// A parameter collecting the remaining positional arguments into a list (as `print(a, b, c)`).
    public static func variadic(_ name: String) -> Parameter {
        Parameter(name: name, kind: .variadic, defaultValue: nil)
    }

    /// How the parameter appears in a signature: `path`, `sr: 22050`, `seed:`, `values...`.
    public var signature: String {
        switch kind {
        case .variadic: return "\(name)..."
        case .namedOnly: return defaultValue.map { "\(name): \(Display.repr($0))" } ?? "\(name):"
        case .positionalOrNamed: return defaultValue.map { "\(name): \(Display.repr($0))" } ?? name
        }
    }
}
