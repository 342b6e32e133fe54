import Testing
@testable import MoodifyScript

private func syntaxError(_ text: String) -> String {
    do {
        var parser = try Parser(text, source: SourceText(file: "t", text: text))
        _ = try parser.parseProgram()
        return "<no error>"
    } catch {
        #expect(error.kind == .syntax)
        return "\(error.position): \(error.message)"
    }
}

private func statementKinds(_ text: String) throws -> [String] {
    var parser = try Parser(text, source: SourceText(file: "t", text: text))
    return try parser.parseProgram().statements.map { statement in
        switch statement.kind {
        case .expression: return "expression"
        case .assign(let targets, _): return "assign\(targets.count)"
        case .compoundAssign(let op, _, _): return "compound\(op.rawValue)"
        case .function(let d): return "fn \(d.name!)/\(d.parameters.count)"
        case .return: return "return"
        case .for(let names, _, _): return "for \(names.joined(separator: ","))"
        case .while: return "while"
        case .if(_, _, let otherwise): return otherwise == nil ? "if" : "if-else"
        case .break: return "break"
        case .continue: return "continue"
        }
    }
}

@Suite struct ParserTests {
    @Test func statementForms() throws {
        let text = """
        a = 1; b, c = [2, 3]
        x[0] += 1
        fn f(p, q: 2) { return p }
        for i, v in enumerate(xs) { if v { continue } else { break } }
        while a < 3 { a += 1 }
        if a { 1 }
        else if b { 2 }
        else { 3 }
        f(1, q: 4)
        """
        #expect(try statementKinds(text) == [
            "assign1", "assign2", "compound+", "fn f/2", "for i,v", "while", "if-else", "expression",
        ])
    }

    @Test func precedence() throws {
        // Multiplication before addition, comparison before not, and before or, unary minus before *.
        #expect(try shown("1 + 2 * 3 - 4 / 2") == "5")
        #expect(try shown("-2 * 3 + 10 % 4") == "-4")
        #expect(try shown("not 1 == 2 and 3 > 2 or false") == "true")
        #expect(try shown("(1 + 2) * 3") == "9")
        #expect(try shown("[1, 2][1] + [\"a\": 5][\"a\"]") == "7")
        #expect(try shown("-[1, 2][0]") == "-1")
    }

    @Test func trailingCommasAndEmptyContainers() throws {
        #expect(try shown("[1, 2,]") == "[1, 2]")
        #expect(try shown("[\"a\": 1,]") == "[\"a\": 1]")
        #expect(try shown("[]") == "[]")
        #expect(try shown("[:]") == "[:]")
        #expect(try shown("len(\n[\n1,\n2\n]\n)") == "2")
    }

    @Test func everyParserErrorMessage() {
        #expect(syntaxError("x = ") == "1:5: expected an expression, got the end of the input")
        #expect(syntaxError("x = )") == "1:5: unmatched ')'")
        #expect(syntaxError("f(a b)") == "1:5: expected ',' or ')' in the argument list, got the name 'b'")
        #expect(syntaxError("f(seed = 3)") == "1:8: named arguments use ':' (write seed: 42), not '='")
        #expect(syntaxError("f(a: 1, 2)") == "1:9: positional argument after named arguments")
        #expect(syntaxError("f(a: 1, a: 2)") == "1:9: named argument 'a' given twice")
        #expect(syntaxError("[1 2]") == "1:4: expected ',' or ']' in the list, got a number")
        #expect(syntaxError("[\"a\": 1 \"b\": 2]") == "1:9: expected ',' or ']' in the dictionary, got a string")
        #expect(syntaxError("[\"a\": 1, \"b\" 2]") == "1:14: expected ':' after the dictionary key, got a number")
        #expect(syntaxError("(1 2)") == "1:4: expected ')' after the expression in parentheses, got a number")
        #expect(syntaxError("x[1 2]") == "1:5: expected ']' to close the index, got a number")
        #expect(syntaxError("x.1") == "1:3: expected a member name after '.', got a number")
        #expect(syntaxError("fn 3() {}") == "1:4: expected a function name after 'fn', got a number")
        #expect(syntaxError("fn f { }") == "1:6: expected '(' after the function name 'f', got '{'")
        #expect(syntaxError("fn f(1) {}") == "1:6: expected a parameter name, got a number")
        #expect(syntaxError("fn f(a, a) {}") == "1:9: parameter 'a' appears twice")
        #expect(syntaxError("fn f(a: 1, b) {}") == "1:12: parameter 'b' needs a default because an earlier parameter has one")
        #expect(syntaxError("fn f(a b) {}") == "1:8: expected ',' or ')' in the parameter list, got the name 'b'")
        #expect(syntaxError("fn f(a) return a") == "1:9: expected '{' to start the body of function 'f', got 'return'")
        #expect(syntaxError("g = fn(a) a") == "1:11: expected '{' to start the body of 'fn', got the name 'a'")
        #expect(syntaxError("if x y") == "1:6: expected '{' to start the body of 'if', got the name 'y'")
        #expect(syntaxError("if x {} else y") == "1:14: expected '{' to start the body of 'else', got the name 'y'")
        #expect(syntaxError("while x y") == "1:9: expected '{' to start the body of 'while', got the name 'y'")
        #expect(syntaxError("for x xs {}") == "1:7: expected 'in' after the loop variables, got the name 'xs'")
        #expect(syntaxError("for 1 in xs {}") == "1:5: expected a loop variable name after 'for', got a number")
        #expect(syntaxError("for x in xs y") == "1:13: expected '{' to start the body of 'for', got the name 'y'")
        #expect(syntaxError("a b") == "1:3: expected a newline or ';' after the statement, got the name 'b'")
        #expect(syntaxError("a, b") == "1:5: expected '=' after the assignment targets, got the end of the input")
        #expect(syntaxError("f() = 1") == "1:2: cannot assign to this expression (only to names and indexed elements like x[0])")
        #expect(syntaxError("a, 1 = x") == "1:4: cannot assign to this expression (only to names and indexed elements like x[0])")
        #expect(syntaxError("x.y += 1") == "1:3: cannot assign to this expression (only to names and indexed elements like x[0])")
        #expect(syntaxError("return 1") == "1:1: 'return' outside a function")
        #expect(syntaxError("break") == "1:1: 'break' outside a loop")
        #expect(syntaxError("continue") == "1:1: 'continue' outside a loop")
        #expect(syntaxError("for x in y { fn f() { break } }") == "1:23: 'break' outside a loop")
        #expect(syntaxError("else { }") == "1:1: 'else' without a matching 'if'")
        #expect(syntaxError("\"a \\() b\"") == "1:6: empty interpolation \\() in string")
        #expect(syntaxError("\"a \\(x y) b\"") == "1:8: unexpected the name 'y' in the interpolation")
        #expect(syntaxError("x = \"\\(1 +)\"") == "1:11: expected an expression, got the end of the input")
    }

    @Test func syntaxErrorsShowTheLineAndACaret() {
        let description = errorDescription("a = 1\nb = (2 +\n  3 3)", file: "cell.moodify")
        #expect(description == """
        cell.moodify:3:5: expected ')' after the expression in parentheses, got a number
              3 3)
                ^
        """)
    }
}
