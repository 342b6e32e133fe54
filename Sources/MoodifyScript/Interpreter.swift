import Foundation

/// Runs cell-script code: holds the session's variables, the builtins, and where printed output goes.
///
/// A runtime error stops the code being run, never the session: variables set before it survive.
/// One interpreter runs on one thread at a time; a builtin may call back into it (`call`, `run`).
public final class Interpreter {
    /// The builtins this session knows.
    public let builtins: Builtins
    /// The session's global variables.
    public let globals: Scope
    /// Receives everything the script prints (`print`, progress of long builtins). Defaults to standard output.
    public var output: (String) -> Void
    /// Asked before every statement and by training between epochs (from the folds' threads when `cross_validate` trains
    /// several at once, so it must be thread-safe); when it answers true the running code stops with "interrupted" (Ctrl-C).
    public var interruption: (() -> Bool)? = nil
    /// Every file a builtin reported writing, in order (a builtin returning the path of an existing .png is recorded automatically).
    public private(set) var filesWritten: [String] = []

    private var current: Scope
    private var sources: [SourceText] = []
    private var nextFunctionID = 0
    private var depth = 0
    /// The deepest nesting of script function calls before a runaway recursion is stopped.
    public static let maximumCallDepth = 200

    /// A session with `builtins`, the variable `args` bound to `arguments`, printing to `output`.
    public init(builtins: Builtins = Builtins(), arguments: [String] = [],
                output: @escaping (String) -> Void = Interpreter.standardOutput) {
        self.builtins = builtins
        self.globals = Scope(parent: nil)
        self.current = globals
        self.output = output
        globals.set("args", .strings(arguments))
    }

    /// Writes text to standard output immediately (the default `output`).
    public static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    // MARK: public API

    /// Parses `text`, which starts at line `firstLine` of `source` (by default its own source named `file`).
    public func parse(_ text: String, file: String = "<input>", firstLine: Int = 1,
                      source: SourceText? = nil) throws(ScriptError) -> Program {
        var parser = try Parser(text, source: source ?? SourceText(file: file, text: text), firstLine: firstLine,
                                nextFunctionID: nextFunctionID)
        let program = try parser.parseProgram()
        nextFunctionID = parser.nextFunctionID
        return program
    }

    /// Runs `program`; returns the value to display: the last statement's value when it is an expression and not nil.
    @discardableResult
    public func run(_ program: Program) throws(ScriptError) -> Value? {
        let saved = (sources, current, depth)
        sources.append(program.source)
        current = globals
        defer { (sources, current, depth) = saved }
        var last: Value? = nil
        for statement in program.statements {
            try checkInterruption(at: statement.position)
            last = nil
            if case .expression(let e) = statement.kind {
                let value = try evaluate(e)
                if case .null = value {} else { last = value }
            } else {
                _ = try execute(statement)
            }
        }
        return last
    }

    /// Parses and runs `text`; returns the value to display, if any.
    @discardableResult
    public func run(_ text: String, file: String = "<input>") throws(ScriptError) -> Value? {
        try run(parse(text, file: file))
    }

    /// Calls a function value (script `fn` or builtin) with arguments, as `f(a, b, name: c)` would.
    public func call(_ callee: Value, _ positional: [Value], named: [(String, Value)] = []) throws -> Value {
        guard case .function(let function) = callee else {
            throw ValueError.invalid("cannot call \(callee.kindDescription)")
        }
        switch function {
        case .builtin(let builtin):
            let arguments = try Arguments(function: builtin.name, parameters: builtin.parameters,
                                          positional: positional, named: named, interpreter: self)
            let result: Value
            do {
                result = try builtin.body(arguments)
            } catch let error as ScriptError {
                throw error
            } catch {
                let message = "\(error)"
                throw ValueError.invalid(message.hasPrefix("\(builtin.name):") ? message : "\(builtin.name): \(message)")
            }
            if case .string(let path) = result, path.lowercased().hasSuffix(".png"),
               FileManager.default.fileExists(atPath: path) {
                recordFile(path)
            }
            return result
        case .script(let f):
            let arguments = try Arguments(function: f.name, parameters: f.parameters, positional: positional,
                                          named: named, interpreter: self)
            guard depth < Interpreter.maximumCallDepth else {
                throw ValueError.invalid("\(f.name): calls nested deeper than \(Interpreter.maximumCallDepth) (runaway recursion?)")
            }
            let scope = Scope(parent: f.scope)
            for p in f.declaration.parameters { scope.set(p.name, arguments[p.name]) }
            let saved = current
            current = scope
            sources.append(f.declaration.source)
            depth += 1
            defer {
                current = saved
                sources.removeLast()
                depth -= 1
            }
            if case .returned(let value) = try execute(f.declaration.body) { return value }
            return .null
        }
    }

    /// Sends `text` to `output` as is (add the newline yourself).
    public func write(_ text: String) { output(text) }

    /// Records that a builtin wrote the file at `path` (the notebook runner lists it under the cell).
    public func recordFile(_ path: String) { filesWritten.append(path) }

    /// The value of variable `name`, if set.
    public func variable(_ name: String) -> Value? { globals.lookup(name) }

    /// Sets global variable `name`.
    public func setVariable(_ name: String, _ value: Value) { globals.set(name, value) }

    /// The names of the global variables, sorted.
    public var variableNames: [String] { globals.names }

    // MARK: statements

    enum Flow {
        case normal, returned(Value), broke, continued
    }

    private func execute(_ statements: [Statement]) throws(ScriptError) -> Flow {
        for statement in statements {
            let flow = try execute(statement)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    private var source: SourceText { sources.last ?? SourceText(file: "<input>", text: "") }

    private func failure(_ error: any Error, at position: SourcePosition) -> ScriptError {
        if let e = error as? ScriptError { return e }
        return ScriptError(.runtime, "\(error)", at: position, in: source)
    }

    /// Runs `body`, turning any non-script error into a runtime error at `position`.
    private func at<T>(_ position: SourcePosition, _ body: () throws -> T) throws(ScriptError) -> T {
        do {
            return try body()
        } catch {
            throw failure(error, at: position)
        }
    }

    private func execute(_ statement: Statement) throws(ScriptError) -> Flow {
        try checkInterruption(at: statement.position)
        switch statement.kind {
        case .expression(let e):
            _ = try evaluate(e)
        case .assign(let targets, let valueExpression):
            let value = try evaluate(valueExpression)
            if targets.count == 1 {
                try assign(value, to: targets[0])
            } else {
                let items: [Value] = try at(valueExpression.position) {
                    guard case .list(let items) = value else {
                        throw ValueError.invalid("cannot unpack \(value.kindDescription) into \(targets.count) names (it needs a list)")
                    }
                    guard items.count == targets.count else {
                        throw ValueError.invalid("cannot unpack a list of \(items.count) into \(targets.count) names")
                    }
                    return items
                }
                for (target, item) in zip(targets, items) { try assign(item, to: target) }
            }
        case .compoundAssign(let op, let target, let valueExpression):
            if op == .add, case .name(let name) = target.kind, current.contains(name) {
                let rhs = try evaluate(valueExpression)
                if var old = current.take(name) {
                    // Appending to a list or string the scope no longer holds copies nothing.
                    defer { current.set(name, old) }
                    try at(statement.position) { try Operators.add(&old, rhs) }
                    return .normal
                }
            }
            let old = try evaluate(target)
            let rhs = try evaluate(valueExpression)
            let new = try at(statement.position) { try Operators.binary(op, old, rhs) }
            try assign(new, to: target)
        case .function(let declaration):
            current.set(declaration.name!, try makeFunction(declaration))
        case .return(let e):
            return .returned(try e.map { e throws(ScriptError) in try evaluate(e) } ?? .null)
        case .for(let names, let iterableExpression, let body):
            let iterable = try evaluate(iterableExpression)
            let items = try at(iterableExpression.position) { try Indexing.elements(of: iterable) }
            for item in items {
                try bind(names, to: item, at: statement.position)
                switch try execute(body) {
                case .normal, .continued: continue
                case .broke: return .normal
                case .returned(let v): return .returned(v)
                }
            }
        case .while(let condition, let body):
            while try evaluate(condition).isTruthy {
                try checkInterruption(at: statement.position)
                switch try execute(body) {
                case .normal, .continued: continue
                case .broke: return .normal
                case .returned(let v): return .returned(v)
                }
            }
        case .if(let condition, let then, let otherwise):
            if try evaluate(condition).isTruthy { return try execute(then) }
            if let otherwise { return try execute(otherwise) }
        case .break:
            return .broke
        case .continue:
            return .continued
        }
        return .normal
    }

    private func checkInterruption(at position: SourcePosition) throws(ScriptError) {
        if let interruption, interruption() {
            throw ScriptError(.runtime, "interrupted", at: position, in: source)
        }
    }

    private func bind(_ names: [String], to item: Value, at position: SourcePosition) throws(ScriptError) {
        if names.count == 1 {
            current.set(names[0], item)
            return
        }
        guard case .list(let parts) = item, parts.count == names.count else {
            throw ScriptError(.runtime, "cannot unpack \(item.kindDescription) into the \(names.count) loop variables \(names.joined(separator: ", "))",
                              at: position, in: source)
        }
        for (name, part) in zip(names, parts) { current.set(name, part) }
    }

    private func assign(_ value: Value, to target: Expression) throws(ScriptError) {
        switch target.kind {
        case .name(let name):
            current.set(name, value)
        case .index(let base, let indexExpressions):
            var indices = [Value]()
            for e in indexExpressions { indices.append(try evaluate(e)) }
            if case .name(let name) = base.kind, current.contains(name), var container = current.take(name) {
                // The container is out of the scope while it changes, so the update copies nothing.
                defer { current.set(name, container) }
                try at(target.position) { try Indexing.set(&container, indices, to: value) }
                return
            }
            var container = try evaluate(base)
            try at(target.position) { try Indexing.set(&container, indices, to: value) }
            try assign(container, to: base)
        default:
            throw ScriptError(.runtime, "cannot assign to this expression", at: target.position, in: source)
        }
    }

    private func makeFunction(_ declaration: FunctionDeclaration) throws(ScriptError) -> Value {
        var defaults = [Value?]()
        for p in declaration.parameters {
            defaults.append(try p.defaultValue.map { e throws(ScriptError) in try evaluate(e) })
        }
        return .function(.script(ScriptFunction(declaration: declaration, defaults: defaults, scope: current)))
    }

    // MARK: expressions

    private func evaluate(_ expression: Expression) throws(ScriptError) -> Value {
        switch expression.kind {
        case .literal(let value):
            return value
        case .interpolation(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .text(let t): text += t
                case .expression(let e): text += Display.str(try evaluate(e))
                }
            }
            return .string(text)
        case .name(let name):
            if let value = current.lookup(name) { return value }
            if let builtin = builtins[name] { return .function(.builtin(builtin)) }
            throw ScriptError(.runtime, "unknown name '\(name)'" + suggestion(for: name), at: expression.position, in: source)
        case .list(let items):
            var values = [Value]()
            values.reserveCapacity(items.count)
            for item in items { values.append(try evaluate(item)) }
            return .list(values)
        case .dictionary(let entries):
            var dictionary = ValueDictionary()
            for entry in entries {
                let key = try evaluate(entry.key)
                guard case .string(let k) = key else {
                    throw ScriptError(.runtime, "dictionary keys must be strings, got \(key.kindDescription)",
                                      at: entry.key.position, in: source)
                }
                dictionary[k] = try evaluate(entry.value)
            }
            return .dictionary(dictionary)
        case .unary(let op, let operand):
            let value = try evaluate(operand)
            return try at(expression.position) { try Operators.unary(op, value) }
        case .binary(let op, let left, let right):
            let l = try evaluate(left)
            let r = try evaluate(right)
            return try at(expression.position) { try Operators.binary(op, l, r) }
        case .logical(let isAnd, let left, let right):
            let l = try evaluate(left)
            if isAnd ? !l.isTruthy : l.isTruthy { return l }
            return try evaluate(right)
        case .call(let calleeExpression, let argumentExpressions):
            let callee = try evaluate(calleeExpression)
            var positional = [Value]()
            var named = [(String, Value)]()
            for argument in argumentExpressions {
                let value = try evaluate(argument.value)
                if let label = argument.label { named.append((label, value)) } else { positional.append(value) }
            }
            return try at(calleeExpression.position) { try call(callee, positional, named: named) }
        case .member(let baseExpression, let name):
            let base = try evaluate(baseExpression)
            return try at(expression.position) { try Members.member(name, of: base) }
        case .index(let baseExpression, let indexExpressions):
            let base = try evaluate(baseExpression)
            var indices = [Value]()
            for e in indexExpressions { indices.append(try evaluate(e)) }
            return try at(expression.position) { try Indexing.get(base, indices) }
        case .function(let declaration):
            return try makeFunction(declaration)
        }
    }

    private func suggestion(for name: String) -> String {
        let candidates = Set(builtins.names + globals.names + current.names)
        let close = candidates.filter { editDistance($0, name) <= max(1, name.count / 3) }.sorted()
        return close.isEmpty ? "" : " (did you mean \(close.prefix(3).joined(separator: ", "))?)"
    }
}

/// The Levenshtein distance between two strings (for "did you mean" hints).
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    var row = previous
    for i in 1...a.count {
        row[0] = i
        for j in 1...b.count {
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &row)
    }
    return previous[b.count]
}
