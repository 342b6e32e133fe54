/// One token of the cell-script language.
struct Token: Sendable, Equatable {
    /// What the token is.
    var kind: TokenKind
    /// Where it starts.
    var position: SourcePosition
}

/// The kinds of tokens.
enum TokenKind: Sendable, Equatable {
    /// A name: `x`, `load`, `n_fft`.
    case identifier(String)
    /// A reserved word.
    case keyword(Keyword)
    /// A number literal.
    case number(Double)
    /// A string literal, split into text and `\(…)` parts.
    case string([StringPart])
    /// An operator or punctuation: `+ - * / % == != < <= > >= = += -= *= /= ( ) [ ] { } , : . ;`.
    case symbol(String)
    /// The end of a statement line (only outside `(…)` and `[…]`).
    case newline
    /// The end of the input.
    case end

    /// How error messages name the token.
    var description: String {
        switch self {
        case .identifier(let name): return "the name '\(name)'"
        case .keyword(let k): return "'\(k.rawValue)'"
        case .number: return "a number"
        case .string: return "a string"
        case .symbol(let s): return "'\(s)'"
        case .newline: return "the end of the line"
        case .end: return "the end of the input"
        }
    }
}

/// A piece of a string literal.
enum StringPart: Sendable, Equatable {
    /// Literal text (escapes resolved).
    case text(String)
    /// The source of a `\(…)` interpolation and where it starts.
    case code(String, SourcePosition)
}

/// The reserved words.
enum Keyword: String, Sendable, CaseIterable {
    case fn, `return`, `for`, `in`, `if`, `else`, `while`, `break`, `continue`
    case `true`, `false`, `nil`, and, or, not
}
