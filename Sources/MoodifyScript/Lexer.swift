/// Turns source text into tokens. Newlines end statements except inside `(…)` and `[…]`.
struct Lexer {
    private let chars: [Character]
    private let source: SourceText
    private var index = 0
    private var line: Int
    private var column: Int
    /// Open brackets with their positions, innermost last.
    private var brackets: [(Character, SourcePosition)] = []

    /// A lexer over `text`, which starts at `start` within `source`.
    init(_ text: String, source: SourceText, start: SourcePosition = SourcePosition(line: 1, column: 1)) {
        self.chars = Array(text)
        self.source = source
        self.line = start.line
        self.column = start.column
    }

    /// All tokens, ending with `.end`.
    mutating func tokenize() throws(ScriptError) -> [Token] {
        var tokens = [Token]()
        while true {
            let token = try next()
            if token.kind == .newline, tokens.last?.kind == .newline || tokens.isEmpty { continue }
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    /// Whether `text` stops inside an open bracket or brace, so a prompt should read another line.
    static func isIncomplete(_ text: String) -> Bool {
        var lexer = Lexer(text, source: SourceText(file: "", text: text))
        do {
            _ = try lexer.tokenize()
            return false
        } catch {
            return error.message.hasSuffix("is never closed")
        }
    }

    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < chars.count ? chars[index + offset] : nil
    }

    private mutating func advance() -> Character {
        let c = chars[index]
        index += 1
        if c == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        return c
    }

    private func error(_ message: String, at position: SourcePosition) -> ScriptError {
        ScriptError(.syntax, message, at: position, in: source)
    }

    private mutating func next() throws(ScriptError) -> Token {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\r" {
                _ = advance()
            } else if c == "#" {
                while let d = peek(), d != "\n" { _ = advance() }
            } else if c == "\n" {
                let start = position
                _ = advance()
                if brackets.last.map({ $0.0 == "{" }) ?? true { return Token(kind: .newline, position: start) }
            } else {
                break
            }
        }
        let start = position
        guard let c = peek() else {
            if let (open, at) = brackets.last { throw error("'\(open)' is never closed", at: at) }
            return Token(kind: .end, position: start)
        }
        if c.isLetter || c == "_" { return Token(kind: word(), position: start) }
        if c.isASCII, c.isNumber { return Token(kind: try number(), position: start) }
        if c == "\"" || c == "'" { return Token(kind: try string(), position: start) }
        return Token(kind: try symbol(), position: start)
    }

    private mutating func word() -> TokenKind {
        var text = ""
        while let c = peek(), c.isLetter || c.isNumber || c == "_" { text.append(advance()) }
        if let keyword = Keyword(rawValue: text) { return .keyword(keyword) }
        return .identifier(text)
    }

    private mutating func number() throws(ScriptError) -> TokenKind {
        let start = position
        var text = ""
        func digits(_ lexer: inout Lexer) {
            while let c = lexer.peek(), (c.isASCII && c.isNumber) || c == "_" {
                let d = lexer.advance()
                if d != "_" { text.append(d) }
            }
        }
        digits(&self)
        if peek() == ".", let d = peek(1), d.isASCII, d.isNumber {
            text.append(advance())
            digits(&self)
        }
        if let e = peek(), e == "e" || e == "E" {
            text.append(advance())
            if let s = peek(), s == "+" || s == "-" { text.append(advance()) }
            let before = text.count
            digits(&self)
            if text.count == before { throw error("malformed number '\(text)'", at: start) }
        }
        if let c = peek(), c.isLetter || c == "_" {
            while let c = peek(), c.isLetter || c.isNumber || c == "_" { text.append(advance()) }
            throw error("malformed number '\(text)'", at: start)
        }
        guard let value = Double(text) else { throw error("malformed number '\(text)'", at: start) }
        return .number(value)
    }

    private mutating func string() throws(ScriptError) -> TokenKind {
        let start = position
        let quote = advance()
        var parts = [StringPart]()
        var text = ""
        while true {
            guard let c = peek(), c != "\n" else { throw error("unterminated string", at: start) }
            _ = advance()
            if c == quote { break }
            if c != "\\" {
                text.append(c)
                continue
            }
            let escapeStart = SourcePosition(line: line, column: column - 1)
            guard let e = peek(), e != "\n" else { throw error("unterminated string", at: start) }
            _ = advance()
            switch e {
            case "n": text.append("\n")
            case "t": text.append("\t")
            case "r": text.append("\r")
            case "0": text.append("\0")
            case "\\", "\"", "'": text.append(e)
            case "u": text.append(try unicodeEscape(at: escapeStart))
            case "(":
                if !text.isEmpty { parts.append(.text(text)) }
                text = ""
                parts.append(try interpolation(stringStart: start))
            default:
                throw error("invalid escape sequence '\\\(e)' in string", at: escapeStart)
            }
        }
        if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
        return .string(parts)
    }

    private mutating func unicodeEscape(at start: SourcePosition) throws(ScriptError) -> Character {
        var hex = ""
        if peek() == "{" {
            _ = advance()
            while let c = peek(), c.isHexDigit { hex.append(advance()) }
            if peek() == "}" {
                _ = advance()
                if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) { return Character(scalar) }
            }
        }
        throw error("invalid unicode escape in string (write \\u{1F3A7})", at: start)
    }

    /// The code of a `\(…)` up to its matching parenthesis.
    private mutating func interpolation(stringStart: SourcePosition) throws(ScriptError) -> StringPart {
        let start = position
        var code = ""
        var depth = 1
        var quote: Character? = nil
        while true {
            guard let c = peek(), c != "\n" else { throw error("unterminated interpolation in string", at: stringStart) }
            _ = advance()
            if let q = quote {
                if c == "\\", let n = peek(), n != "\n" {
                    code.append(c)
                    code.append(advance())
                    continue
                }
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
                if depth == 0 { break }
            }
            code.append(c)
        }
        return .code(code, start)
    }

    private static let twoCharacterSymbols: Set<String> = ["==", "!=", "<=", ">=", "+=", "-=", "*=", "/="]
    private static let oneCharacterSymbols: Set<Character> = ["+", "-", "*", "/", "%", "<", ">", "=", "(", ")", "[", "]",
                                                              "{", "}", ",", ":", ".", ";"]

    private mutating func symbol() throws(ScriptError) -> TokenKind {
        let start = position
        let c = advance()
        if let d = peek(), Lexer.twoCharacterSymbols.contains(String([c, d])) {
            _ = advance()
            return .symbol(String([c, d]))
        }
        guard Lexer.oneCharacterSymbols.contains(c) else {
            if c == "!" { throw error("unexpected character '!' (write 'not' for negation)", at: start) }
            throw error("unexpected character '\(c)'", at: start)
        }
        switch c {
        case "(", "[", "{":
            brackets.append((c, start))
        case ")", "]", "}":
            guard let (open, at) = brackets.popLast() else { throw error("unmatched '\(c)'", at: start) }
            let expected: Character = open == "(" ? ")" : open == "[" ? "]" : "}"
            if c != expected {
                throw error("'\(c)' does not match '\(open)' opened at line \(at.line), column \(at.column)", at: start)
            }
        default:
            break
        }
        return .symbol(String(c))
    }
}
