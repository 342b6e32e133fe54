/// An expression with the position errors about it point at.
public struct Expression: Sendable {
    /// What the expression is.
    let kind: ExpressionKind
    /// Where it is (for operators, the operator; for calls and indexing, the opening bracket).
    let position: SourcePosition
}

/// The kinds of expressions.
indirect enum ExpressionKind: Sendable {
    /// A literal value: number, boolean, nil, plain string.
    case literal(Value)
    /// A string with `\(…)` parts.
    case interpolation([InterpolationPart])
    /// A variable or builtin name.
    case name(String)
    /// `[a, b]`.
    case list([Expression])
    /// `["k": v]`.
    case dictionary([(key: Expression, value: Expression)])
    /// `-x`, `+x`, `not x`.
    case unary(UnaryOperator, Expression)
    /// `a + b`, `a == b`, …
    case binary(BinaryOperator, Expression, Expression)
    /// `a and b`, `a or b` (short-circuit).
    case logical(isAnd: Bool, Expression, Expression)
    /// `f(x, seed: 42)`.
    case call(Expression, [CallArgument])
    /// `x.name`.
    case member(Expression, String)
    /// `x[i]` or `x[i, j]`.
    case index(Expression, [Expression])
    /// `fn(x) { … }`.
    case function(FunctionDeclaration)
}

/// A piece of an interpolated string.
enum InterpolationPart: Sendable {
    /// Literal text.
    case text(String)
    /// An embedded expression.
    case expression(Expression)
}

/// One argument of a call; `label` is set for named arguments.
struct CallArgument: Sendable {
    /// The name for `name: value`, nil for a positional argument.
    let label: String?
    /// The argument.
    let value: Expression
}

/// Prefix operators.
enum UnaryOperator: String, Sendable {
    case negate = "-", plus = "+", not
}

/// Infix operators other than `and`/`or`.
enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case contains = "in"
}

/// A `fn` declaration (named statement or anonymous expression).
public struct FunctionDeclaration: Sendable {
    /// A number unique within the session, to tell functions apart.
    let id: Int
    /// The name (nil for `fn(x) { … }` expressions).
    let name: String?
    /// The parameters, in order.
    let parameters: [FunctionParameter]
    /// The body.
    let body: [Statement]
    /// The source the body was read from, for error lines.
    let source: SourceText
    /// Where `fn` is.
    let position: SourcePosition
}

/// One parameter of a script function, with an optional default expression.
struct FunctionParameter: Sendable {
    /// The name.
    let name: String
    /// The default, evaluated when the function is defined.
    let defaultValue: Expression?
}

/// A statement with the position of its first token.
public struct Statement: Sendable {
    /// What the statement is.
    let kind: StatementKind
    /// Where it starts.
    let position: SourcePosition
}

/// The kinds of statements.
enum StatementKind: Sendable {
    /// An expression evaluated for its value or effect.
    case expression(Expression)
    /// `a = e`, `a[i] = e`, or `a, b = e` (destructuring a list).
    case assign(targets: [Expression], value: Expression)
    /// `a += e` and friends.
    case compoundAssign(BinaryOperator, target: Expression, value: Expression)
    /// `fn name(…) { … }`.
    case function(FunctionDeclaration)
    /// `return` or `return e`.
    case `return`(Expression?)
    /// `for x in e { … }` or `for a, b in e { … }`.
    case `for`(names: [String], iterable: Expression, body: [Statement])
    /// `while e { … }`.
    case `while`(condition: Expression, body: [Statement])
    /// `if e { … } else { … }` (`else if` nests another `if` in the else branch).
    case `if`(condition: Expression, then: [Statement], otherwise: [Statement]?)
    /// `break`.
    case `break`
    /// `continue`.
    case `continue`
}

/// A parsed cell or snippet: its statements and the source they came from.
public struct Program: Sendable {
    /// The statements, in order.
    let statements: [Statement]
    /// The source text, for error lines.
    let source: SourceText
}
