import Foundation
@testable import MoodifyScript

/// Runs `code` in a fresh interpreter; returns what it printed and the displayed value (as `Display.show`).
func evaluate(_ code: String, arguments: [String] = []) throws(ScriptError) -> (output: String, display: String?) {
    let printed = Printed()
    let interpreter = Interpreter(arguments: arguments) { printed.text += $0 }
    let value = try interpreter.run(code)
    return (printed.text, value.map(Display.show))
}

/// The displayed value of `code` (fails the test when there is none).
func shown(_ code: String) throws -> String {
    try evaluate(code).display ?? "<nothing displayed>"
}

/// The message of the error `code` raises, or "<no error>".
func errorMessage(_ code: String) -> String {
    do {
        _ = try evaluate(code)
        return "<no error>"
    } catch {
        return error.message
    }
}

/// The message of the error `code` raises in `interpreter` (keeping its session), or "<no error>".
func errorMessageIn(_ interpreter: Interpreter, _ code: String) -> String {
    do {
        try interpreter.run(code)
        return "<no error>"
    } catch {
        return error.message
    }
}

/// The full description (`FILE:LINE:COL: message`, line, caret) of the error `code` raises.
func errorDescription(_ code: String, file: String = "<input>") -> String {
    do {
        let interpreter = Interpreter { _ in }
        _ = try interpreter.run(code, file: file)
        return "<no error>"
    } catch {
        return error.description
    }
}

/// Collects printed text.
final class Printed {
    var text = ""
}
