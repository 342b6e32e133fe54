/// Builds the syntax tree of a cell or snippet from its tokens; every syntax error names what it expected.
struct Parser {
    private var tokens: [Token]
    private var index = 0
    private let source: SourceText
    /// The next function id to hand out (ids stay unique across the session's parses).
    private(set) var nextFunctionID: Int
    private var functionDepth = 0
    private var loopDepth = 0

    /// A parser over `text`, which starts at line `firstLine` of `source`.
    init(_ text: String, source: SourceText, firstLine: Int = 1, nextFunctionID: Int = 0) throws(ScriptError) {
        var lexer = Lexer(text, source: source, start: SourcePosition(line: firstLine, column: 1))
        self.tokens = try lexer.tokenize()
        self.source = source
        self.nextFunctionID = nextFunctionID
    }

    /// Parses a whole program.
    mutating func parseProgram() throws(ScriptError) -> Program {
        skipSeparators()
        var statements = [Statement]()
        while current.kind != .end {
            statements.append(try statement())
            try endOfStatement()
        }
        return Program(statements: statements, source: source)
    }

    // MARK: tokens

    private var current: Token { tokens[index] }

    private func peekKind(_ offset: Int = 1) -> TokenKind {
        tokens[min(index + offset, tokens.count - 1)].kind
    }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func isSymbol(_ s: String) -> Bool { current.kind == .symbol(s) }
    private func isKeyword(_ k: Keyword) -> Bool { current.kind == .keyword(k) }

    private mutating func accept(_ s: String) -> Bool {
        if isSymbol(s) {
            advance()
            return true
        }
        return false
    }

    private func error(_ message: String, at position: SourcePosition? = nil) -> ScriptError {
        ScriptError(.syntax, message, at: position ?? current.position, in: source)
    }

    private mutating func expect(_ s: String, _ context: String) throws(ScriptError) {
        guard accept(s) else { throw error("expected '\(s)' \(context), got \(current.kind.description)") }
    }

    private mutating func skipSeparators() {
        while current.kind == .newline || isSymbol(";") { advance() }
    }

    private mutating func skipNewlines() {
        while current.kind == .newline { advance() }
    }

    private mutating func endOfStatement() throws(ScriptError) {
        switch current.kind {
        case .newline, .symbol(";"):
            skipSeparators()
        case .end, .symbol("}"):
            break
        default:
            throw error("expected a newline or ';' after the statement, got \(current.kind.description)")
        }
    }

    // MARK: statements

    private mutating func statement() throws(ScriptError) -> Statement {
        let start = current.position
        switch current.kind {
        case .keyword(.fn) where peekKind() != .symbol("("):
            advance()
            guard case .identifier(let name) = current.kind else {
                throw error("expected a function name after 'fn', got \(current.kind.description)")
            }
            advance()
            return Statement(kind: .function(try functionRest(name: name, start: start)), position: start)
        case .keyword(.return):
            guard functionDepth > 0 else { throw error("'return' outside a function") }
            advance()
            switch current.kind {
            case .newline, .end, .symbol(";"), .symbol("}"):
                return Statement(kind: .return(nil), position: start)
            default:
                return Statement(kind: .return(try expression()), position: start)
            }
        case .keyword(.for):
            advance()
            var names = [String]()
            repeat {
                guard case .identifier(let name) = current.kind else {
                    throw error("expected a loop variable name after 'for', got \(current.kind.description)")
                }
                names.append(name)
                advance()
            } while accept(",")
            guard isKeyword(.in) else { throw error("expected 'in' after the loop variables, got \(current.kind.description)") }
            advance()
            let iterable = try expression()
            loopDepth += 1
            defer { loopDepth -= 1 }
            let body = try block("'for'")
            return Statement(kind: .for(names: names, iterable: iterable, body: body), position: start)
        case .keyword(.while):
            advance()
            let condition = try expression()
            loopDepth += 1
            defer { loopDepth -= 1 }
            return Statement(kind: .while(condition: condition, body: try block("'while'")), position: start)
        case .keyword(.if):
            return try ifStatement()
        case .keyword(.else):
            throw error("'else' without a matching 'if'")
        case .keyword(.break):
            guard loopDepth > 0 else { throw error("'break' outside a loop") }
            advance()
            return Statement(kind: .break, position: start)
        case .keyword(.continue):
            guard loopDepth > 0 else { throw error("'continue' outside a loop") }
            advance()
            return Statement(kind: .continue, position: start)
        default:
            return try expressionOrAssignment()
        }
    }

    private mutating func ifStatement() throws(ScriptError) -> Statement {
        let start = advance().position
        let condition = try expression()
        let then = try block("'if'")
        let save = index
        skipNewlines()
        guard isKeyword(.else) else {
            index = save
            return Statement(kind: .if(condition: condition, then: then, otherwise: nil), position: start)
        }
        advance()
        let otherwise = isKeyword(.if) ? [try ifStatement()] : try block("'else'")
        return Statement(kind: .if(condition: condition, then: then, otherwise: otherwise), position: start)
    }

    private mutating func block(_ owner: String) throws(ScriptError) -> [Statement] {
        guard accept("{") else { throw error("expected '{' to start the body of \(owner), got \(current.kind.description)") }
        skipSeparators()
        var statements = [Statement]()
        while !isSymbol("}") {
            statements.append(try statement())
            try endOfStatement()
        }
        advance()
        return statements
    }

    private mutating func expressionOrAssignment() throws(ScriptError) -> Statement {
        let start = current.position
        let first = try expression()
        if isSymbol(",") {
            var targets = [first]
            while accept(",") { targets.append(try expression()) }
            guard isSymbol("=") else { throw error("expected '=' after the assignment targets, got \(current.kind.description)") }
            advance()
            for target in targets { try checkTarget(target) }
            return Statement(kind: .assign(targets: targets, value: try expression()), position: start)
        }
        if accept("=") {
            try checkTarget(first)
            return Statement(kind: .assign(targets: [first], value: try expression()), position: start)
        }
        if case .symbol(let s) = current.kind, ["+=", "-=", "*=", "/="].contains(s) {
            advance()
            try checkTarget(first)
            let op = BinaryOperator(rawValue: String(s.prefix(1)))!
            return Statement(kind: .compoundAssign(op, target: first, value: try expression()), position: start)
        }
        return Statement(kind: .expression(first), position: start)
    }

    private func checkTarget(_ target: Expression) throws(ScriptError) {
        switch target.kind {
        case .name:
            return
        case .index(let base, _):
            try checkTarget(base)
        default:
            throw error("cannot assign to this expression (only to names and indexed elements like x[0])", at: target.position)
        }
    }

    private mutating func functionRest(name: String?, start: SourcePosition) throws(ScriptError) -> FunctionDeclaration {
        try expect("(", "after \(name.map { "the function name '\($0)'" } ?? "'fn'")")
        var parameters = [FunctionParameter]()
        while !isSymbol(")") {
            guard case .identifier(let p) = current.kind else { throw error("expected a parameter name, got \(current.kind.description)") }
            if parameters.contains(where: { $0.name == p }) { throw error("parameter '\(p)' appears twice") }
            let at = advance().position
            var defaultValue: Expression? = nil
            if accept(":") || accept("=") {
                defaultValue = try expression()
            } else if parameters.last?.defaultValue != nil {
                throw error("parameter '\(p)' needs a default because an earlier parameter has one", at: at)
            }
            parameters.append(FunctionParameter(name: p, defaultValue: defaultValue))
            if !accept(",") {
                guard isSymbol(")") else { throw error("expected ',' or ')' in the parameter list, got \(current.kind.description)") }
            }
        }
        advance()
        functionDepth += 1
        let savedLoops = loopDepth
        loopDepth = 0
        defer {
            functionDepth -= 1
            loopDepth = savedLoops
        }
        let body = try block(name.map { "function '\($0)'" } ?? "'fn'")
        let id = nextFunctionID
        nextFunctionID += 1
        return FunctionDeclaration(id: id, name: name, parameters: parameters, body: body, source: source, position: start)
    }

    // MARK: expressions

    /// Parses one expression.
    mutating func expression() throws(ScriptError) -> Expression {
        try orExpression()
    }

    private mutating func orExpression() throws(ScriptError) -> Expression {
        var left = try andExpression()
        while isKeyword(.or) {
            let at = advance().position
            left = Expression(kind: .logical(isAnd: false, left, try andExpression()), position: at)
        }
        return left
    }

    private mutating func andExpression() throws(ScriptError) -> Expression {
        var left = try notExpression()
        while isKeyword(.and) {
            let at = advance().position
            left = Expression(kind: .logical(isAnd: true, left, try notExpression()), position: at)
        }
        return left
    }

    private mutating func notExpression() throws(ScriptError) -> Expression {
        if isKeyword(.not) {
            let at = advance().position
            return Expression(kind: .unary(.not, try notExpression()), position: at)
        }
        return try comparison()
    }

    private mutating func comparison() throws(ScriptError) -> Expression {
        var left = try additive()
        while true {
            let op: BinaryOperator
            if case .symbol(let s) = current.kind, let o = BinaryOperator(rawValue: s),
               [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(o) {
                op = o
            } else if isKeyword(.in) {
                op = .contains
            } else {
                return left
            }
            let at = advance().position
            left = Expression(kind: .binary(op, left, try additive()), position: at)
        }
    }

    private mutating func additive() throws(ScriptError) -> Expression {
        var left = try multiplicative()
        while isSymbol("+") || isSymbol("-") {
            let token = advance()
            let op: BinaryOperator = token.kind == .symbol("+") ? .add : .subtract
            left = Expression(kind: .binary(op, left, try multiplicative()), position: token.position)
        }
        return left
    }

    private mutating func multiplicative() throws(ScriptError) -> Expression {
        var left = try unary()
        while true {
            guard case .symbol(let s) = current.kind, ["*", "/", "%"].contains(s) else { return left }
            let at = advance().position
            left = Expression(kind: .binary(BinaryOperator(rawValue: s)!, left, try unary()), position: at)
        }
    }

    private mutating func unary() throws(ScriptError) -> Expression {
        if isSymbol("-") || isSymbol("+") {
            let token = advance()
            let operand = try unary()
            if token.kind == .symbol("-"), case .literal(.number(let x)) = operand.kind {
                return Expression(kind: .literal(.number(-x)), position: token.position)
            }
            return Expression(kind: .unary(token.kind == .symbol("-") ? .negate : .plus, operand), position: token.position)
        }
        return try postfix()
    }

    private mutating func postfix() throws(ScriptError) -> Expression {
        var base = try primary()
        while true {
            if isSymbol("(") {
                let at = advance().position
                base = Expression(kind: .call(base, try callArguments()), position: at)
            } else if isSymbol("[") {
                let at = advance().position
                var indices = [try expression()]
                while accept(",") { indices.append(try expression()) }
                try expect("]", "to close the index")
                base = Expression(kind: .index(base, indices), position: at)
            } else if isSymbol(".") {
                advance()
                let at = current.position
                let name: String
                switch current.kind {
                case .identifier(let n): name = n
                case .keyword(let k): name = k.rawValue
                default: throw error("expected a member name after '.', got \(current.kind.description)")
                }
                advance()
                base = Expression(kind: .member(base, name), position: at)
            } else {
                return base
            }
        }
    }

    private mutating func callArguments() throws(ScriptError) -> [CallArgument] {
        var arguments = [CallArgument]()
        while !isSymbol(")") {
            if case .identifier(let label) = current.kind, peekKind() == .symbol(":") {
                if arguments.contains(where: { $0.label == label }) { throw error("named argument '\(label)' given twice") }
                advance()
                advance()
                arguments.append(CallArgument(label: label, value: try expression()))
            } else {
                if arguments.last?.label != nil { throw error("positional argument after named arguments") }
                arguments.append(CallArgument(label: nil, value: try expression()))
            }
            if !accept(",") {
                if isSymbol("="), case .name = arguments.last?.value.kind {
                    throw error("named arguments use ':' (write seed: 42), not '='")
                }
                guard isSymbol(")") else { throw error("expected ',' or ')' in the argument list, got \(current.kind.description)") }
            }
        }
        advance()
        return arguments
    }

    private mutating func primary() throws(ScriptError) -> Expression {
        let token = current
        let at = token.position
        switch token.kind {
        case .number(let x):
            advance()
            return Expression(kind: .literal(.number(x)), position: at)
        case .string(let parts):
            advance()
            return try stringExpression(parts, at: at)
        case .keyword(.true), .keyword(.false):
            advance()
            return Expression(kind: .literal(.bool(token.kind == .keyword(.true))), position: at)
        case .keyword(.nil):
            advance()
            return Expression(kind: .literal(.null), position: at)
        case .keyword(.fn):
            advance()
            return Expression(kind: .function(try functionRest(name: nil, start: at)), position: at)
        case .identifier(let name):
            advance()
            return Expression(kind: .name(name), position: at)
        case .symbol("("):
            advance()
            let inner = try expression()
            try expect(")", "after the expression in parentheses")
            return inner
        case .symbol("["):
            advance()
            return try listOrDictionary(at: at)
        default:
            throw error("expected an expression, got \(token.kind.description)")
        }
    }

    private mutating func listOrDictionary(at: SourcePosition) throws(ScriptError) -> Expression {
        if accept("]") { return Expression(kind: .list([]), position: at) }
        if isSymbol(":"), peekKind() == .symbol("]") {
            advance()
            advance()
            return Expression(kind: .dictionary([]), position: at)
        }
        let first = try expression()
        if accept(":") {
            var entries = [(key: first, value: try expression())]
            while accept(",") {
                if isSymbol("]") { break }
                let key = try expression()
                try expect(":", "after the dictionary key")
                entries.append((key, try expression()))
            }
            guard accept("]") else { throw error("expected ',' or ']' in the dictionary, got \(current.kind.description)") }
            return Expression(kind: .dictionary(entries), position: at)
        }
        var items = [first]
        while accept(",") {
            if isSymbol("]") { break }
            items.append(try expression())
        }
        guard accept("]") else { throw error("expected ',' or ']' in the list, got \(current.kind.description)") }
        return Expression(kind: .list(items), position: at)
    }

    private mutating func stringExpression(_ parts: [StringPart], at: SourcePosition) throws(ScriptError) -> Expression {
        if parts.count == 1, case .text(let text) = parts[0] { return Expression(kind: .literal(.string(text)), position: at) }
        var out = [InterpolationPart]()
        for part in parts {
            switch part {
            case .text(let text):
                out.append(.text(text))
            case .code(let code, let start):
                if code.allSatisfy(\.isWhitespace) { throw error("empty interpolation \\() in string", at: start) }
                var lexer = Lexer(code, source: source, start: start)
                var inner = self
                inner.tokens = try lexer.tokenize().filter { $0.kind != .newline }
                inner.index = 0
                let expression = try inner.expression()
                guard inner.current.kind == .end else {
                    throw inner.error("unexpected \(inner.current.kind.description) in the interpolation")
                }
                nextFunctionID = inner.nextFunctionID
                out.append(.expression(expression))
            }
        }
        return Expression(kind: .interpolation(out), position: at)
    }
}
