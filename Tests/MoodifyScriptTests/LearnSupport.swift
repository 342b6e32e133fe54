import Foundation
import MoodifyLearn
@testable import MoodifyScript

/// A session that ran `code` with `variables` set first: the interpreter (to read variables back), what it
/// printed, and the last value's display.
func session(_ code: String, _ variables: [String: Value] = [:]) throws -> (interpreter: Interpreter, output: String, display: String?) {
    let printed = Printed()
    let interpreter = Interpreter { printed.text += $0 }
    for (name, value) in variables { interpreter.setVariable(name, value) }
    let value = try interpreter.run(code)
    return (interpreter, printed.text, value.map(Display.show))
}

/// The matrix in variable `name` of a session.
func matrixVariable(_ interpreter: Interpreter, _ name: String) throws -> Matrix {
    try (interpreter.variable(name) ?? .null).asMatrix()
}

/// Two well-separated classes of `rows` rows each in `cols` columns: class 0 ramps up, class 1 ramps down,
/// with a little deterministic jitter; returns the matrix and the class indices.
func separableData(rows: Int, cols: Int, seed: UInt64 = 3) -> (x: Matrix, y: [Int]) {
    var generator = SeededGenerator(seed: seed)
    var values = [Float](), labels = [Int]()
    for r in 0..<(2 * rows) {
        let label = r % 2
        for c in 0..<cols {
            let ramp = Float(c) / Float(cols) - 0.5
            values.append((label == 0 ? ramp : -ramp) + 0.2 * (generator.nextUnitFloat() - 0.5))
        }
        labels.append(label)
    }
    return (Matrix(rows: 2 * rows, cols: cols, values: values), labels)
}

/// A scratch path under the temporary folder (not created).
func scratchPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory
        .appendingPathComponent("moodify-learn-builtins-\(getpid())-\(UUID().uuidString.prefix(8))-\(name)").path
}
