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

/// A new temporary folder holding `tiny.mdfy`: one softmax layer over method 2's 256 values (seed 11), scaled by
/// mean −40 and scale 10, with CREMA-D's six classes. The caller removes the folder.
func folderWithTinyModel(_ prefix: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let model = try Sequential(specs: [.dense(units: 6, activation: .softmax, l2: 0)], inputShape: [256], seed: 11)
    try model.save(to: URL(fileURLWithPath: folder + "/tiny.mdfy"), featureSet: "method2", scalerMean: [Float](repeating: -40, count: 256),
                   scalerScale: [Float](repeating: 10, count: 256), labels: ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"])
    return folder
}
