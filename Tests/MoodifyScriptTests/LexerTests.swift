import Testing
@testable import MoodifyScript

private func kinds(_ text: String) throws -> [TokenKind] {
    var lexer = Lexer(text, source: SourceText(file: "t", text: text))
    return try lexer.tokenize().map(\.kind)
}

private func lexError(_ text: String) -> String {
    var lexer = Lexer(text, source: SourceText(file: "t", text: text))
    do {
        _ = try lexer.tokenize()
        return "<no error>"
    } catch {
        return "\(error.position): \(error.message)"
    }
}

@Suite struct LexerTests {
    @Test func namesKeywordsAndSymbols() throws {
        #expect(try kinds("fn f(n_fft, x2) { return not a and b or c }") == [
            .keyword(.fn), .identifier("f"), .symbol("("), .identifier("n_fft"), .symbol(","), .identifier("x2"), .symbol(")"),
            .symbol("{"), .keyword(.return), .keyword(.not), .identifier("a"), .keyword(.and), .identifier("b"),
            .keyword(.or), .identifier("c"), .symbol("}"), .end,
        ])
        #expect(try kinds("a<=b>=c==d!=e+=1-=2*=3/=4 % 5") == [
            .identifier("a"), .symbol("<="), .identifier("b"), .symbol(">="), .identifier("c"), .symbol("=="),
            .identifier("d"), .symbol("!="), .identifier("e"), .symbol("+="), .number(1), .symbol("-="), .number(2),
            .symbol("*="), .number(3), .symbol("/="), .number(4), .symbol("%"), .number(5), .end,
        ])
    }

    @Test func numbers() throws {
        #expect(try kinds("0 42 3.25 1e-3 2E+2 10_000 7.5e1") == [
            .number(0), .number(42), .number(3.25), .number(0.001), .number(200), .number(10_000), .number(75), .end,
        ])
        // A dot not followed by a digit is member access, not a fraction.
        #expect(try kinds("3.x") == [.number(3), .symbol("."), .identifier("x"), .end])
    }

    @Test func stringsEscapesAndInterpolation() throws {
        #expect(try kinds(#""a\tb\n\"q\" \\ \u{1F3A7}""#) == [.string([.text("a\tb\n\"q\" \\ 🎧")]), .end])
        #expect(try kinds("'single \"inside\"'") == [.string([.text("single \"inside\"")]), .end])
        #expect(try kinds(#""""#) == [.string([.text("")]), .end])
        #expect(try kinds(#""x=\(f(a, "s)")) end""#) == [
            .string([.text("x="), .code(#"f(a, "s)")"#, SourcePosition(line: 1, column: 6)), .text(" end")]), .end,
        ])
    }

    @Test func newlinesEndStatementsOutsideParenthesesAndBrackets() throws {
        #expect(try kinds("a\n\n\nb") == [.identifier("a"), .newline, .identifier("b"), .end])
        #expect(try kinds("f(1,\n 2)\n[3,\n4]") == [
            .identifier("f"), .symbol("("), .number(1), .symbol(","), .number(2), .symbol(")"), .newline,
            .symbol("["), .number(3), .symbol(","), .number(4), .symbol("]"), .end,
        ])
        // Inside braces newlines separate statements again, even within parentheses.
        #expect(try kinds("g(fn(x) {\nx\n})") == [
            .identifier("g"), .symbol("("), .keyword(.fn), .symbol("("), .identifier("x"), .symbol(")"), .symbol("{"),
            .newline, .identifier("x"), .newline, .symbol("}"), .symbol(")"), .end,
        ])
    }

    @Test func commentsRunToTheEndOfTheLine() throws {
        #expect(try kinds("a # note (not code\nb # x") == [.identifier("a"), .newline, .identifier("b"), .end])
    }

    @Test func positionsCountLinesAndCharacters() throws {
        let text = "é = 1\n  bb"
        var lexer = Lexer(text, source: SourceText(file: "t", text: text), start: SourcePosition(line: 10, column: 1))
        let tokens = try lexer.tokenize()
        #expect(tokens.map(\.position) == [
            SourcePosition(line: 10, column: 1), SourcePosition(line: 10, column: 3), SourcePosition(line: 10, column: 5),
            SourcePosition(line: 10, column: 6), SourcePosition(line: 11, column: 3), SourcePosition(line: 11, column: 5),
        ])
    }

    @Test func everyLexerErrorMessage() {
        #expect(lexError("a = \"open") == "1:5: unterminated string")
        #expect(lexError("a = \"open\\") == "1:5: unterminated string")
        #expect(lexError("\"a\\qb\"") == "1:3: invalid escape sequence '\\q' in string")
        #expect(lexError("\"\\u{zz}\"") == "1:2: invalid unicode escape in string (write \\u{1F3A7})")
        #expect(lexError("\"\\(a + (b)\"") == "1:1: unterminated interpolation in string")
        #expect(lexError("x @ y") == "1:3: unexpected character '@'")
        #expect(lexError("!x") == "1:1: unexpected character '!' (write 'not' for negation)")
        #expect(lexError("1e+") == "1:1: malformed number '1e+'")
        #expect(lexError("12abc") == "1:1: malformed number '12abc'")
        #expect(lexError("a)") == "1:2: unmatched ')'")
        #expect(lexError("f(a]") == "1:4: ']' does not match '(' opened at line 1, column 2")
        #expect(lexError("x = [1,\n2") == "1:5: '[' is never closed")
    }

    @Test func incompleteInputAsksForMoreLines() {
        #expect(Lexer.isIncomplete("f(1,"))
        #expect(Lexer.isIncomplete("fn f() {\n x = ["))
        #expect(!Lexer.isIncomplete("f(1)"))
        #expect(!Lexer.isIncomplete("f(1))"))  // an error, reported when run, not a reason to wait
        #expect(!Lexer.isIncomplete("\"open"))
    }
}
