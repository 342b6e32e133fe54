import Foundation
import Testing
@testable import MoodifyScript

private let text = """
# A comment before the first cell is not a cell.
%% Setup
x = 40
print("x is", x)
%% Plot · 2
fn twice(p) { return [plot(p), plot(p)] }
twice("figure.png")
x + 2
%% Broken
y = x / 0
%%
"last"
"""

@Suite struct NotebookTests {
    @Test func cellsTitlesAndLines() {
        let notebook = Notebook(text: text, file: "nb.moodify")
        #expect(notebook.cells.map(\.title) == ["Setup", "Plot · 2", "Broken", ""])
        #expect(notebook.cells.map(\.index) == [1, 2, 3, 4])
        #expect(notebook.cells.map(\.firstLine) == [3, 6, 10, 12])
        #expect(notebook.cells[0].source == "x = 40\nprint(\"x is\", x)")
        let untitled = Notebook(text: "a = 1\n%% Next\nb = 2", file: "n")
        #expect(untitled.cells.map(\.title) == ["", "Next"])
    }

    /// An interpreter with a `plot(name)` builtin that writes an empty PNG file in a temporary folder.
    private func interpreter(_ folder: String) -> Interpreter {
        let plot = Builtin("plot", [.required("name")], doc: "Test plot.") { args in
            let path = folder + "/" + (try args.string("name"))
            _ = FileManager.default.createFile(atPath: path, contents: Data())
            return .string(path)
        }
        return Interpreter(builtins: Builtins(Builtins.areas + [[plot]])) { _ in }
    }

    @Test func runRecordsOutputDisplayFilesTimeAndStopsAtTheFirstError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("moodify-nb-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let interpreter = interpreter(folder)
        var events = [String]()
        let run = interpreter.run(Notebook(text: text, file: "nb.moodify")) { event in
            switch event {
            case .cellStarted(let c): events.append("start \(c.index)")
            case .output(let t): events.append("out \(t)")
            case .display(let t): events.append("show \(t)")
            case .error(let e): events.append("error \(e.headline)")
            case .cellFinished(let r): events.append("end \(r.index)")
            }
        }
        #expect(run.cells.count == 3)
        #expect(run.failed)
        #expect(run.cells[0].output == "x is 40\n")
        #expect(run.cells[0].display == nil)
        #expect(run.cells[1].display == "42")
        #expect(run.cells[1].files == [folder + "/figure.png"])  // written twice, listed once
        #expect(run.cells[2].error == "nb.moodify:10:7: division by zero\n    y = x / 0\n          ^")
        #expect(run.cells.allSatisfy { $0.seconds >= 0 })
        #expect(events == ["start 1", "out x is 40\n", "end 1", "start 2", "show 42", "end 2", "start 3",
                           "error nb.moodify:10:7: division by zero", "end 3"])
    }

    @Test func keepGoingAndRanges() {
        let all = Interpreter { _ in }.run(Notebook(text: text, file: "nb"), keepGoing: true)
        #expect(all.cells.map(\.index) == [1, 2, 3, 4])
        #expect(all.cells[3].display == "\"last\"")
        let some = Interpreter { _ in }.run(Notebook(text: text, file: "nb"), cells: 2...2)
        #expect(some.cells.map(\.index) == [2])
        #expect(some.cells[0].error?.contains("unknown name 'plot'") ?? false)
    }

    @Test func syntaxErrorsUseFileLineNumbers() {
        let run = Interpreter { _ in }.run(Notebook(text: "%% One\na = 1\n%% Two\n\nb = (1 +", file: "nb"))
        #expect(run.cells[1].error?.hasPrefix("nb:5:5: '(' is never closed") ?? false)
    }

    @Test func missingNotebookFile() {
        #expect(throws: ValueError.self) { try Notebook(contentsOf: "/nonexistent/nb.moodify") }
    }
}
