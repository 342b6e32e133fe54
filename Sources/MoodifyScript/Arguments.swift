import MoodifyLearn

/// The arguments of one builtin call, bound to the builtin's parameters, with typed accessors
/// whose errors name the builtin and the parameter (`load: expected a string for path, got a list`).
public struct Arguments {
    /// The called function's name (prefixes error messages).
    public let function: String
    /// The interpreter running the call: use it to print (`write`) or call script functions (`call`).
    public let interpreter: Interpreter
    private let parameters: [Parameter]
    private let values: [Value]
    private let given: [Bool]

    /// Binds `positional` and `named` arguments to `parameters`, or throws the matching `ValueError`.
    init(function: String, parameters: [Parameter], positional: [Value], named: [(String, Value)],
         interpreter: Interpreter) throws {
        self.function = function
        self.parameters = parameters
        self.interpreter = interpreter
        var slots = [Value?](repeating: nil, count: parameters.count)
        let positionalSlots = parameters.indices.filter { parameters[$0].kind == .positionalOrNamed }
        let variadicSlot = parameters.firstIndex { $0.kind == .variadic }
        var extra = [Value]()
        for (i, value) in positional.enumerated() {
            if i < positionalSlots.count {
                slots[positionalSlots[i]] = value
            } else if variadicSlot != nil {
                extra.append(value)
            } else {
                throw ValueError.tooManyArguments(function: function, maximum: positionalSlots.count, given: positional.count)
            }
        }
        if let variadicSlot { slots[variadicSlot] = .list(extra) }
        for (name, value) in named {
            guard let slot = parameters.firstIndex(where: { $0.name == name && $0.kind != .variadic }) else {
                throw ValueError.unknownArgument(function: function, name: name,
                                                 parameters: parameters.filter { $0.kind != .variadic }.map(\.name))
            }
            if slots[slot] != nil { throw ValueError.duplicateArgument(function: function, parameter: name) }
            slots[slot] = value
        }
        var given = [Bool]()
        var values = [Value]()
        for (slot, parameter) in zip(slots, parameters) {
            if let slot {
                values.append(slot)
                given.append(true)
            } else if let defaultValue = parameter.defaultValue {
                values.append(defaultValue)
                given.append(false)
            } else {
                throw ValueError.missingArgument(function: function, parameter: parameter.name)
            }
        }
        self.values = values
        self.given = given
    }

    private func index(_ name: String) -> Int {
        guard let i = parameters.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("\(function) has no parameter \(name)")
        }
        return i
    }

    /// The argument for parameter `name` (its default when omitted).
    public subscript(_ name: String) -> Value { values[index(name)] }

    /// Whether the caller passed `name` explicitly.
    public func isGiven(_ name: String) -> Bool { given[index(name)] }

    /// The argument for `name`, or nil when it is `nil`.
    public func optional(_ name: String) -> Value? {
        if case .null = self[name] { return nil }
        return self[name]
    }

    private func mismatch(_ name: String, _ expected: String) -> ValueError {
        .argumentType(function: function, parameter: name, expected: expected, got: self[name].kindDescription)
    }

    private func converted<T>(_ name: String, _ body: (Value) throws -> T) throws -> T {
        do {
            return try body(self[name])
        } catch let ValueError.conversion(expected, got, detail) {
            throw ValueError.argumentType(function: function, parameter: name, expected: expected,
                                          got: got + (detail.map { " (\($0))" } ?? ""))
        }
    }

    /// The string argument `name`.
    public func string(_ name: String) throws -> String {
        guard case .string(let s) = self[name] else { throw mismatch(name, "a string") }
        return s
    }

    /// The string argument `name`, or nil when it is `nil`.
    public func optionalString(_ name: String) throws -> String? {
        optional(name) == nil ? nil : try string(name)
    }

    /// The numeric argument `name`.
    public func number(_ name: String) throws -> Double {
        guard case .number(let x) = self[name] else { throw mismatch(name, "a number") }
        return x
    }

    /// The numeric argument `name`, or nil when it is `nil`.
    public func optionalNumber(_ name: String) throws -> Double? {
        optional(name) == nil ? nil : try number(name)
    }

    /// The integer argument `name` (a number with no fractional part).
    public func int(_ name: String) throws -> Int {
        guard case .number(let x) = self[name] else { throw mismatch(name, "an integer") }
        guard let n = Int(exactly: x) else {
            throw ValueError.argumentType(function: function, parameter: name, expected: "an integer", got: Display.repr(.number(x)))
        }
        return n
    }

    /// The integer argument `name`, or nil when it is `nil`.
    public func optionalInt(_ name: String) throws -> Int? {
        optional(name) == nil ? nil : try int(name)
    }

    /// The boolean argument `name`.
    public func bool(_ name: String) throws -> Bool {
        guard case .bool(let b) = self[name] else { throw mismatch(name, "a boolean") }
        return b
    }

    /// The list argument `name`.
    public func list(_ name: String) throws -> [Value] {
        guard case .list(let l) = self[name] else { throw mismatch(name, "a list") }
        return l
    }

    /// The dictionary argument `name`.
    public func dictionary(_ name: String) throws -> ValueDictionary {
        guard case .dictionary(let d) = self[name] else { throw mismatch(name, "a dictionary") }
        return d
    }

    /// The function argument `name` (call it with `interpreter.call`).
    public func function(_ name: String) throws -> Value {
        guard case .function = self[name] else { throw mismatch(name, "a function") }
        return self[name]
    }

    /// The argument `name` converted to a matrix (see `Value.asMatrix`).
    public func matrix(_ name: String) throws -> Matrix { try converted(name) { try $0.asMatrix() } }

    /// The argument `name` converted to Float32 values (see `Value.asFloats`).
    public func floats(_ name: String) throws -> [Float] { try converted(name) { try $0.asFloats() } }

    /// The argument `name` converted to doubles (see `Value.asDoubles`).
    public func doubles(_ name: String) throws -> [Double] { try converted(name) { try $0.asDoubles() } }

    /// The argument `name` converted to integers (see `Value.asInts`).
    public func ints(_ name: String) throws -> [Int] { try converted(name) { try $0.asInts() } }

    /// The argument `name` converted to strings (see `Value.asStrings`).
    public func strings(_ name: String) throws -> [String] { try converted(name) { try $0.asStrings() } }

    /// The argument `name` as host object type `T`: `try args.object("a", as: AudioObject.self)`.
    public func object<T: HostObject>(_ name: String, as type: T.Type, expected: String? = nil) throws -> T {
        if case .object(let o) = self[name], let t = o as? T { return t }
        throw mismatch(name, expected ?? withArticle(String(describing: T.self)))
    }
}
