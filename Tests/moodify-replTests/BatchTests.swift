import Foundation
import Testing

@Suite struct BatchTests {
    @Test func withoutATerminalStatementsComeFromStdinWithoutPrompts() throws {
        let result = try Repl.run([], input: "a = 2\nb = [\n  a,\n  3]\nb[0] * 21\nprint(\"done\")\n")
        #expect(result.status == 0)
        #expect(result.out == "42\ndone\n")
        #expect(result.err == "")
        let failing = try Repl.run([], input: "x = 1\ny = x / 0\nx + 1\n")
        #expect(failing.status == 1)
        #expect(failing.out == "2\n")  // the session went on after the error
        #expect(failing.err == "<input>:1:7: division by zero\n    y = x / 0\n          ^\n")
        #expect(!failing.out.contains("\u{1B}") && !failing.err.contains("\u{1B}"))
    }

    @Test func helpModelShowsTheDefaultBundlesCard() throws {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Models/default.moodify").path
        let result = try Repl.run([], input: ":help model\n", environment: ["MOODIFY_MODEL": shipped])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("Model \(shipped) · features "))
        for key in ["cv_accuracy:", "cv_macro_f1:", "cv_recall:", "protocol:", "training_data:"] { #expect(result.out.contains(key)) }
        let missing = try Repl.run([], input: ":help model\n", environment: ["MOODIFY_MODEL": "/nonexistent/model.moodify"])
        #expect(missing.status == 1)
        #expect(missing.err.contains("/nonexistent/model.moodify"))
    }

    @Test func snippetsWithArguments() throws {
        let result = try Repl.run(["-e", "print(len(args), args[0])\nargs", "first", "--second"])
        #expect(result.status == 0)
        #expect(result.out == "2 first\n[\"first\", \"--second\"]\n")
        let failing = try Repl.run(["-e", "load_npy(3)"])
        #expect(failing.status == 1)
        #expect(failing.err.hasPrefix("<-e>:1:1: load_npy: expected a string for path, got a number"))
    }

    @Test func notebooksRunCellByCellAndStopAtTheFirstFailure() throws {
        let folder = Repl.scratch("batch")
        let path = folder.appendingPathComponent("nb.moodify").path
        try """
        %% Start
        print("args:", args)
        total = 1
        %% Fails
        total = total / 0
        %% After
        total + 1
        """.write(toFile: path, atomically: true, encoding: .utf8)

        let stopped = try Repl.run([path, "extra"])
        #expect(stopped.status == 1)
        #expect(stopped.out.contains("── [1] Start") && stopped.out.contains("args: [\"extra\"]"))
        #expect(stopped.out.contains("── [2] Fails") && !stopped.out.contains("── [3] After"))
        #expect(stopped.out.contains("2 of 3 cells in") && stopped.out.contains("failed: [2]"))
        #expect(stopped.err.hasPrefix("\(path):5:15: division by zero"))

        let going = try Repl.run([path, "--keep-going"])
        #expect(going.status == 1)
        #expect(going.out.contains("── [3] After") && going.out.contains("\n2\n"))

        let range = try Repl.run(["--cells", "1", path])
        #expect(range.status == 0)
        #expect(range.out.contains("1 of 3 cells"))

        let bad = try Repl.run(["--cells", "x", path])
        #expect(bad.status != 0)
        #expect(bad.err.contains("--cells takes a cell number"))

        let missing = try Repl.run([folder.appendingPathComponent("none.moodify").path])
        #expect(missing.status == 1)
        #expect(missing.err.contains("cannot read the notebook"))
    }
}
